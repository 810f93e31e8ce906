import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { PARTNER_STATUSES, PartnerRow, PartnerStatus } from '@tcma/persistence';
import { IsIn, IsOptional, IsString, Length } from 'class-validator';
import { IsOptionalNotNull } from '../../common/validators/is-present.validator';
import { PageQuery } from '../../common/page.query';
import { IsLanguageTag } from '../../common/validators/is-language-tag.validator';
import { IsTimeZone } from '../../common/validators/is-time-zone.validator';

const LANGUAGE =
  "The language its prospects read when they have none of their own, a BCP 47 tag kept in its canonical form (de-at → de-AT); null: the campaign's.";
const EXTERNAL_ID =
  "The partner's id in the vendor's own systems (e.g. its PRM account id): what single sign-on claims and SCIM groups name the partner by. 1–200 characters, unique per vendor; null clears it.";

export class CreatePartnerDto {
  @ApiProperty({ example: 'Northwind IT' })
  @IsString()
  @Length(1, 200)
  companyName!: string;

  @ApiProperty({ example: 'gold' })
  @IsString()
  @Length(1, 50)
  tier!: string;

  @ApiProperty({ example: 'emea' })
  @IsString()
  @Length(1, 50)
  region!: string;

  @ApiPropertyOptional({
    example: 'Europe/Warsaw',
    description: 'Used for prospects without a time zone. Default UTC.',
  })
  @IsOptional()
  @IsTimeZone()
  timezone?: string;

  @ApiPropertyOptional({ nullable: true, type: String, example: 'de-AT', description: LANGUAGE })
  @IsOptional()
  @IsLanguageTag()
  language?: string | null;

  @ApiPropertyOptional({ enum: PARTNER_STATUSES, default: 'active' })
  @IsOptional()
  @IsIn(PARTNER_STATUSES)
  status?: PartnerStatus;

  @ApiPropertyOptional({ nullable: true, type: String, example: '0015g00000XyZab', description: EXTERNAL_ID })
  @IsOptional()
  @IsString()
  @Length(1, 200)
  externalId?: string | null;
}

export class UpdatePartnerDto {
  @ApiPropertyOptional() @IsOptionalNotNull() @IsString() @Length(1, 200) companyName?: string;
  @ApiPropertyOptional() @IsOptionalNotNull() @IsString() @Length(1, 50) tier?: string;
  @ApiPropertyOptional() @IsOptionalNotNull() @IsString() @Length(1, 50) region?: string;
  @ApiPropertyOptional() @IsOptionalNotNull() @IsTimeZone() timezone?: string;
  @ApiPropertyOptional({ nullable: true, type: String, example: 'de-AT', description: LANGUAGE })
  @IsOptional()
  @IsLanguageTag()
  language?: string | null;
  @ApiPropertyOptional({ enum: PARTNER_STATUSES, description: "A suspended partner's users cannot authenticate." })
  @IsOptionalNotNull()
  @IsIn(PARTNER_STATUSES)
  status?: PartnerStatus;
  @ApiPropertyOptional({ nullable: true, type: String, description: EXTERNAL_ID })
  @IsOptional()
  @IsString()
  @Length(1, 200)
  externalId?: string | null;
}

export class ListPartnersQuery extends PageQuery {
  @ApiPropertyOptional() @IsOptional() @IsString() @Length(1, 50) tier?: string;
  @ApiPropertyOptional() @IsOptional() @IsString() @Length(1, 50) region?: string;
  @ApiPropertyOptional({ enum: PARTNER_STATUSES }) @IsOptional() @IsIn(PARTNER_STATUSES) status?: PartnerStatus;
  @ApiPropertyOptional({ description: 'Part of the company name, case-insensitive.' })
  @IsOptional()
  @IsString()
  @Length(1, 100)
  search?: string;
  @ApiPropertyOptional({ description: 'The external id, exactly.' })
  @IsOptional()
  @IsString()
  @Length(1, 200)
  externalId?: string;
}

export class PartnerDto {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty() companyName!: string;
  @ApiProperty() tier!: string;
  @ApiProperty() region!: string;
  @ApiProperty({ enum: PARTNER_STATUSES }) status!: PartnerStatus;
  @ApiProperty() timezone!: string;
  @ApiProperty({ nullable: true, type: String, description: LANGUAGE }) language!: string | null;
  @ApiProperty({ nullable: true, type: String, description: EXTERNAL_ID }) externalId!: string | null;
  @ApiProperty({
    description:
      "The partner's part of its landing pages' addresses (/p/<slug>/<campaign slug>): made from the name at creation, unique, never changed.",
  })
  slug!: string;
  @ApiProperty({ description: 'When true the vendor sees counts and funnels of this partner only, never its leads.' })
  contactsPrivate!: boolean;
  @ApiProperty() createdAt!: Date;
  @ApiProperty() updatedAt!: Date;

  static from(p: PartnerRow): PartnerDto {
    return {
      id: p.id,
      companyName: p.companyName,
      tier: p.tier,
      region: p.region,
      status: p.status,
      timezone: p.timezone,
      language: p.language,
      externalId: p.externalId,
      slug: p.slug,
      contactsPrivate: p.contactsPrivate,
      createdAt: p.createdAt,
      updatedAt: p.updatedAt,
    };
  }
}
