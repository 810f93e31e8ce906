import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
  ALIGNMENTS,
  Alignment,
  MAX_EMAIL_VARIANTS,
  MJML_MAX_LENGTH,
  PAGE_CONSENT_MAX_LENGTH,
  PAGE_FIELD_MAX_LENGTH,
  PAGE_FIELD_TYPES,
  PAGE_FORM_MARKER,
  PAGE_HTML_MAX_LENGTH,
  PAGE_MAX_FIELDS,
  PAGE_STANDARD_FIELDS,
  PAGE_SUBMIT_ACTIONS,
  PAGE_TITLE_MAX_LENGTH,
  PageFieldType,
  PageSubmitAction,
  SOCIAL_COPY_LIMITS,
  SOCIAL_COPY_MAX_TEXT,
} from '@tcma/campaign-model';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  IsArray,
  IsBoolean,
  IsIn,
  IsInt,
  IsNumber,
  IsObject,
  IsOptional,
  IsString,
  IsUUID,
  Length,
  Max,
  MaxLength,
  Min,
  ValidateNested,
} from 'class-validator';

export class EmailAssetDto {
  @ApiProperty({ example: 'Step 1 — Welcome' })
  @IsString()
  @Length(1, 200)
  name!: string;

  @ApiProperty({ example: 'Protect {{prospect.company}} with {{partner.company_name}}' })
  @IsString()
  @MaxLength(1000)
  subject!: string;

  @ApiProperty({ example: 'Backups that just work.' })
  @IsString()
  @MaxLength(1000)
  preheader!: string;

  @ApiProperty({
    description: 'MJML with Handlebars placeholders. Must contain {{links.unsubscribe}} and an address slot.',
  })
  @IsString()
  @Length(1, MJML_MAX_LENGTH)
  mjml!: string;
}

export class SlotRectDto {
  @ApiProperty({ example: 'logo' }) @IsString() @Length(1, 40) slot!: string;
  @ApiProperty() @IsNumber({ allowNaN: false, allowInfinity: false }) x!: number;
  @ApiProperty() @IsNumber({ allowNaN: false, allowInfinity: false }) y!: number;
  @ApiProperty() @IsNumber({ allowNaN: false, allowInfinity: false }) width!: number;
  @ApiProperty() @IsNumber({ allowNaN: false, allowInfinity: false }) height!: number;
  @ApiProperty({ enum: ALIGNMENTS }) @IsIn(ALIGNMENTS) align!: Alignment;
  @ApiPropertyOptional({ example: '#1f2937' }) @IsOptional() @IsString() @MaxLength(7) textColor?: string;
  @ApiPropertyOptional({ minimum: 4, maximum: 200 }) @IsOptional() @IsNumber() @Min(4) @Max(200) maxFontSize?: number;
}

export class PdfSlotRectDto extends SlotRectDto {
  @ApiProperty({ minimum: 1, description: 'Rectangles are in PDF points from the bottom-left corner of this page.' })
  @IsInt()
  @Min(1)
  page!: number;
}

const VARIANT_LANGUAGE = {
  example: 'de',
  description: "A BCP 47 tag other than the campaign's own (written in any case: saved in its canonical form, de-AT).",
};
const CONFIRM_CURRENT =
  'Mark the variant as translating the default as it is now (it was stale: the default changed after it was saved, and a person checked it still fits). Without it, a variant saved unchanged keeps its state.';

export class PdfVariantInputDto {
  @ApiProperty(VARIANT_LANGUAGE) @IsString() @Length(2, 35) language!: string;

  @ApiPropertyOptional({
    format: 'uuid',
    description:
      'The PDF in this language, uploaded with POST /files. Absent: the file the variant has (422 for a new language).',
  })
  @IsOptional()
  @IsUUID()
  fileId?: string;

  @ApiPropertyOptional({
    type: [PdfSlotRectDto],
    description: "Its own rectangles; absent: the default's (which must then fit this file's pages).",
  })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(20)
  @ValidateNested({ each: true })
  @Type(() => PdfSlotRectDto)
  slots?: PdfSlotRectDto[];

  @ApiPropertyOptional({ description: CONFIRM_CURRENT }) @IsOptional() @IsBoolean() confirmCurrent?: boolean;
}

export class PdfAssetDto {
  @ApiProperty() @IsString() @Length(1, 200) name!: string;

  @ApiProperty({ format: 'uuid', description: 'A PDF uploaded with POST /files.' })
  @IsUUID()
  fileId!: string;

  @ApiProperty({ type: [PdfSlotRectDto] })
  @IsArray()
  @ArrayMaxSize(20)
  @ValidateNested({ each: true })
  @Type(() => PdfSlotRectDto)
  slots!: PdfSlotRectDto[];

