import { Injectable } from '@nestjs/common';
import { BrandKitsService } from '@tcma/brand-kits';
import {
  Asset,
  countSocialCopy,
  PdfAsset,
  SOCIAL_COPY_LIMITS,
  SOCIAL_LINK_LENGTHS,
  SOCIAL_NETWORKS,
  SocialAsset,
  SocialNetwork,
} from '@tcma/campaign-model';
import { CampaignDraftsService, CampaignFilesService, checkSocialCopy, longestSocialCopy } from '@tcma/campaigns';
import {
  fillSocialCopy,
  resolveSlotValues,
  SAMPLE_SLOT_VALUES,
  SOCIAL_IMAGE_SIZES,
  SocialImageSize,
  vocabularyOf,
} from '@tcma/cobrand';
import type { Problem } from '@tcma/errors';
import { BadRequestError, NotFoundError } from '@tcma/errors';
import { StoredFileRow } from '@tcma/persistence';
import { BlobStorage } from '@tcma/storage';
import { Actor, PartnersService } from '@tcma/tenancy';
import { canonicalLanguage, collateralInLanguage } from '@tcma/translation';
import { createHash } from 'node:crypto';
import { DEFAULT_PAGE_DPI } from './preview-request';
import { RENDERER_VERSION } from './render-key';
import { SAMPLE_PARTNER, samplePartnerValues } from './sample-partner';

export interface DraftAssetPreviewOptions {
  /** A partner of the vendor; without it, the sample partner. */
  partnerId?: string;
  /** PDF: the page (default 1) and its resolution (default 100 dpi). */
  page?: number;
  dpi?: number;
  /** Social: the network's image size (default linkedin). */
  size?: string;
  /** One of the asset's language variants (its tag); without it, the default. */
  language?: string;
}

export type DraftAssetPreviewResult =
  { etag: string; notModified: true } | { etag: string; notModified: false; bytes: Buffer };

/** One network's copy as the network counts it. */
export interface SocialCopyMeasure {
  network: SocialNetwork;
  limit: number;
  /** The copy with the sample partner's values (null when its template does not parse). */
  length: number | null;
  /** The longest it can get with the longest values the slots allow: what the limit is checked against. */
  longest: number;
  /** Links written in the copy. */
  links: number;
  /** What each link counts (X: 23); null: its own length. */
  linkLength: number | null;
  fits: boolean;
}

export interface DraftSocialCheck {
  valid: boolean;
  /** Exactly the problems saving this copy would answer 422 with (paths `assets[i].copy.<network>`). */
  problems: Problem[];
  networks: SocialCopyMeasure[];
}

export interface DraftSocialCheckInput {
  copy: Partial<Record<string, string>>;
  /** The social asset of the draft being edited; without it, the copy is checked as one being added. */
  assetId?: string;
}

