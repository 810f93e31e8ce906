import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { LAUNCH_DAILY_MAX_DAYS } from '@tcma/analytics';
import type { LaunchSummary, LaunchView } from '@tcma/launches';
import { LAUNCH_STATUSES } from '@tcma/persistence';
import type { AudienceSpec } from '@tcma/persistence';
import { Transform, Type } from 'class-transformer';
import {
  ArrayMaxSize,
  IsArray,
  IsDate,
  IsIn,
  IsInt,
  IsObject,
  IsOptional,
  IsString,
  IsUUID,
  Length,
  Max,
  Min,
  ValidateIf,
  ValidateNested,
} from 'class-validator';
import { MAX_VERSION } from '../common/parse-version.pipe';
import { DATE_RANGE_NOTE, IsInDateRange } from '../common/validators/is-in-date-range.validator';

/** Text in ISO 8601 with a date and a time; numbers and booleans (which Date would take as epoch milliseconds) are not. */
const isIsoDateTime = (value: unknown): value is string =>
  typeof value === 'string' && /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}/.test(value) && !Number.isNaN(Date.parse(value));

export class AudienceDto {
  @ApiProperty({ enum: ['list', 'filter', 'all'] }) @IsIn(['list', 'filter', 'all']) type!: 'list' | 'filter' | 'all';

  // Each property is checked whenever it is given, not only under its own type: a wrong
  // value is refused, never silently ignored.
  @ApiPropertyOptional({ format: 'uuid', description: 'type=list' })
  @ValidateIf((a: AudienceDto) => a.type === 'list' || a.listId !== undefined)
  @IsUUID()
  listId?: string;

  @ApiPropertyOptional({ type: [String], description: 'type=filter: prospects in these countries.' })
  @ValidateIf((a: AudienceDto) => a.country !== undefined)
  @IsArray()
  @ArrayMaxSize(200)
  @IsString({ each: true })
  country?: string[];

  @ApiPropertyOptional({ description: 'type=filter: part of the email or company.' })
  @ValidateIf((a: AudienceDto) => a.search !== undefined)
  @IsString()
  @Length(1, 100)
  search?: string;
}

export class CreateLaunchDto {
  @ApiProperty({ format: 'uuid' }) @IsUUID() campaignId!: string;
  @ApiPropertyOptional({
    format: 'uuid',
    description:
      'Vendor users launching on behalf of a partner. Partner users: their own (naming another answers 404).',
  })
  @IsOptional()
  @IsUUID()
  partnerId?: string;
  @ApiPropertyOptional({ description: 'The version to pin; the latest published by default.' })
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(MAX_VERSION)
  version?: number;
  @ApiProperty({ type: AudienceDto }) @ValidateNested() @Type(() => AudienceDto) audience!: AudienceDto;
  @ApiPropertyOptional({
    description: `When the first step may go (in each prospect’s zone); now by default. ${DATE_RANGE_NOTE}`,
  })
  @IsOptional()
  @Transform(({ value }: { value: unknown }) => (isIsoDateTime(value) ? new Date(value) : value))
  @IsDate({ message: 'startAt must be an ISO 8601 date and time, e.g. 2026-11-23T09:00:00Z' })
  @IsInDateRange()
  startAt?: Date;
  @ApiPropertyOptional({
    type: 'object',
    additionalProperties: { type: 'string' },
    description: 'Values of slots the brand kit does not fill.',
  })
  @IsOptional()
  @IsObject()
  slotValues?: Record<string, string>;
}

export function toAudience(dto: AudienceDto): AudienceSpec {
  if (dto.type === 'list') return { type: 'list', listId: dto.listId as string };
  if (dto.type === 'filter')
    return {
      type: 'filter',
      ...(dto.country ? { country: dto.country } : {}),
      ...(dto.search ? { search: dto.search } : {}),
    };
  return { type: 'all' };
}

