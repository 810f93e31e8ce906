import { Injectable, Logger } from '@nestjs/common';
import type { PageAsset } from '@tcma/campaign-model';
import { BrandKitsService } from '@tcma/brand-kits';
import {
  checkSubmission,
  compilePage,
  FORM_ERROR,
  CompiledPage,
  PageFormState,
  renderPage,
  resolveSlotValues,
} from '@tcma/cobrand';
import { AppConfig } from '@tcma/config';
import { InvalidError } from '@tcma/errors';
import { PartnerScope } from '@tcma/persistence';
import { landingPageUrl, missingSlots, PreviewsService, renderKey } from '@tcma/rendering';
import { SendRefs } from '@tcma/signing';
import { LRUCache } from 'lru-cache';
import { FormRateLimit } from './form-rate-limit';
import { LeadCaptureService } from './lead-capture.service';
import { PagesRepository, PageTarget } from './pages.repository';

/** How long a page's address, partner and brand-kit revision are reused: a brand-kit edit or a new version shows within this. */
export const PAGE_LOOKUP_TTL_MS = 10_000;
/** Compiled pages kept per process (each a few tens of kB). */
export const PAGE_CACHE_ENTRIES = 2_000;

/** What a public page request gets: the page's bytes, its status and how it may be cached. */
export interface PageResponse {
  status: number;
  html: string;
  /** Set for the shared, cacheable page (GET): its render key as ETag. */
  etag?: string;
  noindex: boolean;
}

interface LoadedPage {
  target: PageTarget;
  asset: PageAsset;
  compiled: CompiledPage;
  key: string;
  blank: string;
}

export interface Visitor {
  ip: string;
  userAgent: string | null;
}

const NOT_FOUND =
  '<!doctype html><html lang="en"><head><meta charset="utf-8"><meta name="robots" content="noindex"><title>Page not found</title></head><body><p>This page does not exist.</p></body></html>';

/**
 * Co-branded landing pages at /p/:partnerSlug/:campaignSlug: the campaign's page asset with
 * the partner's brand kit, compiled once per campaign version and brand-kit revision (the
 * render key) and kept in memory; a form submission is checked field by field and, when
 * valid, captured as a lead.
 */
@Injectable()
export class LandingPagesService {
  private readonly logger = new Logger(LandingPagesService.name);
  private readonly targets = new LRUCache<
    string,
    Promise<{ target: PageTarget; revision: number; values: Map<string, string | null>; missing: string[] } | null>
  >({ max: 5000, ttl: PAGE_LOOKUP_TTL_MS });
  private readonly pages = new LRUCache<string, LoadedPage>({ max: PAGE_CACHE_ENTRIES });

  constructor(
    private readonly repository: PagesRepository,
    private readonly brandKits: BrandKitsService,
    private readonly capture: LeadCaptureService,
    private readonly rateLimit: FormRateLimit,
    private readonly refs: SendRefs,
    private readonly previews: PreviewsService,
    private readonly config: AppConfig,
  ) {}

  pageUrl(partnerSlug: string, campaignSlug: string): string {
    return landingPageUrl(this.config.publicBaseUrl, partnerSlug, campaignSlug);
  }

  /** The page's Open Graph image: the campaign's first social image, co-branded for the partner (LinkedIn size, PNG). */
  async ogImage(
    partnerSlug: string,
    campaignSlug: string,
  ): Promise<{ etag: string; contentType: string; bytes: Buffer } | null> {
    const page = await this.available(partnerSlug, campaignSlug);
    const social = page?.target.version.content.assets.find((a) => a.kind === 'social');
    if (!page || !social) return null;
    return this.previews.renderForSystem(page.target.version, social.id, page.target.partner, {
      format: 'png',
      size: 'linkedin',
    });
  }

  /** The page's shared bytes (the blank form). */
  async view(partnerSlug: string, campaignSlug: string): Promise<PageResponse> {
    const page = await this.available(partnerSlug, campaignSlug);
    if (!page) return { status: 404, html: NOT_FOUND, noindex: true };
    return { status: 200, html: page.blank, etag: `"${page.key}"`, noindex: page.asset.noindex };
  }

