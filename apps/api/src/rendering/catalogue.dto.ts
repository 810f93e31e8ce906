import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional, IsString, Length, Matches } from 'class-validator';
import { PageQuery } from '../common/page.query';

const ASSET_TYPES = ['email', 'pdf', 'social'] as const;

export class CatalogueQuery extends PageQuery {
  @ApiPropertyOptional({ description: 'Part of the name, case-insensitive.' })
  @IsOptional()
  @IsString()
  @Length(1, 100)
  search?: string;
  @ApiPropertyOptional({ description: 'Campaigns with this tag (exact).' })
  @IsOptional()
  @IsString()
  @Length(1, 40)
  tag?: string;
  @ApiPropertyOptional({ enum: ASSET_TYPES, description: 'Campaigns with at least one asset of this type.' })
  @IsOptional()
  @IsIn(ASSET_TYPES)
  assetType?: (typeof ASSET_TYPES)[number];
  @ApiPropertyOptional({
    example: 'de',
    description:
      "Campaigns available in this language: the campaign's own, or one its emails, PDFs or social posts were translated into (exact tag).",
  })
  @IsOptional()
  @IsString()
  @Length(2, 35)
  language?: string;
}

export class ThumbnailQuery {
  @ApiPropertyOptional({
    description: "The render's identity, as the catalogue gives it: with it the image is cached for good.",
  })
  @IsOptional()
  @Matches(/^[0-9a-f]{64}$/)
  v?: string;
}

export class CatalogueItemDto {
  @ApiProperty({ format: 'uuid' }) campaignId!: string;
  @ApiProperty() name!: string;
  @ApiProperty() description!: string;
  @ApiProperty({ description: 'The latest published version.' }) version!: number;
  @ApiProperty() publishedAt!: Date;
  @ApiProperty({ type: [String] }) tags!: string[];
  @ApiProperty({ description: "The campaign's own language (BCP 47)." }) language!: string;
  @ApiProperty({
    type: [String],
    example: ['en', 'de', 'fr-CA'],
    description:
      "Every language it has: the campaign's own first, then its emails', PDFs' and social posts' variants (a language held back at publishing is not among them).",
  })
  languages!: string[];
  @ApiProperty({ enum: ASSET_TYPES, isArray: true }) assetTypes!: string[];
  @ApiProperty({ description: 'First published in the last 14 days.' }) new!: boolean;
  @ApiProperty() promoted!: boolean;
  @ApiProperty({
    nullable: true,
    type: String,
    description:
      "Co-branded with the partner's kit: the first PDF page, else the social image, else the first email's card (PNG, 298 × 421 px). Null when the campaign has nothing to picture, or the kit lacks a detail the campaign requires (it appears once the kit has it).",
  })
  thumbnailUrl!: string | null;
}
