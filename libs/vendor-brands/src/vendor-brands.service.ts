import { Injectable } from '@nestjs/common';
import { LogoPipeline, LogoView } from '@tcma/brand-kits';
import type { ContrastWarning } from '@tcma/cobrand';
import { InvalidError, NotFoundError } from '@tcma/errors';
import { VendorBrandRow, VendorRow, VendorScope } from '@tcma/persistence';
import { Actor, VendorsRepository } from '@tcma/tenancy';
import { checkVendorBrand, VendorBrandInput } from './vendor-brand-fields';
import {
  BrandColors,
  brandColors,
  displayNameOf,
  ENGINE_PORTAL_BRAND,
  PortalBrand,
  primaryColorWarnings,
} from './vendor-brand-view';
import { VendorBrandsRepository } from './vendor-brands.repository';

/** The brand settings as the console edits them: what was saved, and what is shown for it. */
export interface VendorBrandView extends PortalBrand {
  /** As saved: null where the vendor's name or the engine's colour stands in. */
  saved: { displayName: string | null; primaryColor: string | null };
  logo: LogoView | null;
  favicon: LogoView | null;
  revision: number;
  warnings: ContrastWarning[];
}

/** What the engine's emails to a vendor's partner users carry of its brand. */
export interface EmailBrand {
  /** The vendor's slug: links to signed-out pages carry it (`?vendor=`), so they open in its brand. */
  vendor: string;
  displayName: string;
  logoUrl: string | null;
  colors: BrandColors;
  supportEmail: string | null;
  supportUrl: string | null;
}

/**
 * A vendor's own brand on what its partners see. Any user of the vendor reads it (partners
 * theme the portal with it); vendor admins change it (the role is the controller's).
 */
@Injectable()
export class VendorBrandsService {
  constructor(
    private readonly brands: VendorBrandsRepository,
    private readonly vendors: VendorsRepository,
    private readonly logos: LogoPipeline,
  ) {}

  async get(actor: Actor): Promise<VendorBrandView> {
    const scope = new VendorScope(actor.vendorId);
    return this.view(await this.vendor(scope), await this.brands.find(scope));
  }

  async update(actor: Actor, input: VendorBrandInput): Promise<VendorBrandView> {
    const scope = new VendorScope(actor.vendorId);
    const vendor = await this.vendor(scope);
    const { fields, problems } = checkVendorBrand(input);
    if (problems.length) throw new InvalidError('The brand is invalid; nothing was saved', problems);
    return this.view(vendor, await this.brands.save(scope, fields));
  }

  async setImage(actor: Actor, image: 'logo' | 'favicon', bytes: Buffer | undefined): Promise<VendorBrandView> {
    const scope = new VendorScope(actor.vendorId);
    const vendor = await this.vendor(scope);
    const stored = await this.logos.store(vendor.id, bytes);
    return this.view(vendor, await this.brands.save(scope, image === 'logo' ? { logo: stored } : { favicon: stored }));
  }

  async removeImage(actor: Actor, image: 'logo' | 'favicon'): Promise<VendorBrandView> {
    const scope = new VendorScope(actor.vendorId);
    return this.view(
      await this.vendor(scope),
      await this.brands.save(scope, image === 'logo' ? { logo: null } : { favicon: null }),
    );
  }

  /** The brand of the vendor a signed-out page names by slug; the engine's own for none or an unknown one. */
  async portalBrandBySlug(slug: string | null): Promise<PortalBrand> {
    const found = slug ? await this.brands.findBySlugForSystem(slug) : null;
    return found ? this.portal(found.vendor, found.brand) : ENGINE_PORTAL_BRAND;
  }

  /** For the engine's emails on the vendor's behalf (NoticeMailer). */
  async emailBrand(scope: VendorScope): Promise<EmailBrand> {
    const vendor = await this.vendor(scope);
    const { displayName, logoUrl, colors, supportEmail, supportUrl } = this.portal(
      vendor,
      await this.brands.find(scope),
    );
    return { vendor: vendor.slug, displayName, logoUrl, colors, supportEmail, supportUrl };
  }

  private async vendor(scope: VendorScope): Promise<VendorRow> {
    const vendor = await this.vendors.find(scope);
    if (!vendor) throw new NotFoundError('Vendor');
    return vendor;
  }

  private portal(vendor: VendorRow, brand: VendorBrandRow | null): PortalBrand {
    return {
      vendor: vendor.slug,
      displayName: displayNameOf(vendor, brand),
      logoUrl: brand?.logo ? this.logos.urlOf(brand.logo.pngKey) : null,
      faviconUrl: brand?.favicon ? this.logos.urlOf(brand.favicon.pngKey) : null,
      colors: brandColors(brand?.primaryColor ?? null),
      supportEmail: brand?.supportEmail ?? null,
      supportUrl: brand?.supportUrl ?? null,
    };
  }

  private view(vendor: VendorRow, brand: VendorBrandRow | null): VendorBrandView {
    return {
      ...this.portal(vendor, brand),
      saved: { displayName: brand?.displayName ?? null, primaryColor: brand?.primaryColor ?? null },
      logo: this.logos.view(brand?.logo ?? null),
      favicon: this.logos.view(brand?.favicon ?? null),
      revision: brand?.revision ?? 0,
      warnings: primaryColorWarnings(brand?.primaryColor ?? null),
    };
  }
}
