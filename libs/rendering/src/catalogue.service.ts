import { campaignLanguages } from '@tcma/translation';
import { renderLanguage } from './asset-language';
import { Injectable } from '@nestjs/common';
import { BrandKitsService } from '@tcma/brand-kits';
import type { CampaignContent } from '@tcma/campaign-model';
import { CampaignsRepository, CatalogueFilter } from '@tcma/campaigns';
import { Clock } from '@tcma/clock';
import { NotFoundError } from '@tcma/errors';
import { Found } from '@tcma/persistence';
import { RenderAssetJob } from '@tcma/queue';
import { resolveSlotValues } from '@tcma/cobrand';
import { Actor, PartnersService, scopeOfPartner } from '@tcma/tenancy';
import { PreviewResult, PreviewsService } from './previews.service';
import { renderKey } from './render-key';

/** A campaign published this many days ago or less is marked new in the catalogue. */
export const NEW_FOR_DAYS = 14;
/** A PDF thumbnail is its first page at this resolution (an A4 page: 298 × 421 px). */
export const THUMBNAIL_PDF_DPI = 36;

export type AssetType = 'email' | 'pdf' | 'social';

export interface CatalogueItem {
  campaignId: string;
  name: string;
  description: string;
  version: number;
  publishedAt: Date;
  tags: string[];
  language: string;
  /** Every language a partner's prospects may receive it in: the campaign's own first, then its emails' variants (held ones left out). */
  languages: string[];
  assetTypes: AssetType[];
  new: boolean;
  promoted: boolean;
  /**
   * Served from the stored render (rendered once per version and brand-kit revision); null when the
   * campaign has nothing to picture, or the partner's brand kit lacks a detail the campaign requires.
   */
  thumbnailUrl: string | null;
}

export type ThumbnailSource =
  | { assetId: string; format: 'png'; page: number; dpi: number }
  | { assetId: string; format: 'jpeg'; size: 'card' }
  | { assetId: string; format: 'png' };

/**
 * What a thumbnail is made of: the first PDF's first page, else the first social image (JPEG, at
 * a card's size),
 * else the card of the campaign's first email (PNG, EMAIL_CARD_SIZE: see renderEmailCard): the
 * email of the sequence's first step, or the first email asset when there is no sequence.
 */
export function thumbnailSource(content: CampaignContent): ThumbnailSource | null {
  const pdf = content.assets.find((a) => a.kind === 'pdf');
  if (pdf) return { assetId: pdf.id, format: 'png', page: 1, dpi: THUMBNAIL_PDF_DPI };
  const social = content.assets.find((a) => a.kind === 'social');
  if (social) return { assetId: social.id, format: 'jpeg', size: 'card' };
  const emails = content.assets.filter((a) => a.kind === 'email');
  const first = emails.find((a) => a.id === content.sequence?.steps[0]?.emailAssetId) ?? emails[0];
  if (first) return { assetId: first.id, format: 'png' };
  return null;
}

/**
 * The partner's catalogue: the campaigns it may use now (tier, region, catalogue dates), with
 * what a card shows and a thumbnail co-branded with the partner's own kit, from stored renders.
 */
@Injectable()
export class CatalogueService {
  constructor(
    private readonly campaigns: CampaignsRepository,
    private readonly partners: PartnersService,
    private readonly brandKits: BrandKitsService,
    private readonly previews: PreviewsService,
    private readonly clock: Clock,
  ) {}

  async list(actor: Actor, partnerId: string, filter: CatalogueFilter): Promise<Found<CatalogueItem>> {
    const partner = await this.partners.get(actor, partnerId);
    const now = this.clock.now();
    const [found, brand] = await Promise.all([
      this.campaigns.catalogueForPartner(scopeOfPartner(partner), partner, filter, now),
      this.brandKits.brandState(partner),
    ]);
    const newSince = now.getTime() - NEW_FOR_DAYS * 86_400_000;
    const renders: RenderAssetJob[] = [];
    const items = found.items.map((v): CatalogueItem => {
      const source = thumbnailSource(v.content);
      // The render's identity is in the URL, so the browser may keep the image until the kit or the version changes.
      // A kit that leaves a required slot empty cannot be rendered (its thumbnail answers 422): such a
      // card has no thumbnail URL, rather than one a browser would show as a broken image, until the
      // kit is filled in (the kit's new revision then names the render).
      // In the partner's language where the PDF or post has it: the render thumbnail() asks for (PreviewsService.preview).
      const asset = source && v.content.assets.find((a) => a.id === source.assetId);
      const language = asset ? renderLanguage(asset, v.content, partner.language) : undefined;
      const inLanguage = language ? { language } : {};
      const key =
        source && !resolveSlotValues(v.content.slots, brand.brand).missing.length
          ? renderKey({
              versionId: v.id,
              partnerId: partner.id,
              brandRevision: brand.revision,
              ...source,
              ...inLanguage,
            })
          : null;
      if (source && key) {
        renders.push({
          renderKey: key,
          vendorId: partner.vendorId,
          campaignId: v.campaignId,
          version: v.version,
          partnerId: partner.id,
          ...source,
          ...inLanguage,
        });
      }
      return {
        campaignId: v.campaignId,
        name: v.content.name,
        description: v.content.description,
        version: v.version,
        publishedAt: v.publishedAt,
        tags: v.content.tags,
        language: v.content.language,
        languages: campaignLanguages(v.content),
        assetTypes: (['email', 'pdf', 'social'] as const).filter((t) => v.content.assets.some((a) => a.kind === t)),
        new: v.firstPublishedAt.getTime() >= newSince,
        promoted: v.promoted,
        thumbnailUrl: key ? `/partners/${partner.id}/campaigns/${v.campaignId}/thumbnail?v=${key}` : null,
      };
    });
    await this.previews.prepare(renders);
    return { items, total: found.total };
  }

  /** The thumbnail of a campaign for a partner: the stored render, or one render in the worker the first time. */
  async thumbnail(actor: Actor, partnerId: string, campaignId: string, ifNoneMatch?: string): Promise<PreviewResult> {
    const partner = await this.partners.get(actor, partnerId);
    const version = await this.campaigns.findPublishedForPartner(
      scopeOfPartner(partner),
      partner,
      campaignId,
      this.clock.now(),
    );
    const source = version ? thumbnailSource(version.content) : null;
    if (!version || !source) throw new NotFoundError('Thumbnail');
    const { assetId, ...options } = source;
    return this.previews.preview(
      actor,
      campaignId,
      version.version,
      assetId,
      { ...options, partnerId: partner.id },
      ifNoneMatch,
      'thumbnail',
    );
  }
}
