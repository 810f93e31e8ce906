import { Inject, Injectable } from '@nestjs/common';
import type { CampaignContent } from '@tcma/campaign-model';
import { BrandKitsService, BrandState } from '@tcma/brand-kits';
import { CampaignsRepository } from '@tcma/campaigns';
import { AppConfig } from '@tcma/config';
import { vendorSendingDomain } from '@tcma/delivery';
import { landingPageUrl } from '@tcma/rendering';
import { PartnersRepository, VendorsRepository } from '@tcma/tenancy';
import { LRUCache } from 'lru-cache';

export interface PartnerProfile {
  brand: BrandState;
  partnerCompany: string;
  /** The language the partner's prospects read when they did not say (BCP 47); null: the campaign's. */
  language: string | null;
  vendorName: string;
  vendorDomain: string;
}

/** How long a partner's brand and sender details are reused between sends. */
const PROFILE_TTL_MS = 10_000;
/** Versions are immutable; these bound the memory they take (a version's content can be megabytes). */
export const MAX_VERSIONS = 200;
const VERSION_TTL_MS = 3_600_000;

/** What the cache reads, small enough to fake in a unit spec. */
export type SendProfileCampaigns = Pick<CampaignsRepository, 'findVersionForSystem' | 'slugForSystem'>;
export type SendProfilePartners = Pick<PartnersRepository, 'findForSystem'>;
export type SendProfileVendors = Pick<VendorsRepository, 'findForSystem'>;
export type SendProfileBrands = Pick<BrandKitsService, 'brandState'>;

/**
 * The cached answer for `key`, loading it when missing. A failed load is not kept: the next
 * caller tries again (one database error must not fail every later send).
 */
function cached<T extends object | null>(
  cache: LRUCache<string, Promise<T>>,
  key: string,
  load: () => Promise<T>,
): Promise<T> {
  const found = cache.get(key);
  if (found) return found;
  const loading = load().catch((e: unknown) => {
    if (cache.get(key) === loading) cache.delete(key);
    throw e;
  });
  cache.set(key, loading);
  return loading;
}

/**
 * What sends read over and over, cached: campaign versions (immutable; the most used
 * MAX_VERSIONS, each for at most VERSION_TTL_MS) and partners' brand and sender details (for
 * PROFILE_TTL_MS, so a brand-kit edit reaches the next sends within seconds). Failed reads are
 * never cached.
 */
@Injectable()
export class SendProfiles {
  private readonly versions = new LRUCache<string, Promise<CampaignContent | null>>({
    max: MAX_VERSIONS,
    ttl: VERSION_TTL_MS,
  });
  private readonly profiles = new LRUCache<string, Promise<PartnerProfile | null>>({ max: 5000, ttl: PROFILE_TTL_MS });
  /** Slugs never change: a page's address is cached for as long as it is used. */
  private readonly pageUrls = new LRUCache<string, Promise<{ url: string } | null>>({ max: 10_000 });

  constructor(
    @Inject(CampaignsRepository) private readonly campaigns: SendProfileCampaigns,
    @Inject(PartnersRepository) private readonly partners: SendProfilePartners,
    @Inject(VendorsRepository) private readonly vendors: SendProfileVendors,
    @Inject(BrandKitsService) private readonly brandKits: SendProfileBrands,
    private readonly config: AppConfig,
  ) {}

  content(versionId: string): Promise<CampaignContent | null> {
    return cached(this.versions, versionId, () =>
      this.campaigns.findVersionForSystem(versionId).then((v) => v?.content ?? null),
    );
  }

  profile(vendorId: string, partnerId: string): Promise<PartnerProfile | null> {
    return cached(this.profiles, `${vendorId}:${partnerId}`, () => this.load(vendorId, partnerId));
  }

  /** The partner's landing page of a campaign ({{links.page}}). */
  async landingPage(partnerId: string, campaignId: string): Promise<string | null> {
    const found = await cached(this.pageUrls, `${partnerId}:${campaignId}`, async () => {
      const [partner, campaignSlug] = await Promise.all([
        this.partners.findForSystem(partnerId),
        this.campaigns.slugForSystem(campaignId),
      ]);
      return partner && campaignSlug
        ? { url: landingPageUrl(this.config.publicBaseUrl, partner.slug, campaignSlug) }
        : null;
    });
    return found?.url ?? null;
  }

  private async load(vendorId: string, partnerId: string): Promise<PartnerProfile | null> {
    const [partner, vendor] = await Promise.all([
      this.partners.findForSystem(partnerId),
      this.vendors.findForSystem(vendorId),
    ]);
    if (!partner || !vendor) return null;
    return {
      brand: await this.brandKits.brandState(partner),
      partnerCompany: partner.companyName,
      language: partner.language,
      vendorName: vendor.name,
      vendorDomain: vendorSendingDomain(vendor, this.config),
    };
  }
}