const matches = (ifNoneMatch: string | undefined, etag: string) =>
  !!ifNoneMatch && ifNoneMatch.split(',').some((t) => t.trim().replace(/^W\//, '') === etag);

/**
 * The console's PDF and social editors' questions about a draft, none of which saves anything:
 * which uploaded file an asset shows, a co-branded preview of a PDF page or social image as
 * the sample partner (or a chosen one), rendered here in the uploads' sandbox and not stored,
 * and how long a post's copy is per network, by the same rule the save applies.
 */
@Injectable()
export class DraftAssetsService {
  constructor(
    private readonly drafts: CampaignDraftsService,
    private readonly files: CampaignFilesService,
    private readonly partners: PartnersService,
    private readonly brandKits: BrandKitsService,
    private readonly storage: BlobStorage,
  ) {}

  /** The stored file a PDF or social asset of the draft shows, to render its pages and to save the asset again. */
  async assetFile(actor: Actor, campaignId: string, assetId: string): Promise<StoredFileRow> {
    const asset = await this.drawable(actor, campaignId, assetId);
    return this.files.getByKey(actor, asset.kind === 'pdf' ? asset.file.key : asset.image.key);
  }

  async preview(
    actor: Actor,
    campaignId: string,
    assetId: string,
    options: DraftAssetPreviewOptions,
    ifNoneMatch?: string,
  ): Promise<DraftAssetPreviewResult> {
    const { content } = await this.drafts.current(actor, campaignId);
    const drawn = this.drawableIn(content.assets, assetId);
    // A variant of the draft, by its exact tag (the editor shows each); 400 for one it lacks.
    const variantTag = options.language && canonicalLanguage(options.language);
    if (options.language && (!variantTag || !drawn.variants?.[variantTag]))
      throw new BadRequestError('The asset has no variant in this language', [
        {
          path: 'language',
          message: `must be one of the asset's variants: ${Object.keys(drawn.variants ?? {}).join(', ') || 'it has none'}`,
        },
      ]);
    const { asset, language } = variantTag
      ? collateralInLanguage(drawn, { language: content.language }, variantTag)
      : { asset: drawn, language: content.language };
    const page = options.page ?? 1;
    const dpi = options.dpi ?? DEFAULT_PAGE_DPI;
    const size = (options.size ?? 'linkedin') as SocialImageSize;
    if (asset.kind === 'pdf' && page > asset.file.pages.length)
      throw new BadRequestError('No such page', [
        { path: 'page', message: `the PDF has ${asset.file.pages.length} page(s)` },
      ]);
    if (asset.kind === 'social' && !(size in SOCIAL_IMAGE_SIZES))
      throw new BadRequestError('Unknown image size', [
        { path: 'size', message: `must be one of ${Object.keys(SOCIAL_IMAGE_SIZES).join(', ')}` },
      ]);

    const as = await this.renderAs(actor, content.slots, options.partnerId);
    // Every input of the picture: the asset, the slots, the partner's brand revision and the output's shape.
    const etag = `"${createHash('sha256')
      .update(
        JSON.stringify([
          RENDERER_VERSION,
          'draft-preview',
          asset,
          content.slots,
          language,
          as.identity,
          asset.kind === 'pdf' ? [page, dpi] : size,
        ]),
      )
      .digest('hex')}"`;
    if (matches(ifNoneMatch, etag)) return { etag, notModified: true };

    const logo = as.logoPng ? { png: new Uint8Array(as.logoPng), key: as.identity } : null;
    const slotTypes = content.slots.map((s) => [s.name, s.type] as [string, (typeof s)['type']]);
    const values = [...as.values];
    if (asset.kind === 'pdf') {
      const vendorPdf = await this.blob(asset.file.key);
      const bytes = await this.files.renderPdfPreview(actor, {
        vendorPdf,
        rects: asset.slots,
        slotTypes,
        values,
        logo,
        logoFallback: as.logoFallback,
        language,
        page,
        dpi,
      });
      return { etag, notModified: false, bytes };
    }
    const background = await this.blob(asset.image.key);
    const bytes = await this.files.renderSocialPreview(actor, {
      background,
      backgroundKey: asset.image.key,
      rects: asset.slots,
      slotTypes,
      values,
      logo,
      logoFallback: as.logoFallback,
      size,
      format: 'png',
    });
    return { etag, notModified: false, bytes };
  }

  /** Each network's copy measured as the network counts it, and the problems saving it would give. */
  async socialCheck(actor: Actor, campaignId: string, input: DraftSocialCheckInput): Promise<DraftSocialCheck> {
    const { content } = await this.drafts.current(actor, campaignId);
    let index = content.assets.length;
    if (input.assetId) {
      index = content.assets.findIndex((a) => a.id === input.assetId);
      if (index < 0 || content.assets[index].kind !== 'social') throw new NotFoundError('Social asset');
    }
    const vocabulary = vocabularyOf(content);
    const problems = checkSocialCopy(input.copy, vocabulary, `assets[${index}].copy`);
    const sample = samplePartnerValues(content.slots);
    const networks: SocialCopyMeasure[] = [];
    for (const network of SOCIAL_NETWORKS) {
      const text = input.copy[network];
      if (typeof text !== 'string') continue;
      const longest = longestSocialCopy(network, text, vocabulary);
      const limit = SOCIAL_COPY_LIMITS[network];
      const filled = this.filled(network, text, sample);
      networks.push({
        network,
        limit,
        length: filled === null ? null : countSocialCopy(network, filled).length,
        longest,
        links: countSocialCopy(network, text).links.length,
        linkLength: SOCIAL_LINK_LENGTHS[network],
        fits: longest <= limit,
      });
    }
    return { valid: problems.length === 0, problems, networks };
  }

  private filled(network: SocialNetwork, text: string, values: Map<string, string | null>): string | null {
    try {
      return fillSocialCopy({ [network]: text }, values)[network] ?? null;
    } catch {
      // A template Handlebars cannot parse: its problems say why.
      return null;
    }
  }

  /** The chosen partner's values and logo (required slots it lacks shown with samples), or the sample partner's. */
  private async renderAs(actor: Actor, slots: Parameters<typeof samplePartnerValues>[0], partnerId?: string) {
    if (!partnerId) {
      const values = samplePartnerValues(slots);
      return {
        identity: 'sample',
        values,
        logoPng: null as Buffer | null,
        logoFallback: values.get('company_name') || SAMPLE_PARTNER.name,
      };
    }
    const partner = await this.partners.get(actor, partnerId);
    const brand = await this.brandKits.renderInputs(partner);
    const resolved = resolveSlotValues(slots, brand.brand);
    const bySlot = new Map(slots.map((s) => [s.name, s]));
    for (const name of resolved.missing)
      resolved.values.set(name, SAMPLE_SLOT_VALUES[bySlot.get(name)?.type ?? 'text']);
    return {
      identity: `${partner.id}:${brand.revision}`,
      values: resolved.values,
      logoPng: brand.logoPng,
      logoFallback: resolved.values.get('company_name') || brand.brand.companyName,
    };
  }

  private async drawable(actor: Actor, campaignId: string, assetId: string): Promise<PdfAsset | SocialAsset> {
    const { content } = await this.drafts.current(actor, campaignId);
    return this.drawableIn(content.assets, assetId);
  }

  private drawableIn(assets: Asset[], assetId: string): PdfAsset | SocialAsset {
    const asset = assets.find((a) => a.id === assetId);
    if (!asset) throw new NotFoundError('Asset');
    if (asset.kind !== 'pdf' && asset.kind !== 'social')
      throw new BadRequestError('Only PDF and social assets are drawn on', [
        { path: 'assetId', message: `is a ${asset.kind} asset; emails are previewed with draft/email-check` },
      ]);
    return asset;
  }

  private async blob(key: string): Promise<Uint8Array> {
    const bytes = await this.storage.get(key);
    if (!bytes) throw new NotFoundError('Stored file');
    return bytes;
  }
}
