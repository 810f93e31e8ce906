import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { ALIGNMENTS, Alignment, MJML_MAX_LENGTH } from '@tcma/campaign-model';
import { Type } from 'class-transformer';
import { ArrayMaxSize, IsArray, IsIn, IsInt, IsNumber, IsOptional, IsString, IsUUID, Length, Max, MaxLength, Min, ValidateNested } from 'class-validator';

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

  @ApiProperty({ description: 'MJML with Handlebars placeholders. Must contain {{links.unsubscribe}} and an address slot.' })
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
}

export class SocialCopyDto {
  @ApiPropertyOptional({ description: 'At most 3,000 characters with the longest partner values.' }) @IsOptional() @IsString() @MaxLength(3000) linkedin?: string;
  @ApiPropertyOptional({ description: 'At most 280 characters (links count 23).' }) @IsOptional() @IsString() @MaxLength(280) x?: string;
  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(63206) facebook?: string;
  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(2200) instagram?: string;
}

export class SocialAssetDto {
  @ApiProperty() @IsString() @Length(1, 200) name!: string;

  @ApiProperty({ format: 'uuid', description: 'A PNG, JPEG or WebP background uploaded with POST /files.' })
  @IsUUID()
  fileId!: string;

  @ApiProperty({ type: [SlotRectDto], description: 'Rectangles in pixels of the background, from its top-left corner.' })
  @IsArray()
  @ArrayMaxSize(20)
  @ValidateNested({ each: true })
  @Type(() => SlotRectDto)
  slots!: SlotRectDto[];

  @ApiProperty({ type: SocialCopyDto })
  @ValidateNested()
  @Type(() => SocialCopyDto)
  copy!: SocialCopyDto;
}
