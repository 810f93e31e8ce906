import { ApiExtraModels, ApiProperty, ApiPropertyOptional, getSchemaPath, OmitType } from '@nestjs/swagger';
import { VARIANT_ORIGINS, type Asset, type VariantOrigin } from '@tcma/campaign-model';
import { CAMPAIGN_STATUSES, CampaignStatus } from '@tcma/persistence';
import { EligibilityDto, LinkDto, SlotDto } from './campaign-input.dto';
import {
  EmailAssetDto,
  PageAssetDto,
  PageVariantFormDto,
  PdfSlotRectDto,
  SlotRectDto,
  SocialCopyDto,
} from './asset-input.dto';
import { EmailVariantDto, VariantReviewDto } from './languages.dto';
import { ExitDto, StepDto } from './sequence-input.dto';

@ApiExtraModels(EmailVariantDto)
export class EmailAssetViewDto extends EmailAssetDto {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ enum: ['email'] }) kind!: 'email';
  @ApiPropertyOptional({
    type: 'object',
    additionalProperties: { $ref: getSchemaPath(EmailVariantDto) },
    description:
      "The email's copy in other languages, by BCP 47 tag (PUT /campaigns/{id}/draft/languages/{language} imports one); absent when it has none.",
  })
  variants?: Record<string, EmailVariantDto>;
}

class StoredFileRefDto {
  @ApiProperty() key!: string;
  @ApiProperty() contentType!: string;
  @ApiProperty() size!: number;
}

class PageSizeDto {
  @ApiProperty() width!: number;
  @ApiProperty() height!: number;
}

class PdfFileRefDto extends StoredFileRefDto {
  @ApiProperty({ type: [PageSizeDto] }) pages!: PageSizeDto[];
}

class ImageFileRefDto extends StoredFileRefDto {
  @ApiProperty() width!: number;
  @ApiProperty() height!: number;
}

class CollateralVariantViewDto {
  @ApiProperty({
    description: 'The digest of the default this variant translates; a different one now means the variant is stale.',
  })
  sourceDigest!: string;
  @ApiProperty({
    enum: VARIANT_ORIGINS,
    description:
      "xliff: a translator's file (a post's copy, a page's words); machine: a model's draft; manual: saved in the console.",
  })
  origin!: VariantOrigin;
  @ApiProperty({ format: 'date-time' }) savedAt!: string;
  @ApiPropertyOptional({
    type: VariantReviewDto,
    description: "Who approved a model's draft and when; absent until then, and for other origins.",
  })
  review?: VariantReviewDto;
}

export class PdfVariantViewDto extends CollateralVariantViewDto {
  @ApiProperty({ type: PdfFileRefDto }) file!: PdfFileRefDto;
  @ApiPropertyOptional({ type: [PdfSlotRectDto], description: "Absent: drawn at the default's rectangles." })
  slots?: PdfSlotRectDto[];
}

export class SocialVariantViewDto extends CollateralVariantViewDto {
  @ApiProperty({ type: SocialCopyDto, description: "A network left out posts the default's copy." })
  copy!: SocialCopyDto;
  @ApiPropertyOptional({ type: ImageFileRefDto, description: "Absent: the default's image and rectangles." })
  image?: ImageFileRefDto;
  @ApiPropertyOptional({ type: [SlotRectDto], description: "Absent: the default's rectangles." })
  slots?: SlotRectDto[];
}

@ApiExtraModels(PdfVariantViewDto)
export class PdfAssetViewDto {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ enum: ['pdf'] }) kind!: 'pdf';
  @ApiProperty() name!: string;
  @ApiProperty({ type: PdfFileRefDto }) file!: PdfFileRefDto;
  @ApiProperty({ type: [PdfSlotRectDto] }) slots!: PdfSlotRectDto[];
  @ApiPropertyOptional({
    type: 'object',
    additionalProperties: { $ref: getSchemaPath(PdfVariantViewDto) },
    description: 'The PDF in other languages, by BCP 47 tag; absent when it has none.',
  })
  variants?: Record<string, PdfVariantViewDto>;
}

@ApiExtraModels(SocialVariantViewDto)
export class SocialAssetViewDto {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ enum: ['social'] }) kind!: 'social';
  @ApiProperty() name!: string;
  @ApiProperty({ type: ImageFileRefDto }) image!: ImageFileRefDto;
  @ApiProperty({ type: [SlotRectDto] }) slots!: SlotRectDto[];
  @ApiProperty({ type: SocialCopyDto }) copy!: SocialCopyDto;
  @ApiPropertyOptional({
    type: 'object',
    additionalProperties: { $ref: getSchemaPath(SocialVariantViewDto) },
    description: 'The post in other languages, by BCP 47 tag; absent when it has none.',
  })
  variants?: Record<string, SocialVariantViewDto>;
}

export class PageVariantViewDto extends CollateralVariantViewDto {
  @ApiProperty() title!: string;
  @ApiProperty() html!: string;
  @ApiPropertyOptional({ type: PageVariantFormDto }) form?: PageVariantFormDto;
}

@ApiExtraModels(PageVariantViewDto)
export class PageAssetViewDto extends OmitType(PageAssetDto, ['variants'] as const) {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ enum: ['page'] }) kind!: 'page';
  @ApiPropertyOptional({
    type: 'object',
    additionalProperties: { $ref: getSchemaPath(PageVariantViewDto) },
    description: 'The page in other languages, by BCP 47 tag; absent when it has none.',
  })
  variants?: Record<string, PageVariantViewDto>;
}

class StepViewDto extends StepDto {
  @ApiProperty() declare id: string;
}

class SequenceViewDto {
  @ApiProperty({ type: [StepViewDto] }) steps!: StepViewDto[];
  @ApiProperty({ type: ExitDto }) exit!: ExitDto & { unsubscribed: true };
}

