import { Injectable, Logger } from '@nestjs/common';
import type { PageAsset } from '@tcma/campaign-model';
import { BrandKitsService } from '@tcma/brand-kits';
import { Clock } from '@tcma/clock';
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
import { DatabaseNotices, PartnerScope } from '@tcma/persistence';
import { landingPageUrl, missingSlots, PreviewsService, renderKey, renderLanguage } from '@tcma/rendering';
import { SendRefs } from '@tcma/signing';
import { canonicalLanguage, collateralInLanguage } from '@tcma/translation';
import { LRUCache } from 'lru-cache';
import { FormRateLimit } from './form-rate-limit';
import { notFoundPage, visitorLocale } from './landing-page-words';
import { LeadCaptureService } from './lead-capture.service';
import { PagesRepository, PageTarget } from './pages.repository';

/** Pages kept rendered per API process, at most (each a few tens of kB: the demo's is 4 kB). */
export const PAGE_CACHE_ENTRIES = 2_000;
/** And at most this many bytes of them all (the compiled parts, the blank page and its encoded bytes). */
export const PAGE_CACHE_BYTES = 32 * 1024 * 1024;
/** The database channel on which the rows a page is made from announce their changes (migration LandingPageChangeNotices). */
export const PAGE_CHANGES_CHANNEL = 'tcma_page_changes';
/** A kept page is read again after this long at most, whatever was heard: a backstop should a change go unheard. */
export const PAGE_KEEP_MS = 5 * 60_000;

/** What a public page request gets: the page's bytes, its status and how it may be cached. */
export interface PageResponse {
  status: number;
  html: string;
  /** Set for the shared, cacheable page (GET): its render key as ETag. */
  etag?: string;
  /** The shared page's bytes, encoded once (UTF-8). */
  bytes?: Buffer;
  noindex: boolean;
}

interface LoadedPage {
  target: PageTarget;
  asset: PageAsset;
  compiled: CompiledPage;
  key: string;
  blank: string;
  bytes: Buffer;
}

/** What an address shows: a page, no page (404), or a page the partner's brand kit cannot fill yet. */
interface PageEntry {
  page: LoadedPage | null;
  missing: string[];
  partnerId: string | null;
  campaignId: string | null;
  /** Until when (clock ms) it may be answered from memory. */
  keptUntil: number;
}

export interface Visitor {
  ip: string;
  userAgent: string | null;
}

/** No page at the address: said in the visitor's language (visitorLocale). */
const notFound = (lang: unknown, acceptLanguage: string | undefined): PageResponse => ({
  status: 404,
  html: notFoundPage(visitorLocale(lang, acceptLanguage)),
  noindex: true,
});

/**
 * Co-branded landing pages at /p/:partnerSlug/:campaignSlug: the campaign's page asset with
 * the partner's brand kit, compiled and rendered once and kept in memory by address; a form
 * submission is checked field by field and, when valid, captured as a lead.
 *
 * A kept page is dropped the moment any row it was made from changes: the partner, its brand
 * kit, the campaign or its versions announce every change on PAGE_CHANGES_CHANNEL when it
 * commits (triggers, so no writer can forget), heard by every API process. While that channel
 * is not being heard (before the first page, or after the connection broke) nothing is kept:
 * every request reads the database. Whatever was heard, a page is kept PAGE_KEEP_MS at most.
 */
@Injectable()
export class LandingPagesService {
  private readonly logger = new Logger(LandingPagesService.name);
  private readonly entries = new LRUCache<string, PageEntry>({
    max: PAGE_CACHE_ENTRIES,
    maxSize: PAGE_CACHE_BYTES,
    sizeCalculation: (e) => (e.page ? e.page.compiled.size + e.page.blank.length * 2 + e.page.bytes.length : 0) + 256,
  });
  /** Lookups under way, by address, so a burst of first visits reads the database once. */
  private readonly loading = new Map<string, Promise<PageEntry>>();
  /** Bumped at every change heard: a lookup that saw one under way is answered but not kept. */
  private generation = 0;
  private listening: Promise<void> | null = null;

  constructor(
    private readonly repository: PagesRepository,
    private readonly brandKits: BrandKitsService,
    private readonly capture: LeadCaptureService,
    private readonly rateLimit: FormRateLimit,
    private readonly refs: SendRefs,
    private readonly previews: PreviewsService,
    private readonly config: AppConfig,
    private readonly notices: DatabaseNotices,
    private readonly clock: Clock,
  ) {}

