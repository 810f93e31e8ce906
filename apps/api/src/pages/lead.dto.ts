import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { LEAD_STATUSES, LeadStatus } from '@tcma/persistence';
import { LEAD_REASON_MAX_LENGTH, LeadDetail, LeadWithProspect } from '@tcma/pages';
import { IsBoolean, IsIn, IsOptional, IsString, MaxLength } from 'class-validator';
import { PageQuery } from '../common/page.query';

export class ListLeadsQuery extends PageQuery {
  @ApiPropertyOptional({ enum: LEAD_STATUSES }) @IsOptional() @IsIn(LEAD_STATUSES) status?: LeadStatus;
}

export class ChangeLeadStatusDto {
  @ApiProperty({
    enum: LEAD_STATUSES,
    description:
      'new → accepted or rejected; accepted → won, lost or rejected; rejected → accepted; won and lost are final.',
  })
  @IsIn(LEAD_STATUSES)
  status!: LeadStatus;

  @ApiPropertyOptional({ maxLength: LEAD_REASON_MAX_LENGTH, description: 'Required when rejecting.' })
  @IsOptional()
  @IsString()
  @MaxLength(LEAD_REASON_MAX_LENGTH)
  reason?: string;
}

export class ContactsPrivacyDto {
  @ApiProperty({ description: "true: the vendor sees this partner's counts and funnels only, never its leads." })
  @IsBoolean()
  contactsPrivate!: boolean;
}

export class LeadDto {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ format: 'uuid' }) partnerId!: string;
  @ApiProperty() prospectId!: string;
  @ApiProperty() email!: string;
  @ApiProperty({ nullable: true, type: String }) firstName!: string | null;
  @ApiProperty({ nullable: true, type: String }) lastName!: string | null;
  @ApiProperty({ nullable: true, type: String }) company!: string | null;
  @ApiProperty({ format: 'uuid' }) campaignId!: string;
  @ApiProperty() campaignVersion!: number;
  @ApiProperty({
    nullable: true,
    type: String,
    description: 'The send whose link brought the prospect to the page, when one did.',
  })
  sendId!: string | null;
  @ApiProperty({ enum: LEAD_STATUSES }) status!: LeadStatus;
  @ApiProperty({ nullable: true, type: String, description: 'Why it was rejected.' }) statusReason!: string | null;
  @ApiProperty({
    type: 'object',
    additionalProperties: { type: 'string' },
    description: "The form's values by field name.",
  })
  fields!: Record<string, string>;
  @ApiProperty() createdAt!: Date;
  @ApiProperty() updatedAt!: Date;

  static from(l: LeadWithProspect): LeadDto {
    return {
      id: l.id,
      partnerId: l.partnerId,
      prospectId: l.prospectId,
      email: l.email,
      firstName: l.firstName,
      lastName: l.lastName,
      company: l.company,
      campaignId: l.campaignId,
      campaignVersion: l.campaignVersion,
      sendId: l.sendId,
      status: l.status,
      statusReason: l.statusReason,
      fields: l.fields,
      createdAt: l.createdAt,
      updatedAt: l.updatedAt,
    };
  }
}

export class LeadAnswerDto {
  @ApiProperty({ description: "The form field's name (its key in `fields`)." }) name!: string;
  @ApiProperty({
    description:
      "The label the campaign version's page form gave the field; the name when the form does not declare it.",
  })
  label!: string;
  @ApiProperty() value!: string;
}

/** A lead as its own page shows it: its form answers labelled. */
export class LeadDetailDto extends LeadDto {
  @ApiProperty({
    type: [LeadAnswerDto],
    description: "The form's answers in the form's order, labelled as the page showed them.",
  })
  answers!: LeadAnswerDto[];

  static fromDetail(l: LeadDetail): LeadDetailDto {
    return { ...LeadDto.from(l), answers: l.answers };
  }
}
