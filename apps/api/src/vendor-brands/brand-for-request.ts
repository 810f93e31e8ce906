import type { PortalBrand, VendorBrandsService } from '@tcma/vendor-brands';

/** What of a signed-out request names its vendor. */
export interface BrandRequest {
  /** `?vendor=<slug>` of the page's address. */
  vendorSlug?: string | null;
  /** The host the page was asked for (`Host`, or the proxy's `X-Forwarded-Host` where trusted). Not read yet: see below. */
  host: string;
}

/**
 * The brand a signed-out page is shown in: the vendor the request names, else the engine's own.
 * An unknown slug answers the engine's own too (a 200 either way), so the answer tells no more
 * about which slugs exist than the brand itself shows.
 *
 * The one place a signed-out request is mapped to its vendor. Host names (a vendor's claimed
 * portal host) belong here, before the slug: look `request.host` up among the claimed hosts and,
 * when one matches, answer that vendor's brand whatever the slug says.
 */
export function brandForRequest(brands: VendorBrandsService, request: BrandRequest): Promise<PortalBrand> {
  const slug = request.vendorSlug?.trim().toLowerCase() || null;
  return brands.portalBrandBySlug(slug);
}
