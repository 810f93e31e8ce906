import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { ASSET_KINDS, AssetKind } from '@tcma/campaign-model';
import { METADATA_FIELDS, MetadataField } from '@tcma/campaigns';
import { Transform, Type } from 'class-transformer';
import { IsDate, IsOptional, IsString, IsUUID, Length, ValidateNested } from 'class-validator';
import { EmailAssetDto } from './asset-input.dto';
import { ProblemDto } from './campaign-output.dto';
import { SequenceDto } from './sequence-input.dto';
import { DATE_RANGE_NOTE, IsInDateRange } from '../../common/validators/is-in-date-range.validator';

export class DraftEmailCheckDto extends EmailAssetDto {
  @ApiPropertyOptional({
    format: 'uuid',
    description:
      'The email of the draft being edited (checked as PUT …/assets/email/{assetId} would); without it, as one being added (POST …/assets/email).',
  })
  @IsOptional()
  @IsUUID()
  assetId?: string;

  @ApiPropertyOptional({
    format: 'uuid',
    description:
      "A partner of the vendor to render the preview as (its brand kit; required slots it lacks show their type's sample value). Default: the sample partner, every slot its type's sample value.",
  })
  @IsOptional()
  @IsUUID()
  partnerId?: string;
}

export class PreviewPartnerDto {
  @ApiProperty({ format: 'uuid', nullable: true, type: String, description: 'null: the sample partner.' }) id!:
    string | null;
  @ApiProperty() name!: string;
}

/** Whom a draft's preview is rendered as, and the slots it had to fill with samples. */
export class DraftPreviewAsDto {
  @ApiProperty({ type: PreviewPartnerDto }) partner!: PreviewPartnerDto;
  @ApiProperty({
    type: [String],
    description: "Required slots the chosen partner has no value for, shown with their type's sample value.",
  })
  sampleSlots!: string[];
}

export class DraftEmailPreviewDto extends DraftPreviewAsDto {
  @ApiProperty() subject!: string;
  @ApiProperty() preheader!: string;
  @ApiProperty({
    description:
      'The HTML as the sample prospect would receive it (links untracked, leading nowhere for the unsubscribe and browser links).',
  })
  html!: string;
  @ApiProperty({ description: 'The plain-text part.' }) text!: string;
}

export class DraftEmailCheckResultDto {
  @ApiProperty() valid!: boolean;
  @ApiProperty({
    type: [ProblemDto],
    description:
      'Exactly the problems saving this email would answer 422 with (paths such as assets[2].mjml, lines in the MJML).',
  })
  problems!: ProblemDto[];
  @ApiProperty({
    type: DraftEmailPreviewDto,
    nullable: true,
    description: 'null only when the template cannot be compiled.',
  })
  preview!: DraftEmailPreviewDto | null;
}

export class VocabularyEntryDto {
  @ApiProperty({ example: 'partner.logo', description: 'What goes between the braces.' }) variable!: string;
  @ApiProperty({ enum: ['partner', 'prospect', 'link'] }) kind!: 'partner' | 'prospect' | 'link';
  @ApiProperty({ example: 'logo slot (required, filled from the brand kit)' }) detail!: string;
  @ApiProperty({ description: 'Whether a subject or preheader may use it (links only in the MJML).' }) inText!: boolean;
}

export class FooterSnippetDto {
  @ApiProperty({
    description:
      "MJML of the mandatory footer (a section with the partner's address slot and the unsubscribe link), to insert inside <mj-body>.",
  })
  mjml!: string;
  @ApiProperty({
    type: String,
    nullable: true,
    description: 'Why the footer alone will not pass (no usable address slot), or null.',
  })
  note!: string | null;
}

export class DraftVocabularyDto {
  @ApiProperty({ type: [VocabularyEntryDto] }) entries!: VocabularyEntryDto[];
  @ApiProperty({ type: FooterSnippetDto }) footer!: FooterSnippetDto;
}

const isIsoDateTime = (value: unknown): value is string =>
  typeof value === 'string' && /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}/.test(value) && !Number.isNaN(Date.parse(value));

export class DraftTimelineRequestDto {
  @ApiProperty({
    type: Date,
    example: '2026-12-04T15:00:00Z',
    description: `When the sample prospect is enrolled. ${DATE_RANGE_NOTE}`,
  })
  @Transform(({ value }: { value: unknown }) => (isIsoDateTime(value) ? new Date(value) : value))
  @IsDate({ message: 'start must be an ISO 8601 date and time, e.g. 2026-12-04T15:00:00Z' })
  @IsInDateRange()
  start!: Date;

