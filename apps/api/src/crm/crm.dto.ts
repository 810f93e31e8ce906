import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import type {
  CrmConnectionView,
  CrmRecordView,
  HeldBack,
  HeldBackPartner,
  RevenueBy,
  RevenueInfluenced,
  RevenueTotal,
} from '@tcma/crm';
import {
  CRM_CONNECTION_STATUSES,
  CRM_PROVIDERS,
  CRM_RECORD_STATUSES,
  CrmConnectionStatus,
  CrmProvider,
  CrmRecordStatus,
} from '@tcma/persistence';
import { Type } from 'class-transformer';
import { IsIn, IsInt, IsObject, IsOptional, IsUUID, Max, Min } from 'class-validator';
import { PageQuery } from '../common/page.query';

export class CrmProviderParam {
  @ApiProperty({ enum: CRM_PROVIDERS })
  @IsIn(CRM_PROVIDERS)
  provider!: CrmProvider;
}

export class CrmAuthorizationDto {
  @ApiProperty({
    description:
      "The CRM's authorization page to send the browser to; it comes back to GET /crm/callback/{provider} within 10 minutes, in the same browser.",
  })
  authorizationUrl!: string;
}

export class CrmConnectionDto {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ type: String, nullable: true, format: 'uuid', description: "Null: the vendor's own CRM." })
  partnerId!: string | null;
  @ApiProperty({ enum: CRM_PROVIDERS }) provider!: CrmProvider;
  @ApiProperty({ description: "The CRM account: HubSpot's hub id, Salesforce's organization id." }) accountId!: string;
  @ApiProperty({ description: "What its owner recognises it by: HubSpot's hub domain, the Salesforce user name." })
  accountName!: string;
  @ApiProperty({
    enum: CRM_CONNECTION_STATUSES,
    description: 'active; broken (refused by the CRM: connect again; new leads wait meanwhile).',
  })
  status!: CrmConnectionStatus;
  @ApiProperty({ type: String, nullable: true, description: 'Why it broke.' }) trouble!: string | null;
  @ApiProperty({
    type: Date,
    nullable: true,
    description: 'When the access token ends unless refreshed (null: the CRM tells no expiry, as Salesforce).',
  })
  expiresAt!: Date | null;
  @ApiProperty({
    type: 'object',
    additionalProperties: { type: 'string' },
    description: "The connection's own choices: lead field → CRM field ('' leaves a default field out).",
  })
  fieldMapping!: Record<string, string>;
  @ApiProperty({
    type: 'object',
    additionalProperties: { type: 'string' },
    description: 'The mapping in force: the defaults with its own choices; email always goes to email.',
  })
  effectiveMapping!: Record<string, string>;
  @ApiProperty() createdAt!: Date;
  @ApiProperty() updatedAt!: Date;

  static from(c: CrmConnectionView): CrmConnectionDto {
    return {
      id: c.id,
      partnerId: c.partnerId,
      provider: c.provider,
      accountId: c.accountId,
      accountName: c.accountName,
      status: c.status,
      trouble: c.trouble,
      expiresAt: c.expiresAt,
      fieldMapping: c.fieldMapping,
      effectiveMapping: c.effectiveMapping,
      createdAt: c.createdAt,
      updatedAt: c.updatedAt,
    };
  }
}

export class CrmConnectionListDto {
  @ApiProperty({ type: [CrmConnectionDto] }) items!: CrmConnectionDto[];
}

export class CrmFieldDto {
  @ApiProperty() name!: string;
  @ApiProperty() label!: string;
  @ApiProperty() type!: string;
}

export class CrmFieldListDto {
  @ApiProperty({ type: [CrmFieldDto] }) items!: CrmFieldDto[];
}

export class CrmFieldMappingBody {
  @ApiProperty({
    type: 'object',
    additionalProperties: { type: 'string' },
    description:
      "Lead field (a form field's name, or first_name, last_name, company, title, country) → a writable contact field of the CRM; '' leaves a default out. At most 100.",
    example: { first_name: 'firstname', budget: 'annual_budget' },
  })
  @IsObject()
  fieldMapping!: Record<string, string>;
}

export class CrmRecordsQuery extends PageQuery {
  @ApiPropertyOptional({ enum: CRM_RECORD_STATUSES })
  @IsOptional()
  @IsIn(CRM_RECORD_STATUSES)
  status?: CrmRecordStatus;

  @ApiPropertyOptional({
    format: 'uuid',
    description: "One partner's leads (the vendor's own CRM holds many partners'); a partner not visible answers 404.",
  })
  @IsOptional()
  @IsUUID()
  partnerId?: string;
}

export class CrmActivityCountsDto {
  @ApiProperty({ description: 'Written on the contact.' }) written!: number;
  @ApiProperty({ description: 'Waiting: for their turn, a retry, a broken connection, or the lead to be written.' })
  pending!: number;
  @ApiProperty({ description: 'Refused by the CRM or out of tries: retrying the record tries them again.' })
  failed!: number;
}