  pageUrl(partnerSlug: string, campaignSlug: string): string {
    return landingPageUrl(this.config.publicBaseUrl, partnerSlug, campaignSlug);
  }

  /**
   * The page's Open Graph image: the campaign's first social image, co-branded for the partner
   * (LinkedIn size, PNG), in the language the page's address asks for (?lang=), else the partner's.
   */
  async ogImage(
    partnerSlug: string,
    campaignSlug: string,
    lang?: unknown,
  ): Promise<{ etag: string; contentType: string; bytes: Buffer } | null> {
    const reader = (typeof lang === 'string' && canonicalLanguage(lang)) || undefined;
    const page = await this.available(partnerSlug, campaignSlug, reader);
    const social = page?.target.version.content.assets.find((a) => a.kind === 'social');
    if (!page || !social) return null;
    return this.previews.renderForSystem(
      page.target.version,
      social.id,
      page.target.partner,
      { format: 'png', size: 'linkedin' },
      reader,
    );
  }

  /**
   * The page's shared bytes (the blank form), in the language the address asks for (`?lang=`, a
   * BCP 47 tag; a variant email's page link carries its language), else the partner's: the
   * closest of the page's languages (collateralInLanguage), else the campaign's. No page: a 404
   * in `?lang=`'s language or the browser's (`acceptLanguage`, the request's header).
   */
  async view(
    partnerSlug: string,
    campaignSlug: string,
    lang?: unknown,
    acceptLanguage?: string,
  ): Promise<PageResponse> {
    const page = await this.available(partnerSlug, campaignSlug, lang);
    if (!page) return notFound(lang, acceptLanguage);
    return { status: 200, html: page.blank, bytes: page.bytes, etag: `"${page.key}"`, noindex: page.asset.noindex };
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
    lang?: unknown,
    acceptLanguage?: string,
  ): Promise<PageResponse> {
    // The form posts to its own address, so it is answered (and its consent recorded) in the page's language.
    const page = await this.available(partnerSlug, campaignSlug, lang);
    if (!page || !page.asset.form) return notFound(lang, acceptLanguage);
    const form = page.asset.form;
    const noindex = page.asset.noindex;
    const answer = (status: number, state: PageFormState): PageResponse => ({
      status,
      html: renderPage(page.compiled, state),
      noindex,
    });
    const check = checkSubmission(form, body, page.compiled.words);
    const keep = (errors: Record<string, string>) =>
      answer(errors[FORM_ERROR] ? 429 : 422, { kind: 'refused', values: check.values, errors, consent: check.consent });
    if (!(await this.rateLimit.allow(visitor.ip, `${page.target.partner.id}:${page.target.campaign.id}`))) {
      return keep({ [FORM_ERROR]: page.compiled.words.tooMany });
    }
    if (check.bot) return answer(200, { kind: 'done', message: form.successMessage });
    if (Object.keys(check.errors).length) return keep(check.errors);
    const sendId = typeof sendRef === 'string' && sendRef.length <= 64 ? this.refs.idOfLink(sendRef) : null;
    const result = await this.capture.capture(
      {
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
      },
      page.compiled.words,
    );
    if (!result.ok) return keep(result.errors);
    return answer(200, { kind: 'done', message: form.successMessage });
  }

  /**
   * The page, or null when there is none or the partner's brand kit lacks a required slot: to
   * the public an unfinished page does not exist yet (404), and it is the partner's data, not a
   * failure of the engine (a warning, not an error).
   */
  private async available(partnerSlug: string, campaignSlug: string, lang?: unknown): Promise<LoadedPage | null> {
    try {
      return await this.load(partnerSlug, campaignSlug, (typeof lang === 'string' && canonicalLanguage(lang)) || null);
    } catch (e) {
      if (!(e instanceof InvalidError)) throw e;
      this.logger.warn(`Landing page /p/${partnerSlug}/${campaignSlug} not shown: ${e.message}`);
      return null;
    }
  }

  private async load(partnerSlug: string, campaignSlug: string, reader: string | null): Promise<LoadedPage | null> {
    void this.listen();
    // Kept per language asked (an unknown one is a page in the closest language, kept as any other).
    const key = `${partnerSlug}/${campaignSlug}/${reader ?? ''}`;
    const kept = this.notices.live ? this.entries.get(key) : undefined;
    const entry =
      kept && kept.keptUntil > this.clock.now().getTime()
        ? kept
        : await this.lookupOnce(key, partnerSlug, campaignSlug, reader);
    if (entry.missing.length) throw missingSlots(entry.missing);
    return entry.page;
  }