  @ApiProperty({
    example: 'Europe/Warsaw',
    description: "The prospect's IANA time zone; an unknown zone is answered 422.",
  })
  @IsString()
  @Length(1, 64)
  timeZone!: string;

  @ApiPropertyOptional({
    type: SequenceDto,
    description: "A sequence to try, as PUT …/sequence takes it (nothing is saved). Default: the draft's own.",
  })
  @IsOptional()
  @ValidateNested()
  @Type(() => SequenceDto)
  sequence?: SequenceDto;
}

export class TimelineStepDto {
  @ApiProperty({ description: '1-based.' }) index!: number;
  @ApiProperty() stepId!: string;
  @ApiProperty({ format: 'uuid' }) emailAssetId!: string;
  @ApiProperty() assetName!: string;
  @ApiProperty() due!: Date;
  @ApiProperty({ example: 'Mon 7 Dec 2026, 08:00', description: 'The due instant on the wall clock of the time zone.' })
  local!: string;
  @ApiProperty({
    enum: ['wait', 'window'],
    description: 'wait: the step is due when its wait ends; window: its send window moved it to the next opening.',
  })
  rule!: 'wait' | 'window';
  @ApiProperty({ description: 'When the wait alone ends.' }) waitEnds!: Date;
  @ApiProperty({ example: '3 days after step 1, moved to the send window: Mon, Tue 09:00–17:00' }) explanation!: string;
  @ApiProperty({ description: 'The step goes only if its condition on the previous email holds.' })
  conditional!: boolean;
}

export class DraftTimelineDto {
  @ApiProperty() start!: Date;
  @ApiProperty() timeZone!: string;
  @ApiProperty({ type: [TimelineStepDto] }) steps!: TimelineStepDto[];
}

class MetadataChangeDto {
  @ApiProperty({ enum: METADATA_FIELDS }) field!: MetadataField;
  @ApiProperty({ description: 'The published value (of an empty campaign before the first publication).' })
  before!: unknown;
  @ApiProperty({ description: "The draft's value." }) after!: unknown;
}

class NameChangesDto {
  @ApiProperty({ type: [String] }) added!: string[];
  @ApiProperty({ type: [String] }) removed!: string[];
  @ApiProperty({ type: [String] }) changed!: string[];
}

class AssetRefDto {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ enum: ASSET_KINDS }) kind!: AssetKind;
  @ApiProperty() name!: string;
}

class AssetChangesDto {
  @ApiProperty({ type: [AssetRefDto] }) added!: AssetRefDto[];
  @ApiProperty({ type: [AssetRefDto] }) removed!: AssetRefDto[];
  @ApiProperty({ type: [AssetRefDto] }) changed!: AssetRefDto[];
}

class StepRefDto {
  @ApiProperty() id!: string;
  @ApiProperty({ description: '1-based position in the draft (in the published version for a removed step).' })
  index!: number;
  @ApiProperty({ format: 'uuid' }) emailAssetId!: string;
}

class StepChangesDto {
  @ApiProperty({ type: [StepRefDto] }) added!: StepRefDto[];
  @ApiProperty({ type: [StepRefDto] }) removed!: StepRefDto[];
  @ApiProperty({ type: [StepRefDto], description: 'Changed or moved.' }) changed!: StepRefDto[];
}

export class DraftChangesDto {
  @ApiProperty({
    nullable: true,
    type: Number,
    description: 'The version compared with; null before the first publication (everything is new).',
  })
  baseVersion!: number | null;
  @ApiProperty() hasChanges!: boolean;
  @ApiProperty({ type: [MetadataChangeDto] }) metadata!: MetadataChangeDto[];
  @ApiProperty({ type: NameChangesDto, description: 'By slot name.' }) slots!: NameChangesDto;
  @ApiProperty({ type: NameChangesDto, description: 'By link name.' }) links!: NameChangesDto;
  @ApiProperty({ type: AssetChangesDto }) assets!: AssetChangesDto;
  @ApiProperty({ type: StepChangesDto }) steps!: StepChangesDto;
  @ApiProperty({ description: "The sequence's exit rules changed (or the sequence was added or removed)." })
  exitChanged!: boolean;
}
