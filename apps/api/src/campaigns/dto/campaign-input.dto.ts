import { ApiProperty, ApiPropertyOptional, PartialType } from '@nestjs/swagger';
import { CAMPAIGN_STATUSES, CampaignStatus } from '@tcma/persistence';
import {
  LANGUAGE_CHOICES,
  SLOT_TYPES,
  SlotType,
  TEXT_BLOCK_APPROVALS,
  TEXT_BLOCK_DEFAULT_MAX_LENGTH,
  TEXT_BLOCK_MAX_DEFAULTS,
  TEXT_BLOCK_MAX_LENGTH,
  TEXT_SLOT_MAX_LENGTH,
  TextBlockApproval,
} from '@tcma/campaign-model';
import { Transform, Type } from 'class-transformer';
import {
  ArrayMaxSize,
  IsArray,
  IsBoolean,
  IsDate,
  IsIn,
  IsInt,
  IsObject,
  IsOptional,
  IsString,
  Length,
  Max,
  MaxLength,
  Min,
  ValidateNested,
} from 'class-validator';
import { PageQuery } from '../../common/page.query';
import { IsOptionalNotNull } from '../../common/validators/is-present.validator';
import { DATE_RANGE_NOTE, IsInDateRange } from '../../common/validators/is-in-date-range.validator';

export class EligibilityDto {
  @ApiProperty({
    type: [String],
    example: ['gold', 'platinum'],
    description: 'Partner tiers that may launch; empty means all.',
  })
  @IsArray()
  @ArrayMaxSize(50)
  @IsString({ each: true })
  @Length(1, 50, { each: true })
  tiers!: string[];

  @ApiProperty({ type: [String], example: ['emea'], description: 'Partner regions that may launch; empty means all.' })
  @IsArray()
  @ArrayMaxSize(50)
  @IsString({ each: true })
  @Length(1, 50, { each: true })
  regions!: string[];
}

export class CreateCampaignDto {
  @ApiProperty({ example: 'Acme Cloud Backup — Q3 nurture' })
  @IsString()
  @Length(1, 200)
  name!: string;

  @ApiPropertyOptional()
  @IsOptionalNotNull()
  @IsString()
  @MaxLength(5000)
  description?: string;

  @ApiPropertyOptional({ type: [String] })
  @IsOptionalNotNull()
  @IsArray()
  @ArrayMaxSize(20)
  @IsString({ each: true })
  @Length(1, 40, { each: true })
  tags?: string[];

  @ApiPropertyOptional({ example: 'en' })
  @IsOptionalNotNull()
  @IsString()
  @Length(2, 35)
  language?: string;

  @ApiPropertyOptional({ type: EligibilityDto })
  @IsOptionalNotNull()
  @ValidateNested()
  @Type(() => EligibilityDto)
  eligibility?: EligibilityDto;
}

/** Any of the fields creation takes, each checked the same way (null is refused, as at creation). */
export class UpdateCampaignDto extends PartialType(CreateCampaignDto, { skipNullProperties: false }) {}

export class SlotDto {
  @ApiProperty({ example: 'company_name', description: 'Referenced in templates as {{partner.<name>}}.' })
  @IsString()
  @Length(1, 40)
  name!: string;

  @ApiProperty({ enum: SLOT_TYPES })
  @IsIn(SLOT_TYPES)
  type!: SlotType;

  @ApiPropertyOptional({ example: 'Company name' })
  @IsOptional()
  @IsString()
  @MaxLength(100)
  label?: string;

  @ApiProperty()
  @IsBoolean()
  required!: boolean;

  @ApiPropertyOptional({
    nullable: true,
    type: String,
    description: 'Used when a partner leaves the slot empty; must be a valid value of the type.',
  })
  @IsOptional()
  @IsString()
  @MaxLength(2048)
  fallback?: string | null;

  @ApiPropertyOptional({
    minimum: 1,
    maximum: TEXT_BLOCK_MAX_LENGTH,
    description: `text slots (at most ${TEXT_SLOT_MAX_LENGTH}, default 100) and text_block slots (at most ${TEXT_BLOCK_MAX_LENGTH}, default ${TEXT_BLOCK_DEFAULT_MAX_LENGTH}) only.`,
  })
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(TEXT_BLOCK_MAX_LENGTH)
  maxLength?: number;

  @ApiPropertyOptional({
    description:
      "text_block only: the partner may link to its own website (its brand kit's), nowhere else. Default false.",
  })
  @IsOptional()
  @IsBoolean()
  allowLinks?: boolean;

  @ApiPropertyOptional({
    enum: TEXT_BLOCK_APPROVALS,
    description:
      'text_block only: `vendor` holds a launch whose text is new (not the default, not approved before for the partner) until an approver agrees. Default none.',
  })
  @IsOptional()
  @IsIn(TEXT_BLOCK_APPROVALS)
  approval?: TextBlockApproval;