export class CrmRecordDto {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ format: 'uuid' }) leadId!: string;
  @ApiProperty({ format: 'uuid', description: 'The partner whose lead it is (many, in the vendor’s own CRM).' })
  partnerId!: string;
  @ApiProperty() partnerName!: string;
  @ApiProperty() email!: string;
  @ApiProperty({ format: 'uuid' }) campaignId!: string;
  @ApiProperty() campaignName!: string;
  @ApiProperty({
    enum: CRM_RECORD_STATUSES,
    description:
      'pending (waiting for its turn, a retry, or a broken connection); syncing; written; failed (retry it).',
  })
  status!: CrmRecordStatus;
  @ApiProperty({ type: String, nullable: true, description: "The CRM's id of the contact." })
  crmContactId!: string | null;
  @ApiProperty() attempts!: number;
  @ApiProperty({ type: String, nullable: true }) lastError!: string | null;
  @ApiProperty() nextAttemptAt!: Date;
  @ApiProperty({ type: Date, nullable: true }) writtenAt!: Date | null;
  @ApiProperty() createdAt!: Date;
  @ApiProperty({
    type: CrmActivityCountsDto,
    description:
      'The engagement milestones (email clicked, landing page visited, conversion) written on the contact as timeline activities, by state.',
  })
  activities!: CrmActivityCountsDto;

  static from(r: CrmRecordView): CrmRecordDto {
    return {
      id: r.id,
      leadId: r.leadId,
      partnerId: r.partnerId,
      partnerName: r.partnerName,
      email: r.email,
      campaignId: r.campaignId,
      campaignName: r.campaignName,
      status: r.status,
      crmContactId: r.crmContactId,
      attempts: r.attempts,
      lastError: r.lastError,
      nextAttemptAt: r.nextAttemptAt,
      writtenAt: r.writtenAt,
      createdAt: r.createdAt,
      activities: { written: r.activities.written, pending: r.activities.pending, failed: r.activities.failed },
    };
  }
}

export class RevenueTotalDto {
  @ApiProperty({ description: 'ISO 4217; amounts of different currencies are never added together.' })
  currency!: string;
  @ApiProperty({ description: 'A decimal string, as the CRM states it ("1250.50").' }) amount!: string;
  @ApiProperty() deals!: number;

  static from(t: RevenueTotal): RevenueTotalDto {
    return { currency: t.currency, amount: t.amount, deals: t.deals };
  }
}

export class RevenueByDto extends RevenueTotalDto {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty() name!: string;

  static fromBy(t: RevenueBy): RevenueByDto {
    return { id: t.id, name: t.name, currency: t.currency, amount: t.amount, deals: t.deals };
  }
}

export class RevenueQuery {
  @ApiPropertyOptional({ minimum: 1, maximum: 366, default: 30, description: 'The days looked back over.' })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(366)
  days: number = 30;
}

/** The same window as revenue's: the days looked back over, 1 to 366, 30 by default. */
export class CrmHeldBackQuery extends RevenueQuery {}

export class RevenueInfluencedDto {
  @ApiProperty() since!: Date;
  @ApiProperty() days!: number;
  @ApiProperty({ type: [RevenueTotalDto] }) totals!: RevenueTotalDto[];
  @ApiProperty({ type: [RevenueByDto], description: 'The top campaigns (per currency).' }) byCampaign!: RevenueByDto[];
  @ApiProperty({ type: [RevenueByDto], description: 'The top partners (per currency); a partner sees only itself.' })
  byPartner!: RevenueByDto[];
  @ApiProperty({ type: [RevenueByDto], description: 'The top programmes (per currency).' })
  byProgramme!: RevenueByDto[];

  static from(since: Date, days: number, r: RevenueInfluenced): RevenueInfluencedDto {
    return {
      since,
      days,
      totals: r.totals.map((t) => RevenueTotalDto.from(t)),
      byCampaign: r.byCampaign.map((t) => RevenueByDto.fromBy(t)),
      byPartner: r.byPartner.map((t) => RevenueByDto.fromBy(t)),
      byProgramme: r.byProgramme.map((t) => RevenueByDto.fromBy(t)),
    };
  }
}

export class HeldBackCampaignDto {
  @ApiProperty({ format: 'uuid' }) campaignId!: string;
  @ApiProperty() campaignName!: string;
  @ApiProperty() leads!: number;
}

export class HeldBackPartnerDto {
  @ApiProperty({ format: 'uuid' }) partnerId!: string;
  @ApiProperty() partnerName!: string;
  @ApiProperty({ description: "The partner's leads the vendor's CRM did not get." }) leads!: number;
  @ApiProperty({ type: [HeldBackCampaignDto], description: 'The same, per campaign.' })
  campaigns!: HeldBackCampaignDto[];

  static from(p: HeldBackPartner): HeldBackPartnerDto {
    return {
      partnerId: p.partnerId,
      partnerName: p.partnerName,
      leads: p.leads,
      campaigns: p.campaigns.map((c) => ({ campaignId: c.campaignId, campaignName: c.campaignName, leads: c.leads })),
    };
  }
}

export class CrmHeldBackDto {
  @ApiProperty() since!: Date;
  @ApiProperty() days!: number;
  @ApiProperty({ description: 'Every lead held back over the days, of every private partner.' }) leads!: number;
  @ApiProperty({ description: 'How many private partners had leads held back.' }) partnersTotal!: number;
  @ApiProperty({
    type: [HeldBackPartnerDto],
    description: 'Most leads first, at most 100 partners. Counts only: never a contact.',
  })
  partners!: HeldBackPartnerDto[];

  static from(since: Date, days: number, h: HeldBack): CrmHeldBackDto {
    return {
      since,
      days,
      leads: h.leads,
      partnersTotal: h.partnersTotal,
      partners: h.partners.map((p) => HeldBackPartnerDto.from(p)),
    };
  }
}
