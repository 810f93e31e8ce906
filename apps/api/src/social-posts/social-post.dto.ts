import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  IsArray,
  IsDate,
  IsIn,
  IsObject,
  IsOptional,
  IsString,
  IsUUID,
  Matches,
  ValidateNested,
} from 'class-validator';
import {
  SOCIAL_DELIVERY_STATUSES,
  SOCIAL_NETWORKS,
  SOCIAL_POST_SOURCES,
  SocialDeliveryStatus,
  SocialNetwork,
  SocialPostSource,
} from '@tcma/persistence';
import type { SocialDeliveryView, SocialPostView } from '@tcma/social-posts';
import { PageDto } from '../common/page.dto';
import { PageQuery } from '../common/page.query';
import { DATE_RANGE_NOTE, IsInDateRange } from '../common/validators/is-in-date-range.validator';

/** The partner's social account (a connection id of GET /social-connections) per network. */
export class SocialAccountsDto {
  @ApiPropertyOptional({ format: 'uuid', description: 'The LinkedIn connection to post as.' })
  @IsOptional()
  @IsUUID()
  linkedin?: string;
  @ApiPropertyOptional({ format: 'uuid', description: 'The X connection to post as.' })
  @IsOptional()
  @IsUUID()
  x?: string;
  @ApiPropertyOptional({ format: 'uuid', description: 'The Facebook connection (page) to post as.' })
  @IsOptional()
  @IsUUID()
  facebook?: string;
}

/** The DTO's choice without the networks left out (class-transformer may keep them as undefined). */
export function chosenAccounts(dto: SocialAccountsDto | undefined): Partial<Record<SocialNetwork, string>> | undefined {
  if (!dto) return undefined;
  const out: Partial<Record<SocialNetwork, string>> = {};
  for (const network of SOCIAL_NETWORKS) if (typeof dto[network] === 'string') out[network] = dto[network];
  return out;
}

export class CreateSocialPostDto {
  @ApiPropertyOptional({
    format: 'uuid',
    description: 'Vendor users post on behalf of a partner they name; partner users post for their own.',
  })
  @IsOptional()
  @IsUUID()
  partnerId?: string;
  @ApiProperty({ format: 'uuid' }) @IsUUID() campaignId!: string;
  @ApiProperty({
    enum: SOCIAL_NETWORKS,
    isArray: true,
    description: 'Networks to post to, among those the partner has connected.',
  })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(SOCIAL_NETWORKS.length)
  @IsIn(SOCIAL_NETWORKS, { each: true })
  networks!: SocialNetwork[];
  @ApiPropertyOptional({
    example: '2026-12-01T09:30',
    description: `When to publish, as a local date-time (YYYY-MM-DDTHH:mm) in the partner’s time zone; absent: now. ${DATE_RANGE_NOTE}`,
  })
  @IsOptional()
  @IsString()
  @Matches(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}$/, { message: 'publishAt must be a local date-time YYYY-MM-DDTHH:mm' })
  @IsInDateRange()
  publishAt?: string;
  @ApiPropertyOptional({
    type: 'object',
    additionalProperties: { type: 'string' },
    description: 'Values of slots the brand kit does not fill, as a launch takes them.',
  })
  @IsOptional()
  @IsObject()
  slotValues?: Record<string, string>;
  @ApiPropertyOptional({
    type: SocialAccountsDto,
    description:
      'The account to post as on each network, when the partner has several: one of its own working connections on that network, for a network of `networks`. A network left out goes out as its most recently connected working account. A chosen account disconnected before the post is due makes that network’s post fail with the reason (never another account in its place).',
  })
  @IsOptional()
  @IsObject()
  @ValidateNested()
  @Type(() => SocialAccountsDto)
  accounts?: SocialAccountsDto;
}

export class ListSocialPostsQuery extends PageQuery {
  @ApiPropertyOptional({ format: 'uuid', description: 'Vendor users: one partner’s calendar.' })
  @IsOptional()
  @IsUUID()
  partnerId?: string;
  @ApiPropertyOptional({ format: 'uuid', description: 'Only posts of this campaign.' })
  @IsOptional()
  @IsUUID()
  campaignId?: string;
  @ApiPropertyOptional({
    type: String,
    format: 'date-time',
    description: `Only posts due at or after this time. ${DATE_RANGE_NOTE}`,
  })
  @IsOptional()
  @Type(() => Date)
  @IsDate()
  @IsInDateRange()
  from?: Date;
  @ApiPropertyOptional({
    type: String,
    format: 'date-time',
    description: `Only posts due before this time. ${DATE_RANGE_NOTE}`,
  })
  @IsOptional()
  @Type(() => Date)
  @IsDate()
  @IsInDateRange()
  to?: Date;
  @ApiPropertyOptional({
    enum: SOCIAL_DELIVERY_STATUSES,
    description: 'Only posts with at least one network in this state.',
  })
  @IsOptional()
  @IsIn(SOCIAL_DELIVERY_STATUSES)
  status?: SocialDeliveryStatus;
}