  @ApiPropertyOptional({
    type: 'object',
    additionalProperties: { type: 'string' },
    example: { de: 'Ihr Partner hilft Ihnen gern.' },
    description: `text_block only: the default text in other languages (at most ${TEXT_BLOCK_MAX_DEFAULTS}), keyed by a canonical BCP 47 tag other than the campaign's own (whose default is \`fallback\`), each checked as \`fallback\` is. When the partner writes none, a prospect who gets an email's variant is sent the default of the closest of these languages, else \`fallback\`. Publishing needs each to be a language an email has a variant in.`,
  })
  @IsOptional()
  @IsObject()
  defaults?: Record<string, string>;
}

export class PutSlotsDto {
  @ApiProperty({ type: [SlotDto] })
  @IsArray()
  @ArrayMaxSize(30)
  @ValidateNested({ each: true })
  @Type(() => SlotDto)
  slots!: SlotDto[];
}

export class LinkDto {
  @ApiProperty({ example: 'trial', description: 'Referenced in templates as {{links.<name>}}; tracked when sent.' })
  @IsString()
  @Length(1, 40)
  name!: string;

  @ApiProperty({ example: 'https://acme.example/trial' })
  @IsString()
  @Length(1, 2048)
  url!: string;
}

export class PutLinksDto {
  @ApiProperty({ type: [LinkDto] })
  @IsArray()
  @ArrayMaxSize(30)
  @ValidateNested({ each: true })
  @Type(() => LinkDto)
  links!: LinkDto[];
}

export class ListCampaignsQuery extends PageQuery {
  @ApiPropertyOptional({ enum: CAMPAIGN_STATUSES, description: 'Vendor users only.' })
  @IsOptional()
  @IsIn(CAMPAIGN_STATUSES)
  status?: CampaignStatus;

  @ApiPropertyOptional({ description: 'Part of the name, case-insensitive.' })
  @IsOptional()
  @IsString()
  @Length(1, 100)
  search?: string;

  @ApiPropertyOptional({
    description:
      'Vendor users only: campaigns with this tag (exact), in the draft or, without one, the latest version.',
  })
  @IsOptional()
  @IsString()
  @Length(1, 40)
  tag?: string;

  @ApiPropertyOptional({
    example: 'en',
    description: 'Vendor users only: campaigns in this language (exact tag), as for tag.',
  })
  @IsOptional()
  @IsString()
  @Length(2, 35)
  language?: string;
}

const isIsoDateTime = (value: unknown): value is string =>
  typeof value === 'string' && /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}/.test(value) && !Number.isNaN(Date.parse(value));
const toDate = ({ value }: { value: unknown }) => (isIsoDateTime(value) ? new Date(value) : value);

/** Catalogue metadata: only the fields given change; null clears a date. */
export class CatalogueSettingsDto {
  @ApiPropertyOptional({ description: "Shown first and marked in partners' catalogues." })
  @IsOptionalNotNull()
  @IsBoolean()
  promoted?: boolean;

  @ApiPropertyOptional({
    nullable: true,
    type: Date,
    description: `Partners see and may launch it from this instant; null: no start. ${DATE_RANGE_NOTE}`,
  })
  @IsOptional()
  @Transform(toDate)
  @IsDate({ message: 'availableFrom must be an ISO 8601 date and time, e.g. 2026-12-01T00:00:00Z' })
  @IsInDateRange()
  availableFrom?: Date | null;

  @ApiPropertyOptional({
    nullable: true,
    type: Date,
    description: `Until this instant (exclusive), after availableFrom; null: no end. ${DATE_RANGE_NOTE}`,
  })
  @IsOptional()
  @Transform(toDate)
  @IsDate({ message: 'availableUntil must be an ISO 8601 date and time, e.g. 2026-12-31T00:00:00Z' })
  @IsInDateRange()
  availableUntil?: Date | null;
}

export class XliffExportQuery {
  @ApiProperty({
    example: 'de',
    description: 'The language the file is for (BCP 47: de, fr-CA, pt-BR), other than the campaign’s own.',
  })
  @IsString()
  @Length(2, 35)
  trgLang!: string;
}

export class PublishCampaignDto {
  @ApiPropertyOptional({
    type: 'object',
    additionalProperties: { type: 'string', enum: [...LANGUAGE_CHOICES] },
    example: { de: 'fallback' },
    description:
      "For each language not ready in every email (a variant missing, stale or a model's draft not reviewed: GET /campaigns/{id}/draft/languages), what this version does: fallback (those emails go out in the campaign's language) or hold (the language is held back). Each such language needs one (422 at languages.<tag>, code language_incomplete); the choices are recorded on the version as languageChoices.",
  })
  @IsOptional()
  @IsObject()
  languages?: Record<string, string>;
}