export class LaunchViewDto {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ format: 'uuid' }) partnerId!: string;
  @ApiProperty({ format: 'uuid' }) campaignId!: string;
  @ApiProperty() version!: number;
  @ApiProperty({ enum: LAUNCH_STATUSES }) status!: string;
  @ApiProperty({ type: AudienceDto }) audience!: AudienceSpec;
  @ApiProperty() startAt!: Date;
  @ApiProperty() timezone!: string;
  @ApiProperty() enrolled!: number;
  @ApiProperty({ description: 'Addresses left out because they are suppressed.' }) skippedSuppressed!: number;
  @ApiPropertyOptional({ description: 'Enrollments and sends by status.' }) stats?: {
    enrollments: Record<string, number>;
    sends: Record<string, number>;
  };
  @ApiProperty() createdAt!: Date;
  @ApiProperty({
    type: [String],
    nullable: true,
    description:
      "The editable blocks (slot names) whose new text waited (awaiting_approval) or waits for the vendor's approval; null when none did.",
  })
  approvalSlots!: string[] | null;
  @ApiProperty({ type: String, nullable: true, description: "The approver's comment when the launch was returned." })
  approvalComment!: string | null;
  @ApiProperty({ type: Date, nullable: true, description: 'When the approver approved or returned it.' })
  approvalDecidedAt!: Date | null;

  static from(l: LaunchView): LaunchViewDto {
    return {
      id: l.id,
      partnerId: l.partnerId,
      campaignId: l.campaignId,
      version: l.version,
      status: l.status,
      audience: l.audience,
      startAt: l.startAt,
      timezone: l.timezone,
      enrolled: l.enrolled,
      skippedSuppressed: l.skippedSuppressed,
      ...(l.stats ? { stats: l.stats } : {}),
      createdAt: l.createdAt,
      approvalSlots: l.approvalSlots ?? null,
      approvalComment: l.approvalComment ?? null,
      approvalDecidedAt: l.approvalDecidedAt ?? null,
    };
  }
}

/** A launch as "My launches" lists it: with its campaign's name and its totals so far. */
export class LaunchSummaryDto extends LaunchViewDto {
  @ApiProperty() campaignName!: string;
  @ApiProperty({ description: 'Emails sent so far (all steps), from the analytics rollups.' }) sent!: number;
  @ApiProperty({ description: 'Accepted by the receiving server.' }) accepted!: number;
  @ApiProperty({ description: 'Unique human opens.' }) opened!: number;
  @ApiProperty({ description: 'Unique human clicks.' }) clicked!: number;

  static fromSummary(l: LaunchSummary): LaunchSummaryDto {
    return {
      ...LaunchViewDto.from(l),
      campaignName: l.campaignName,
      sent: l.sent,
      accepted: l.accepted,
      opened: l.opened,
      clicked: l.clicked,
    };
  }
}

export class LaunchDayDto {
  @ApiProperty({ example: '2026-11-23', description: 'A UTC day.' }) day!: string;
  @ApiProperty() sent!: number;
  @ApiProperty({ description: 'Accepted by the receiving server.' }) accepted!: number;
  @ApiProperty({ description: 'Unique human opens.' }) opened!: number;
  @ApiProperty({ description: 'Unique human clicks.' }) clicked!: number;
  @ApiProperty() unsubscribed!: number;
}

export class LaunchDailyDto {
  @ApiProperty({ format: 'uuid' }) launchId!: string;
  @ApiProperty({
    type: [LaunchDayDto],
    description: `Every UTC day from the start to today (to the last day with counts once the launch has ended), oldest first; at most the latest ${LAUNCH_DAILY_MAX_DAYS}.`,
  })
  days!: LaunchDayDto[];
}

export class PreviewStepDto {
  @ApiProperty({ description: '1-based.' }) step!: number;
  @ApiProperty({ format: 'uuid' }) emailAssetId!: string;
  @ApiProperty() name!: string;
  @ApiProperty() subject!: string;
  @ApiProperty({ description: 'Sent only to those who meet its condition (opened, clicked…) at that time.' })
  conditional!: boolean;
  @ApiProperty() sendAt!: Date;
}