  private lookupOnce(
    key: string,
    partnerSlug: string,
    campaignSlug: string,
    reader: string | null,
  ): Promise<PageEntry> {
    let pending = this.loading.get(key);
    if (!pending) {
      const generation = this.generation;
      pending = this.lookup(partnerSlug, campaignSlug, reader).then(
        (entry) => {
          if (this.loading.get(key) === pending) this.loading.delete(key);
          if (this.notices.live && generation === this.generation)
            this.entries.set(key, { ...entry, keptUntil: this.clock.now().getTime() + PAGE_KEEP_MS });
          return entry;
        },
        (e: unknown) => {
          if (this.loading.get(key) === pending) this.loading.delete(key);
          throw e;
        },
      );
      this.loading.set(key, pending);
    }
    return pending;
  }

  private async lookup(partnerSlug: string, campaignSlug: string, reader: string | null): Promise<PageEntry> {
    const target = await this.repository.findTargetForSystem(partnerSlug, campaignSlug);
    if (!target) return { page: null, missing: [], partnerId: null, campaignId: null, keptUntil: 0 };
    const ids = { partnerId: target.partner.id, campaignId: target.campaign.id, keptUntil: 0 };
    const found = target.version.content.assets.find((a): a is PageAsset => a.kind === 'page');
    if (!found) return { page: null, missing: [], ...ids };
    const { content } = target.version;
    const { asset, language } = collateralInLanguage(found, content, reader ?? target.partner.language);
    const brand = await this.brandKits.brandState(target.partner);
    const resolved = resolveSlotValues(target.version.content.slots, brand.brand);
    if (resolved.missing.length) return { page: null, missing: resolved.missing, ...ids };
    const social = target.version.content.assets.find((a) => a.kind === 'social');
    // The post's image in the reader's language (ogImage reads the same ?lang=), where the post has it.
    const ogLanguage = social && renderLanguage(social, content, target.partner.language, reader ?? undefined);
    const pageUrl = this.pageUrl(partnerSlug, campaignSlug);
    // A variant declares its own language (<html lang>, and dir="rtl" for one written right to left).
    const compiled = compilePage(asset, { ...content, language }, new Map(resolved.values), {
      pageUrl,
      ogImageUrl: social ? `${pageUrl}/og.png${ogLanguage ? `?lang=${encodeURIComponent(ogLanguage)}` : ''}` : null,
    });
    const key = renderKey({
      versionId: target.version.id,
      assetId: asset.id,
      partnerId: target.partner.id,
      brandRevision: brand.revision,
      format: 'html',
      ...(language !== content.language ? { language } : {}),
    });
    const blank = renderPage(compiled);
    return { page: { target, asset, compiled, key, blank, bytes: Buffer.from(blank) }, missing: [], ...ids };
  }

  /** Starts hearing the changes of the rows pages are made from, once, on the first page asked for. */
  private listen(): Promise<void> {
    this.listening ??= this.notices
      .listen(PAGE_CHANGES_CHANNEL, {
        notice: (payload) => this.changed(payload),
        lost: () => this.changed(null),
      })
      .catch((e: unknown) =>
        this.logger.warn(
          `Landing pages are read from the database at every request until changes can be heard: ${(e as Error).message}`,
        ),
      );
    return this.listening;
  }

  /** Drops what a change (`partner:<id>` or `campaign:<id>`; null: anything may have changed) makes stale. */
  private changed(payload: string | null): void {
    this.generation++;
    this.loading.clear();
    const [kind, id] = payload?.split(':') ?? [];
    if (!payload || (kind !== 'partner' && kind !== 'campaign')) return this.entries.clear();
    // An address that showed nothing may show a page now (a new partner, a renamed campaign).
    const stale = [...this.entries.entries()].filter(
      ([, e]) => !e.page || (kind === 'partner' ? e.partnerId === id : e.campaignId === id),
    );
    for (const [key] of stale) this.entries.delete(key);
  }

  /** Resolves once every change committed before the call has been heard (and its pages dropped). */
  async changesHeard(): Promise<void> {
    await this.listen();
    await this.notices.caughtUp(PAGE_CHANGES_CHANNEL);
  }
}