  /**
   * A form submission (a plain HTML form POST). Answers the page again: with a message per
   * field and the values kept (422), with a notice when over a rate limit (429), or with
   * the thank-you message (200; also to a filled honeypot, which records nothing).
   */
  async submit(
    partnerSlug: string,
    campaignSlug: string,
    sendRef: unknown,
    body: Readonly<Record<string, unknown>>,
    visitor: Visitor,
  ): Promise<PageResponse> {
    const page = await this.available(partnerSlug, campaignSlug);
    if (!page || !page.asset.form) return { status: 404, html: NOT_FOUND, noindex: true };
    const form = page.asset.form;
    const noindex = page.asset.noindex;
    const answer = (status: number, state: PageFormState): PageResponse => ({
      status,
      html: renderPage(page.compiled, state),
      noindex,
    });
    const check = checkSubmission(form, body);
    const keep = (errors: Record<string, string>) =>
      answer(errors[FORM_ERROR] ? 429 : 422, { kind: 'refused', values: check.values, errors, consent: check.consent });
    if (!(await this.rateLimit.allow(visitor.ip, `${page.target.partner.id}:${page.target.campaign.id}`))) {
      return keep({
        [FORM_ERROR]: 'Too many submissions from your address or to this page; please try again in a minute.',
      });
    }
    if (check.bot) return answer(200, { kind: 'done', message: form.successMessage });
    if (Object.keys(check.errors).length) return keep(check.errors);
    const sendId = typeof sendRef === 'string' && sendRef.length <= 64 ? this.refs.idOfLink(sendRef) : null;
    const result = await this.capture.capture({
      scope: new PartnerScope(page.target.partner.vendorId, page.target.partner.id),
      campaignId: page.target.campaign.id,
      version: page.target.version,
      asset: page.asset,
      consentText: page.compiled.consentText,
      values: check.values,
      consent: check.consent,
      sendId,
      page: new URL(this.pageUrl(partnerSlug, campaignSlug)).pathname,
      visitor,
    });
    if (!result.ok) return keep(result.errors);
    return answer(200, { kind: 'done', message: form.successMessage });
  }

  /**
   * The page, or null when there is none or the partner's brand kit lacks a required slot: to
   * the public an unfinished page does not exist yet (404), and it is the partner's data, not a
   * failure of the engine (a warning, not an error).
   */
  private async available(partnerSlug: string, campaignSlug: string): Promise<LoadedPage | null> {
    try {
      return await this.load(partnerSlug, campaignSlug);
    } catch (e) {
      if (!(e instanceof InvalidError)) throw e;
      this.logger.warn(`Landing page /p/${partnerSlug}/${campaignSlug} not shown: ${e.message}`);
      return null;
    }
  }

  private async load(partnerSlug: string, campaignSlug: string): Promise<LoadedPage | null> {
    const key = `${partnerSlug}/${campaignSlug}`;
    let found = this.targets.get(key);
    if (!found) {
      found = this.lookup(partnerSlug, campaignSlug).catch((e: unknown) => {
        this.targets.delete(key);
        throw e;
      });
      this.targets.set(key, found);
    }
    const state = await found;
    const asset = state?.target.version.content.assets.find((a): a is PageAsset => a.kind === 'page');
    if (!state || !asset) return null;
    if (state.missing.length) throw missingSlots(state.missing);
    const { target } = state;
    const rkey = renderKey({
      versionId: target.version.id,
      assetId: asset.id,
      partnerId: target.partner.id,
      brandRevision: state.revision,
      format: 'html',
    });
    const cached = this.pages.get(rkey);
    if (cached) return cached;
    const social = target.version.content.assets.find((a) => a.kind === 'social');
    const pageUrl = this.pageUrl(partnerSlug, campaignSlug);
    const compiled = compilePage(asset, target.version.content, state.values, {
      pageUrl,
      ogImageUrl: social ? `${pageUrl}/og.png` : null,
    });
    const loaded = { target, asset, compiled, key: rkey, blank: renderPage(compiled) };
    this.pages.set(rkey, loaded);
    return loaded;
  }

  private async lookup(partnerSlug: string, campaignSlug: string) {
    const target = await this.repository.findTargetForSystem(partnerSlug, campaignSlug);
    if (!target) return null;
    const brand = await this.brandKits.brandState(target.partner);
    const resolved = resolveSlotValues(target.version.content.slots, brand.brand);
    return { target, revision: brand.revision, values: new Map(resolved.values), missing: resolved.missing };
  }
}