export class PreviewZoneDto {
  @ApiProperty({ example: 'America/New_York', description: "The prospects' own zone, else the partner's." })
  timezone!: string;
  @ApiProperty() prospects!: number;
  @ApiProperty({ type: [PreviewStepDto] }) steps!: PreviewStepDto[];
}

export class PreviewExclusionsDto {
  @ApiProperty({ description: 'Unsubscribed from this vendor, partner or campaign.' }) unsubscribed!: number;
  @ApiProperty({ description: 'The address bounced: it does not exist.' }) invalid!: number;
  @ApiProperty({ description: 'Suppressed by hand or after a complaint.' }) suppressed!: number;
}

export class PreviewLanguageDto {
  @ApiProperty({ example: 'de', description: "One of the campaign's languages (its own or a variant's BCP 47 tag)." })
  language!: string;
  @ApiProperty() prospects!: number;
}

export class LaunchProblemDto {
  @ApiProperty({
    example: 'slots.website',
    description: 'The field that fixes it: brandKit.<field>, slots.<name>, slotValues.<name>, campaignId.',
  })
  path!: string;
  @ApiProperty() message!: string;
  @ApiPropertyOptional({ description: "A readiness item's code, where the problem is one." }) code?: string;
}

export class LaunchPreviewDto {
  @ApiProperty({ format: 'uuid' }) campaignId!: string;
  @ApiProperty() version!: number;
  @ApiProperty() startAt!: Date;
  @ApiProperty({ description: 'Prospects the audience selects, before exclusions.' }) audience!: number;
  @ApiProperty({ description: 'Prospects a launch would enroll.' }) enrolled!: number;
  @ApiProperty({ type: PreviewExclusionsDto, description: 'Left out, by the strongest reason each.' })
  excluded!: PreviewExclusionsDto;
  @ApiProperty({ type: [PreviewZoneDto], description: 'Largest zone first.' }) zones!: PreviewZoneDto[];
  @ApiProperty({
    type: [PreviewLanguageDto],
    description:
      "Who would read which of the campaign's languages, most first (the campaign's own always listed): each prospect's language, else the partner's, matched to the closest the emails have (fr-CA → fr → the campaign's own).",
  })
  languages!: PreviewLanguageDto[];
  @ApiProperty({
    type: [LaunchProblemDto],
    description:
      'What would refuse this launch now (POST /launches answers 422 naming each): blocking readiness and slot values; empty when it can start. The dry run still counts the audience either way.',
  })
  problems!: LaunchProblemDto[];
}

export class StepProgressDto {
  @ApiProperty({ description: '1-based.' }) step!: number;
  @ApiProperty({ format: 'uuid' }) emailAssetId!: string;
  @ApiProperty() name!: string;
  @ApiProperty({ description: 'Active enrollments whose next email is this one.' }) waiting!: number;
  @ApiProperty() sent!: number;
  @ApiProperty({ description: 'Accepted by the receiving server.' }) accepted!: number;
  @ApiProperty() bounced!: number;
  @ApiProperty({ description: 'Unique human opens.' }) opened!: number;
  @ApiProperty({ description: 'Unique human clicks.' }) clicked!: number;
  @ApiProperty() unsubscribed!: number;
}

export class LaunchProgressDto {
  @ApiProperty({ format: 'uuid' }) launchId!: string;
  @ApiProperty({ enum: LAUNCH_STATUSES }) status!: string;
  @ApiProperty() enrolled!: number;
  @ApiProperty({ description: 'Addresses left out because they are suppressed.' }) skippedSuppressed!: number;
  @ApiProperty() sent!: number;
  @ApiProperty() accepted!: number;
  @ApiProperty() bounced!: number;
  @ApiProperty() opened!: number;
  @ApiProperty() clicked!: number;
  @ApiProperty() unsubscribed!: number;
  @ApiProperty({ description: 'Conversions recorded for the launch.' }) converted!: number;
  @ApiProperty({ type: [StepProgressDto] }) steps!: StepProgressDto[];
}