  @ApiPropertyOptional({
    type: [PdfVariantInputDto],
    description: `The PDF in other languages, at most ${MAX_EMAIL_VARIANTS}: each partner gets the closest to its language. Absent: the asset's variants stay as they are; [] removes them.`,
  })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(MAX_EMAIL_VARIANTS)
  @ValidateNested({ each: true })
  @Type(() => PdfVariantInputDto)
  variants?: PdfVariantInputDto[];
}

const copyOf = (network: string, limit: number, counting: string) =>
  `The ${network} post: at most ${limit.toLocaleString('en')} characters as ${network} counts them (${counting}), with the longest partner values; past it the save answers 422 here.`;

export class SocialCopyDto {
  @ApiPropertyOptional({ description: copyOf('LinkedIn', SOCIAL_COPY_LIMITS.linkedin, 'links in full') })
  @IsOptional()
  @IsString()
  @MaxLength(SOCIAL_COPY_MAX_TEXT)
  linkedin?: string;
  @ApiPropertyOptional({
    description: copyOf('X', SOCIAL_COPY_LIMITS.x, 'every link 23, Chinese, Japanese, Korean and emoji 2'),
  })
  @IsOptional()
  @IsString()
  @MaxLength(SOCIAL_COPY_MAX_TEXT)
  x?: string;
  @ApiPropertyOptional({ description: copyOf('Facebook', SOCIAL_COPY_LIMITS.facebook, 'links in full') })
  @IsOptional()
  @IsString()
  @MaxLength(SOCIAL_COPY_MAX_TEXT)
  facebook?: string;
  @ApiPropertyOptional({ description: copyOf('Instagram', SOCIAL_COPY_LIMITS.instagram, 'links in full') })
  @IsOptional()
  @IsString()
  @MaxLength(SOCIAL_COPY_MAX_TEXT)
  instagram?: string;
}

export class SocialVariantInputDto {
  @ApiProperty(VARIANT_LANGUAGE) @IsString() @Length(2, 35) language!: string;

  @ApiProperty({
    type: SocialCopyDto,
    description: "The copy in this language; a network it leaves out posts the default's copy.",
  })
  @ValidateNested()
  @Type(() => SocialCopyDto)
  copy!: SocialCopyDto;

  @ApiPropertyOptional({
    format: 'uuid',
    nullable: true,
    type: String,
    description:
      "Its own background (POST /files); null: the default's image and rectangles; absent: the image it has (a new language: the default's).",
  })
  @IsOptional()
  @IsUUID()
  fileId?: string | null;

  @ApiPropertyOptional({
    type: [SlotRectDto],
    description: "With its own image: its own rectangles; absent: the default's (which must fit the image).",
  })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(20)
  @ValidateNested({ each: true })
  @Type(() => SlotRectDto)
  slots?: SlotRectDto[];

  @ApiPropertyOptional({ description: CONFIRM_CURRENT }) @IsOptional() @IsBoolean() confirmCurrent?: boolean;
}

export class SocialAssetDto {
  @ApiProperty() @IsString() @Length(1, 200) name!: string;

  @ApiProperty({ format: 'uuid', description: 'A PNG, JPEG or WebP background uploaded with POST /files.' })
  @IsUUID()
  fileId!: string;

  @ApiProperty({
    type: [SlotRectDto],
    description: 'Rectangles in pixels of the background, from its top-left corner.',
  })
  @IsArray()
  @ArrayMaxSize(20)
  @ValidateNested({ each: true })
  @Type(() => SlotRectDto)
  slots!: SlotRectDto[];

  @ApiProperty({ type: SocialCopyDto })
  @ValidateNested()
  @Type(() => SocialCopyDto)
  copy!: SocialCopyDto;

  @ApiPropertyOptional({
    type: [SocialVariantInputDto],
    description: `The post in other languages, at most ${MAX_EMAIL_VARIANTS}: each partner gets the closest to its language. Absent: the asset's variants stay as they are; [] removes them.`,
  })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(MAX_EMAIL_VARIANTS)
  @ValidateNested({ each: true })
  @Type(() => SocialVariantInputDto)
  variants?: SocialVariantInputDto[];
}

export class PageFormFieldDto {
  @ApiProperty({
    example: 'first_name',
    description: `One of ${PAGE_STANDARD_FIELDS.join(', ')} (the prospect's own fields; phone is kept as the custom field phone), or a custom field key.`,
  })
  @IsString()
  @Length(1, 40)
  name!: string;

  @ApiProperty({ example: 'First name' }) @IsString() @Length(1, 200) label!: string;
  @ApiProperty({ enum: PAGE_FIELD_TYPES }) @IsIn(PAGE_FIELD_TYPES) type!: PageFieldType;
  @ApiProperty() @IsBoolean() required!: boolean;
  @ApiPropertyOptional({ minimum: 1, maximum: PAGE_FIELD_MAX_LENGTH, default: PAGE_FIELD_MAX_LENGTH })
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(PAGE_FIELD_MAX_LENGTH)
  maxLength?: number;
}