@ApiExtraModels(EmailAssetViewDto, PdfAssetViewDto, SocialAssetViewDto, PageAssetViewDto)
export class CampaignContentDto {
  @ApiProperty() name!: string;
  @ApiProperty() description!: string;
  @ApiProperty({ type: [String] }) tags!: string[];
  @ApiProperty() language!: string;
  @ApiProperty({ type: EligibilityDto }) eligibility!: EligibilityDto;
  @ApiProperty({ type: [SlotDto] }) slots!: SlotDto[];
  @ApiProperty({ type: [LinkDto] }) links!: LinkDto[];

  @ApiProperty({
    type: 'array',
    items: {
      oneOf: [
        { $ref: getSchemaPath(EmailAssetViewDto) },
        { $ref: getSchemaPath(PdfAssetViewDto) },
        { $ref: getSchemaPath(SocialAssetViewDto) },
        { $ref: getSchemaPath(PageAssetViewDto) },
      ],
      discriminator: { propertyName: 'kind' },
    },
  })
  assets!: Asset[];

  @ApiProperty({ type: SequenceViewDto, nullable: true }) sequence!: SequenceViewDto | null;
  @ApiPropertyOptional({
    type: 'object',
    additionalProperties: { type: 'string', enum: ['fallback', 'hold'] },
    description:
      "Versions only: the publisher's choice for each language that was incomplete when published (fallback: its unready emails go out in the campaign's language; hold: held back).",
  })
  languageChoices?: Record<string, 'fallback' | 'hold'>;
}

export class CatalogueViewDto {
  @ApiProperty() promoted!: boolean;
  @ApiProperty({ nullable: true, type: Date }) availableFrom!: Date | null;
  @ApiProperty({ nullable: true, type: Date }) availableUntil!: Date | null;
}

export class CampaignViewDto {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty() name!: string;
  @ApiProperty({
    description:
      "The campaign's part of its landing pages' addresses (/p/<partner slug>/<slug>): made from the name at creation, unique within the vendor, never changed.",
  })
  slug!: string;
  @ApiProperty({ enum: CAMPAIGN_STATUSES }) status!: CampaignStatus;
  @ApiProperty({ nullable: true, type: Number }) latestVersion!: number | null;
  @ApiProperty({ description: 'Draft revision; send it back as If-Match to make an edit conditional.' })
  revision!: number;
  @ApiProperty({
    type: CampaignContentDto,
    nullable: true,
    description: 'The working draft; null when every change is published.',
  })
  draft!: CampaignContentDto | null;
  @ApiProperty() createdAt!: Date;
  @ApiProperty() updatedAt!: Date;
  @ApiProperty({ nullable: true, type: Date }) archivedAt!: Date | null;
  @ApiProperty({ type: CatalogueViewDto }) catalogue!: CatalogueViewDto;
}

export class PublishedCampaignDto {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty() name!: string;
  @ApiProperty() version!: number;
  @ApiProperty() publishedAt!: Date;
  @ApiProperty({ type: CampaignContentDto }) content!: CampaignContentDto;
}

export class CampaignVersionDto {
  @ApiProperty({ format: 'uuid' }) campaignId!: string;
  @ApiProperty() version!: number;
  @ApiProperty() publishedAt!: Date;
  @ApiProperty({ format: 'uuid', nullable: true, type: String }) publishedBy!: string | null;
  @ApiProperty({ type: CampaignContentDto }) content!: CampaignContentDto;
}

/** A campaign in the vendor's library. */
export class CampaignLibraryItemDto extends CampaignViewDto {
  @ApiProperty({ description: 'Launches of any version, by any partner.' }) launches!: number;
  @ApiProperty({ description: 'Distinct partners with a launch of it.' }) partnersUsing!: number;
  @ApiProperty({ description: 'Emails sent by its launches (the analytics funnel, all time).' }) sent!: number;
  @ApiProperty({ description: 'Counted clicks (machine clicks excluded), all time.' }) clicked!: number;
}

export class CampaignVersionListItemDto extends CampaignVersionDto {
  @ApiProperty({ nullable: true, type: String, description: "The publisher's email; null if that user is gone." })
  publishedByEmail!: string | null;
  @ApiProperty({ description: 'Launches that pin this version.' }) launches!: number;
}

@ApiExtraModels(CampaignLibraryItemDto, PublishedCampaignDto)
export class CampaignPageDto {
  @ApiProperty({
    type: 'array',
    description:
      'Vendor users get campaigns with drafts and their library numbers; partner users get published versions.',
    items: { oneOf: [{ $ref: getSchemaPath(CampaignLibraryItemDto) }, { $ref: getSchemaPath(PublishedCampaignDto) }] },
  })
  items!: Array<CampaignLibraryItemDto | PublishedCampaignDto>;
  @ApiProperty() total!: number;
  @ApiProperty() limit!: number;
  @ApiProperty() offset!: number;
}

export class ProblemDto {
  @ApiProperty({ example: 'assets[0].mjml' }) path!: string;
  @ApiProperty() message!: string;
  @ApiPropertyOptional({ description: '1-based line inside a template.' }) line?: number;
}

export class ValidationReportDto {
  @ApiProperty() valid!: boolean;
  @ApiProperty({ type: [ProblemDto] }) problems!: ProblemDto[];
}

export class StoredFileDto {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty() contentType!: string;
  @ApiProperty() size!: number;
  @ApiProperty({
    description:
      'PDF: { kind, pages: [{ width, height }] } in points; image: { kind, width, height, format } in pixels.',
  })
  metadata!: Record<string, unknown>;
  @ApiProperty() createdAt!: Date;
}
