import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { PENDING_LAUNCH_STATES, SOCIAL_NETWORKS } from '@tcma/persistence';
import type { PendingLaunchState, SocialNetwork } from '@tcma/persistence';
import { SocialAccountsDto } from '../social-posts/social-post.dto';
import type { PendingLaunchView, ProgrammeRecord, SubscriptionRow } from '@tcma/programmes';
import { DEFAULT_SOCIAL_POST_TIME, LOCAL_TIME_OF_DAY, MAX_REVIEW_HOURS, MAX_WEEKLY_CAP } from '@tcma/programmes';
import { Transform, Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayUnique,
  IsArray,
  IsDate,
  IsBoolean,
  IsIn,
  IsInt,
  IsObject,
  IsOptional,
  IsString,
  IsUUID,
  Length,
  Matches,
  Max,
  Min,
  ValidateIf,
  ValidateNested,
} from 'class-validator';
import { PageQuery } from '../common/page.query';
import { AudienceDto } from '../launches/launch.dto';
import { DATE_RANGE_NOTE, IsInDateRange } from '../common/validators/is-in-date-range.validator';

const isIsoDateTime = (value: unknown): value is string =>
  typeof value === 'string' && /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}/.test(value) && !Number.isNaN(Date.parse(value));

/** Campaigns one programme may name explicitly. */
export const MAX_PROGRAMME_CAMPAIGNS = 500;

export class CreateProgrammeDto {
  @ApiProperty({ example: 'Security nurtures' }) @IsString() @Length(1, 120) name!: string;
  @ApiPropertyOptional() @IsOptional() @IsString() @Length(0, 2000) description?: string;
  @ApiPropertyOptional({
    nullable: true,
    type: String,
    description: 'Every published campaign with this tag belongs to the programme too.',
  })
  @IsOptional()
  @ValidateIf((_, v) => v !== null)
  @IsString()
  @Length(1, 60)
  tag?: string | null;
  @ApiPropertyOptional({
    type: [String],
    format: 'uuid',
    description: `Campaigns in the programme by name (at most ${MAX_PROGRAMME_CAMPAIGNS}).`,
  })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(MAX_PROGRAMME_CAMPAIGNS)
  @ArrayUnique()
  @IsUUID('all', { each: true })
  campaignIds?: string[];
}

export class UpdateProgrammeDto {
  // Left out keeps the value; null is refused (a programme always has a name and a description).
  @ApiPropertyOptional() @ValidateIf((_, v) => v !== undefined) @IsString() @Length(1, 120) name?: string;
  @ApiPropertyOptional() @ValidateIf((_, v) => v !== undefined) @IsString() @Length(0, 2000) description?: string;
  @ApiPropertyOptional({ nullable: true, type: String })
  @IsOptional()
  @ValidateIf((_, v) => v !== null)
  @IsString()
  @Length(1, 60)
  tag?: string | null;
  @ApiPropertyOptional({ type: [String], format: 'uuid', description: 'Replaces the programme’s campaigns.' })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(MAX_PROGRAMME_CAMPAIGNS)
  @ArrayUnique()
  @IsUUID('all', { each: true })
  campaignIds?: string[];
}

export class ProgrammeDto {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty() name!: string;
  @ApiProperty() description!: string;
  @ApiProperty({ nullable: true, type: String }) tag!: string | null;
  @ApiProperty({ type: [String], format: 'uuid' }) campaignIds!: string[];
  @ApiProperty() createdAt!: Date;
  @ApiProperty() updatedAt!: Date;

  static from(p: ProgrammeRecord): ProgrammeDto {
    return {
      id: p.id,
      name: p.name,
      description: p.description,
      tag: p.tag,
      campaignIds: p.campaignIds,
      createdAt: p.createdAt,
      updatedAt: p.updatedAt,
    };
  }
}