export class PageConsentDto {
  @ApiProperty({
    example: 'I agree that {{partner.company_name}} may contact me about backup services.',
    description: 'May use {{partner.*}}; versioned with the campaign version.',
  })
  @IsString()
  @Length(1, PAGE_CONSENT_MAX_LENGTH)
  text!: string;

  @ApiProperty({ description: 'Whether the box must be ticked to submit.' }) @IsBoolean() required!: boolean;
}

export class PageFormDto {
  @ApiProperty({ type: [PageFormFieldDto], description: 'Must include email (type email, required).' })
  @IsArray()
  @ArrayMaxSize(PAGE_MAX_FIELDS)
  @ValidateNested({ each: true })
  @Type(() => PageFormFieldDto)
  fields!: PageFormFieldDto[];

  @ApiPropertyOptional({ type: PageConsentDto, nullable: true })
  @IsOptional()
  @ValidateNested()
  @Type(() => PageConsentDto)
  consent?: PageConsentDto | null;

  @ApiProperty({ example: 'Register' }) @IsString() @Length(1, 100) submitLabel!: string;
  @ApiProperty({ example: 'Thank you: we will be in touch.' }) @IsString() @Length(1, 1000) successMessage!: string;

  @ApiPropertyOptional({
    enum: PAGE_SUBMIT_ACTIONS,
    default: 'none',
    description:
      'convert: a submission is a conversion for every launch of this campaign that reached the prospect (who leaves the sequence when it exits on conversion).',
  })
  @IsOptional()
  @IsIn(PAGE_SUBMIT_ACTIONS)
  onSubmit?: PageSubmitAction;
}

export class PageVariantFormDto {
  @ApiPropertyOptional({
    type: 'object',
    additionalProperties: { type: 'string' },
    example: { email: 'E-Mail', first_name: 'Vorname' },
    description: "A label per field name; a field left out keeps the default's label.",
  })
  @IsOptional()
  @IsObject()
  labels?: Record<string, string>;

  @ApiPropertyOptional({
    description:
      'The consent statement in this language, as shown and recorded as evidence (only where the page asks for consent; absent: the default).',
  })
  @IsOptional()
  @IsString()
  @Length(1, PAGE_CONSENT_MAX_LENGTH)
  consentText?: string;

  @ApiProperty() @IsString() @Length(1, 100) submitLabel!: string;
  @ApiProperty() @IsString() @Length(1, 2000) successMessage!: string;
}

export class PageVariantInputDto {
  @ApiProperty(VARIANT_LANGUAGE) @IsString() @Length(2, 35) language!: string;
  @ApiProperty() @IsString() @Length(1, PAGE_TITLE_MAX_LENGTH) title!: string;
  @ApiProperty({ description: "The page's HTML in this language, with the default's slots and links." })
  @IsString()
  @Length(1, PAGE_HTML_MAX_LENGTH)
  html!: string;

  @ApiPropertyOptional({
    type: PageVariantFormDto,
    description: "The form's words (its fields and what a submission does are the default's).",
  })
  @IsOptional()
  @ValidateNested()
  @Type(() => PageVariantFormDto)
  form?: PageVariantFormDto;

  @ApiPropertyOptional({ description: CONFIRM_CURRENT }) @IsOptional() @IsBoolean() confirmCurrent?: boolean;
}

export class PageAssetDto {
  @ApiProperty({ example: 'Registration page' }) @IsString() @Length(1, 200) name!: string;
  @ApiProperty({ example: 'Register with {{partner.company_name}}' })
  @IsString()
  @Length(1, PAGE_TITLE_MAX_LENGTH)
  title!: string;

  @ApiProperty({
    description: `The body's HTML with Handlebars partner slots and campaign links (no prospect data, no scripts, no form controls). ${PAGE_FORM_MARKER} places the form (at the end without it).`,
  })
  @IsString()
  @Length(1, PAGE_HTML_MAX_LENGTH)
  html!: string;

  @ApiPropertyOptional({ default: false, description: 'Ask search engines not to index the page.' })
  @IsOptional()
  @IsBoolean()
  noindex?: boolean;

  @ApiPropertyOptional({ type: PageFormDto, nullable: true, description: 'At most one form per page.' })
  @IsOptional()
  @ValidateNested()
  @Type(() => PageFormDto)
  form?: PageFormDto | null;

  @ApiPropertyOptional({
    type: [PageVariantInputDto],
    description: `The page in other languages, at most ${MAX_EMAIL_VARIANTS}: a visitor gets the one the address asks for (?lang=), else the closest to the partner's language. Absent: the page's variants stay as they are; [] removes them.`,
  })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(MAX_EMAIL_VARIANTS)
  @ValidateNested({ each: true })
  @Type(() => PageVariantInputDto)
  variants?: PageVariantInputDto[];
}
