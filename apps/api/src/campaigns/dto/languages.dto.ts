import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { VARIANT_ORIGINS, VariantOrigin } from '@tcma/campaign-model';

export class VariantReviewDto {
  @ApiProperty({ format: 'uuid', description: 'The user who approved it.' }) by!: string;
  @ApiProperty({ format: 'date-time' }) at!: string;
}

export class EmailVariantDto {
  @ApiProperty() subject!: string;
  @ApiProperty() preheader!: string;
  @ApiProperty() mjml!: string;
  @ApiProperty({
    description:
      'The digest of the default copy this variant translates; a different one now means the variant is stale.',
  })
  sourceDigest!: string;
  @ApiProperty({
    enum: VARIANT_ORIGINS,
    description: "xliff: a translator's file; machine: a model's draft; manual: typed in the console.",
  })
  origin!: VariantOrigin;
  @ApiProperty({ format: 'date-time' }) savedAt!: string;
  @ApiPropertyOptional({
    type: VariantReviewDto,
    description: "Who approved a model's draft and when; absent until then, and for other origins.",
  })
  review?: VariantReviewDto;
}

class DraftLanguageEmailDto {
  @ApiProperty({ format: 'uuid' }) assetId!: string;
  @ApiProperty() name!: string;
  @ApiProperty({
    enum: ['current', 'stale', 'missing'],
    description: 'stale: the default copy changed after the variant was saved; missing: not translated.',
  })
  state!: 'current' | 'stale' | 'missing';
  @ApiProperty({ enum: VARIANT_ORIGINS, nullable: true, type: String }) origin!: VariantOrigin | null;
  @ApiProperty({ format: 'date-time', nullable: true, type: String }) savedAt!: string | null;
  @ApiProperty({ description: "A model's draft (origin machine) no person has approved yet." }) needsReview!: boolean;
}

class DraftLanguageAssetDto {
  @ApiProperty({ format: 'uuid' }) assetId!: string;
  @ApiProperty() name!: string;
  @ApiProperty({ enum: ['pdf', 'social', 'page'] }) kind!: 'pdf' | 'social' | 'page';
  @ApiProperty({
    enum: ['current', 'stale', 'missing'],
    description:
      "stale: the default's file (a PDF), copy or image (a post) or words (a page) changed after the variant was saved, which holds the language back; missing: this language's readers get the default's, which does not.",
  })
  state!: 'current' | 'stale' | 'missing';
  @ApiProperty({ enum: VARIANT_ORIGINS, nullable: true, type: String }) origin!: VariantOrigin | null;
  @ApiProperty({ format: 'date-time', nullable: true, type: String }) savedAt!: string | null;
  @ApiProperty({
    description:
      "A model's draft (origin machine) of a post's copy or a page's words no person has approved yet: it holds the language back as a stale one does.",
  })
  needsReview!: boolean;
}

export class DraftLanguageDto {
  @ApiProperty({ example: 'de', description: 'A BCP 47 tag, canonical.' }) language!: string;
  @ApiProperty({
    description:
      "Every email's variant is current and, if a model drafted it, approved, and no PDF's, social post's or page's variant is stale or a model's draft not yet approved. When false, publishing needs a choice for the language (POST /campaigns/{id}/publish, languages.<tag>: fallback or hold).",
  })
  ready!: boolean;
  @ApiProperty({ type: [DraftLanguageEmailDto], description: "Every email of the draft, in the draft's order." })
  emails!: DraftLanguageEmailDto[];
  @ApiProperty({
    type: [DraftLanguageAssetDto],
    description:
      "Every PDF, social post and landing page of the draft, in the draft's order (their variants are saved with the asset: PUT …/assets/pdf|social|page/{assetId}).",
  })
  assets!: DraftLanguageAssetDto[];
}