class SubscriptionSettingsDto {
  @ApiPropertyOptional({
    type: 'object',
    additionalProperties: { type: 'string' },
    description: 'Values of slots the brand kit does not fill.',
  })
  @IsOptional()
  @IsObject()
  slotValues?: Record<string, string>;
  @ApiPropertyOptional({
    enum: SOCIAL_NETWORKS,
    isArray: true,
    description:
      'Networks each started pending launch posts the campaign’s social asset to (those the partner has connected).',
  })
  @IsOptional()
  @IsArray()
  @ArrayUnique()
  @IsIn(SOCIAL_NETWORKS, { each: true })
  socialNetworks?: SocialNetwork[];
  @ApiPropertyOptional({
    type: SocialAccountsDto,
    description:
      'The account each network’s posts go out as, when the partner has several: one of its own working connections on that network, for a network of `socialNetworks`. A network left out posts as its most recently connected working account; a chosen account disconnected later makes that network’s posts fail with the reason. On a change, replaces the whole choice; accounts of networks no longer posted to are forgotten.',
  })
  @IsOptional()
  @IsObject()
  @ValidateNested()
  @Type(() => SocialAccountsDto)
  socialAccounts?: SocialAccountsDto;
  @ApiPropertyOptional({
    example: '10:00',
    pattern: LOCAL_TIME_OF_DAY.source,
    default: DEFAULT_SOCIAL_POST_TIME,
    description:
      'Local time of day (HH:MM, the partner’s time zone) a started launch’s social post goes out: the next such time at or after the start.',
  })
  @IsOptional()
  @IsString()
  @Matches(LOCAL_TIME_OF_DAY, { message: 'socialPostTime must be a time of day as HH:MM (00:00 to 23:59)' })
  socialPostTime?: string;
  @ApiPropertyOptional({ default: true, description: 'Social posts wait for the next Monday to Friday.' })
  @IsOptional()
  @IsBoolean()
  socialPostWeekdaysOnly?: boolean;
  @ApiPropertyOptional({
    minimum: 0,
    maximum: MAX_REVIEW_HOURS,
    default: 72,
    description: 'Hours to review each pending launch before it starts by itself; 0 launches at once.',
  })
  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(MAX_REVIEW_HOURS)
  reviewHours?: number;
  @ApiPropertyOptional({
    nullable: true,
    type: 'integer',
    minimum: 1,
    maximum: MAX_WEEKLY_CAP,
    description: 'At most this many launches in any 7 days; null for no cap.',
  })
  @IsOptional()
  @ValidateIf((_, v) => v !== null)
  @IsInt()
  @Min(1)
  @Max(MAX_WEEKLY_CAP)
  weeklyCap?: number | null;
}

export class SubscribeDto extends SubscriptionSettingsDto {
  @ApiPropertyOptional({ format: 'uuid', description: 'Vendor users subscribing on behalf of a partner.' })
  @IsOptional()
  @IsUUID()
  partnerId?: string;
  @ApiProperty({ type: AudienceDto }) @ValidateNested() @Type(() => AudienceDto) audience!: AudienceDto;
}

export class UpdateSubscriptionDto extends SubscriptionSettingsDto {
  @ApiPropertyOptional({ type: AudienceDto })
  @IsOptional()
  @ValidateNested()
  @Type(() => AudienceDto)
  audience?: AudienceDto;
}

export class SubscriptionDto {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ format: 'uuid' }) programmeId!: string;
  @ApiPropertyOptional() programmeName?: string;
  @ApiProperty({ format: 'uuid' }) partnerId!: string;
  @ApiProperty({ type: AudienceDto }) audience!: AudienceDto;
  @ApiProperty({ type: 'object', additionalProperties: { type: 'string' } }) slotValues!: Record<string, string>;
  @ApiProperty({ enum: SOCIAL_NETWORKS, isArray: true }) socialNetworks!: SocialNetwork[];
  @ApiProperty({
    type: SocialAccountsDto,
    description: 'The account chosen per network; a network left out posts as its default.',
  })
  socialAccounts!: SocialAccountsDto;
  @ApiProperty({ example: '10:00', description: 'Local time of day (the partner’s zone) social posts go out.' })
  socialPostTime!: string;
  @ApiProperty() socialPostWeekdaysOnly!: boolean;
  @ApiProperty() reviewHours!: number;
  @ApiProperty({ nullable: true, type: Number }) weeklyCap!: number | null;
  @ApiProperty({ enum: ['active', 'unsubscribed'] }) status!: string;
  @ApiProperty() createdAt!: Date;

  static from(s: SubscriptionRow & { programmeName?: string }): SubscriptionDto {
    return {
      id: s.id,
      programmeId: s.programmeId,
      ...(s.programmeName !== undefined ? { programmeName: s.programmeName } : {}),
      partnerId: s.partnerId,
      audience: s.audience,
      slotValues: s.slotValues,
      socialNetworks: s.socialNetworks,
      socialAccounts: s.socialAccounts,
      socialPostTime: s.socialPostTime,
      socialPostWeekdaysOnly: s.socialPostWeekdaysOnly,
      reviewHours: s.reviewHours,
      weeklyCap: s.weeklyCap,
      status: s.status,
      createdAt: s.createdAt,
    };
  }
}

export class ListSubscriptionsQuery extends PageQuery {
  @ApiPropertyOptional({ format: 'uuid' }) @IsOptional() @IsUUID() partnerId?: string;
  @ApiPropertyOptional({ format: 'uuid' }) @IsOptional() @IsUUID() programmeId?: string;
  @ApiPropertyOptional({ enum: ['active', 'unsubscribed'] }) @IsOptional() @IsIn(['active', 'unsubscribed']) status?:
    'active' | 'unsubscribed';
}

