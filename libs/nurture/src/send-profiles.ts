import { Injectable } from '@nestjs/common';
import type { CampaignContent } from '@tcma/campaign-model';
import { BrandKitsService, BrandState } from '@tcma/brand-kits';
import { CampaignsRepository } from '@tcma/campaigns';
import { AppConfig } from '@tcma/config';
import { PartnersRepository, VendorsRepository } from '@tcma/tenancy';
import { LRUCache } from 'lru-cache';

export interface PartnerProfile {
  brand: BrandState;
  partnerCompany: string;
  vendorName: string;
  vendorDomain: string;
}

/** How long a partner's brand and sender details are reused between sends. */
const PROFILE_TTL_MS = 10_000;

/**
 * What sends read over and over, cached: campaign versions (immutable, kept while used) and
 * partners' brand and sender details (for PROFILE_TTL_MS, so a brand-kit edit reaches the
 * next sends within seconds).
 */
@Injectable()
export class SendProfiles {
  private readonly versions = new LRUCache<string, Promise<CampaignContent | null>>({ max: 500 });
  private readonly profiles = new LRUCache<string, Promise<PartnerProfile | null>>({ max: 5000, ttl: PROFILE_TTL_MS });

  constructor(
    private readonly campaigns: CampaignsRepository,
    private readonly partners: PartnersRepository,
    private readonly vendors: VendorsRepository,
    private readonly brandKits: BrandKitsService,
    private readonly config: AppConfig,
  ) {}

  content(versionId: string): Promise<CampaignContent | null> {
    let found = this.versions.get(versionId);
    if (!found) {
      found = this.campaigns.findVersionById(versionId).then((v) => v?.content ?? null);
      this.versions.set(versionId, found);
    }
    return found;
  }

  profile(vendorId: string, partnerId: string): Promise<PartnerProfile | null> {
    const key = `${vendorId}:${partnerId}`;
    let found = this.profiles.get(key);
    if (!found) {
      found = this.load(vendorId, partnerId);
      this.profiles.set(key, found);
    }
    return found;
  }

  private async load(vendorId: string, partnerId: string): Promise<PartnerProfile | null> {
    const [partner, vendor] = await Promise.all([this.partners.findInVendor(vendorId, partnerId), this.vendors.findById(vendorId)]);
    if (!partner || !vendor) return null;
    const fallbackDomain = this.config.sendingDomain ?? new URL(this.config.publicBaseUrl).hostname;
    return { brand: await this.brandKits.brandState(partner), partnerCompany: partner.companyName, vendorName: vendor.name, vendorDomain: vendor.sendingDomain ?? fallbackDomain };
  }
}