export class SocialDeliveryDto {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ enum: SOCIAL_NETWORKS }) network!: SocialNetwork;
  @ApiProperty({
    enum: SOCIAL_DELIVERY_STATUSES,
    description:
      'scheduled → publishing → published; failed; waiting (429, until nextAttemptAt); uncertain (no answer: checked with the network, never re-posted); cancelled.',
  })
  status!: SocialDeliveryStatus;
  @ApiProperty({
    description: 'Tries counted against the limit of 5 (a call answered with a rate limit is not one).',
  })
  attempts!: number;
  @ApiProperty({
    type: String,
    format: 'date-time',
    nullable: true,
    description: 'When it is tried (scheduled, waiting) or checked (uncertain) next.',
  })
  nextAttemptAt!: Date | null;
  @ApiProperty({ type: String, nullable: true, description: 'The network’s id of the post.' }) remoteId!: string | null;
  @ApiProperty({ type: String, nullable: true }) url!: string | null;
  @ApiProperty({ type: String, nullable: true, description: 'Why the last try failed.' }) lastError!: string | null;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) publishedAt!: Date | null;
  @ApiProperty({
    description:
      'People’s clicks of the tracked links in this network’s copy (link-preview fetchers and other machines are not counted).',
  })
  clicks!: number;
  @ApiProperty({
    type: String,
    format: 'uuid',
    nullable: true,
    description:
      'The connection chosen for this network; null: the most recently connected working one when it is published.',
  })
  connectionId!: string | null;
  @ApiProperty({ type: String, nullable: true, description: 'The chosen account’s name (null when none was chosen).' })
  accountName!: string | null;

  static from(d: SocialDeliveryView): SocialDeliveryDto {
    return Object.assign(new SocialDeliveryDto(), d);
  }
}

export class SocialPostDto {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ format: 'uuid' }) partnerId!: string;
  @ApiProperty() partnerName!: string;
  @ApiProperty({ format: 'uuid' }) campaignId!: string;
  @ApiProperty() campaignName!: string;
  @ApiProperty() version!: number;
  @ApiProperty() assetId!: string;
  @ApiProperty({
    type: 'object',
    additionalProperties: { type: 'string' },
    description:
      'The copy per network as published: the partner’s values filled in, each link replaced by a short tracked link (PUBLIC_BASE_URL/s/…) that redirects to it with UTM tags.',
  })
  copy!: Partial<Record<SocialNetwork, string>>;
  @ApiProperty({ description: 'When it is published.' }) dueAt!: Date;
  @ApiProperty({ example: 'Europe/Paris', description: 'The partner’s time zone the time was given in.' })
  timeZone!: string;
  @ApiProperty({ enum: SOCIAL_POST_SOURCES }) source!: SocialPostSource;
  @ApiProperty({ type: String, format: 'uuid', nullable: true }) createdBy!: string | null;
  @ApiProperty({
    type: String,
    format: 'uuid',
    nullable: true,
    description: 'The programme’s pending launch that scheduled it.',
  })
  pendingLaunchId!: string | null;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) cancelledAt!: Date | null;
  @ApiProperty() createdAt!: Date;
  @ApiProperty({ description: 'People’s clicks of the post’s tracked links, all networks.' }) clicks!: number;
  @ApiProperty({ type: [SocialDeliveryDto] }) deliveries!: SocialDeliveryDto[];

  static from(p: SocialPostView): SocialPostDto {
    const { vendorId: _vendor, launchId: _launch, deliveries, ...rest } = p;
    return Object.assign(new SocialPostDto(), rest, { deliveries: deliveries.map((d) => SocialDeliveryDto.from(d)) });
  }
}

export class SocialPostPageDto extends PageDto(SocialPostDto) {
  @ApiProperty({
    description:
      'People’s clicks of every matching post (all pages): with partnerId and campaignId, a partner’s or a campaign’s social clicks.',
  })
  clicks!: number;
}