export class ListPendingLaunchesQuery extends PageQuery {
  @ApiPropertyOptional({ format: 'uuid' }) @IsOptional() @IsUUID() partnerId?: string;
  @ApiPropertyOptional({ format: 'uuid', description: 'Only those this programme offered.' })
  @IsOptional()
  @IsUUID()
  programmeId?: string;
  @ApiPropertyOptional({ enum: PENDING_LAUNCH_STATES, description: 'Only this state.' })
  @IsOptional()
  @IsIn(PENDING_LAUNCH_STATES)
  state?: PendingLaunchState;
}

export class CurrentLaunchesDto {
  @ApiProperty({
    type: () => [PendingLaunchDto],
    description:
      'The pending launch of the latest version of each campaign the programme offers the partner now: started, or waiting for what is missing (or as it already was: skipped, cancelled).',
  })
  items!: PendingLaunchDto[];
}

export class UnsubscribedDto {
  @ApiProperty({ description: 'Pending launches of the subscription cancelled with it.' }) cancelled!: number;
}

export class MissingItemDto {
  @ApiProperty({ example: 'brand_kit.logo_missing' }) code!: string;
  @ApiProperty({ example: 'brandKit.logo' }) path!: string;
  @ApiProperty() message!: string;
}

export class PendingLaunchActionDto {
  @ApiProperty({ enum: ['launch', 'skip', 'edit', 'auto_start', 'cancel'] }) action!: string;
  @ApiProperty({ enum: ['email', 'portal', 'system'] }) via!: string;
  @ApiProperty({ format: 'uuid', nullable: true, type: String }) userId!: string | null;
  @ApiProperty() at!: Date;
}

export class PendingLaunchDto {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ format: 'uuid' }) partnerId!: string;
  @ApiProperty({ format: 'uuid' }) subscriptionId!: string;
  @ApiProperty({ format: 'uuid' }) programmeId!: string;
  @ApiProperty() programmeName!: string;
  @ApiProperty({ format: 'uuid' }) campaignId!: string;
  @ApiProperty() campaignName!: string;
  @ApiProperty() version!: number;
  @ApiProperty({ type: AudienceDto }) audience!: AudienceDto;
  @ApiProperty({ type: 'object', additionalProperties: { type: 'string' } }) slotValues!: Record<string, string>;
  @ApiProperty({ description: 'When it starts by itself (or is checked again while waiting for readiness).' })
  dueAt!: Date;
  @ApiProperty({ enum: PENDING_LAUNCH_STATES }) state!: PendingLaunchState;
  @ApiProperty({ type: [MissingItemDto], description: 'What the partner must fix first (state waiting_readiness).' })
  missing!: MissingItemDto[];
  @ApiProperty({
    nullable: true,
    type: String,
    description: 'Why it was skipped or cancelled: partner, weekly_cap, unsubscribed, campaign_unavailable.',
  })
  reason!: string | null;
  @ApiProperty({ format: 'uuid', nullable: true, type: String }) launchId!: string | null;
  @ApiProperty({ nullable: true, type: Date }) notifiedAt!: Date | null;
  @ApiProperty() createdAt!: Date;
  @ApiPropertyOptional({
    type: [PendingLaunchActionDto],
    description: 'Who did what, when (single pending launch only).',
  })
  actions?: PendingLaunchActionDto[];

  static from(p: PendingLaunchView & { actions?: PendingLaunchActionDto[] }): PendingLaunchDto {
    return {
      id: p.id,
      partnerId: p.partnerId,
      subscriptionId: p.subscriptionId,
      programmeId: p.programmeId,
      programmeName: p.programmeName,
      campaignId: p.campaignId,
      campaignName: p.campaignName,
      version: p.version,
      audience: p.audience,
      slotValues: p.slotValues,
      dueAt: p.dueAt,
      state: p.state,
      missing: p.missing,
      reason: p.reason,
      launchId: p.launchId,
      notifiedAt: p.notifiedAt,
      createdAt: p.createdAt,
      ...(p.actions ? { actions: p.actions } : {}),
    };
  }
}

export class EditPendingLaunchDto {
  @ApiPropertyOptional({ type: AudienceDto })
  @IsOptional()
  @ValidateNested()
  @Type(() => AudienceDto)
  audience?: AudienceDto;
  @ApiPropertyOptional({ type: 'object', additionalProperties: { type: 'string' } })
  @IsOptional()
  @IsObject()
  slotValues?: Record<string, string>;
  @ApiPropertyOptional({ description: `When it starts by itself instead; not in the past. ${DATE_RANGE_NOTE}` })
  @IsOptional()
  @Transform(({ value }: { value: unknown }) => (isIsoDateTime(value) ? new Date(value) : value))
  @IsDate({ message: 'dueAt must be an ISO 8601 date and time, e.g. 2026-11-23T09:00:00Z' })
  @IsInDateRange()
  dueAt?: Date;
}
