import { Injectable, Optional } from '@nestjs/common';
import type { CampaignContent, EmailAsset } from '@tcma/campaign-model';
import { CompiledEmail, CompiledEmailCache, compileEmail, resolveSlotValues } from '@tcma/cobrand';
import type { BrandState } from '@tcma/brand-kits';
import { InvalidError } from '@tcma/errors';
import { Metrics } from '@tcma/metrics';
import { createHash } from 'node:crypto';

/**
 * Compiled emails for the whole process (previews and sends share them): one MJML compile
 * per campaign version, asset and brand-kit revision, then a cheap render per recipient.
 */
@Injectable()
export class EmailRenderService {
  readonly cache = new CompiledEmailCache();

  constructor(@Optional() metrics?: Metrics) {
    metrics?.follow('render-cache-hits', metrics.renderCache, { result: 'hit' }, () => this.cache.hits);
    metrics?.follow('render-cache-misses', metrics.renderCache, { result: 'miss' }, () => this.cache.misses);
  }

  /**
   * `pageUrl`: the partner's landing page of this campaign (/p/:partnerSlug/:campaignSlug),
   * which {{links.page}} points to; slugs never change, so the partner in the key covers it.
   * `language`: which of the email's languages `asset` holds the copy of (emailInLanguage), so
   * each variant is compiled and kept apart; omitted: the campaign's own.
   */
  async compiled(
    versionId: string,
    content: CampaignContent,
    asset: EmailAsset,
    brand: Pick<BrandState, 'partnerId' | 'revision' | 'brand'>,
    launchValues: Readonly<Record<string, string>> = {},
    pageUrl: string | null = null,
    language = '',
  ): Promise<CompiledEmail> {
    const extra = Object.keys(launchValues).length
      ? createHash('sha256')
          .update(JSON.stringify(Object.entries(launchValues).sort()))
          .digest('hex')
          .slice(0, 16)
      : '-';
    const variant = language && language !== content.language ? language : '';
    const key = `${CompiledEmailCache.key(versionId, asset.id, `${brand.partnerId}:${brand.revision}`)}:${extra}:${variant}`;
    return this.cache.get(key, () => {
      // A variant's readers get a text_block's default in its language when the partner wrote none.
      const resolved = resolveSlotValues(content.slots, brand.brand, launchValues, variant || null);
      if (resolved.missing.length) throw missingSlots(resolved.missing);
      // A variant's readers land on the page in its language (LandingPagesService.view's ?lang=).
      const pageLink = pageUrl && variant ? `${pageUrl}?lang=${encodeURIComponent(variant)}` : pageUrl;
      const withPage =
        pageLink && content.assets.some((a) => a.kind === 'page')
          ? { ...content, links: [...content.links, { name: 'page', url: pageLink }] }
          : content;
      // A variant declares its own language (<html lang>), for screen readers and clients' translation offers.
      return compileEmail(asset, variant ? { ...withPage, language: variant } : withPage, resolved.values);
    });
  }
}

export function missingSlots(missing: string[]): InvalidError {
  return new InvalidError(
    `Required slots are not filled: ${missing.join(', ')}; fill them in the brand kit`,
    missing.map((slot) => ({ path: `slots.${slot}`, message: 'is required and has no value' })),
  );
}

/** The public address of a partner's landing page of a campaign. */
export function landingPageUrl(publicBaseUrl: string, partnerSlug: string, campaignSlug: string): string {
  return `${publicBaseUrl}/p/${encodeURIComponent(partnerSlug)}/${encodeURIComponent(campaignSlug)}`;
}
