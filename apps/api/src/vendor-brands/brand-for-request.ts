import type { PortalBrand, VendorBrandsService } from '@tcma/vendor-brands';
import type { HostVendors } from '@tcma/vendor-hosts';

/** What of a signed-out request names its vendor. */
export interface BrandRequest {
  /** `?vendor=<slug>` of the page's address. */
  vendorSlug?: string | null;
  /** The host the page was asked for (`Host`, or the proxy's `X-Forwarded-Host` where trusted). */
  host: string | undefined;
}

/**
 * The brand a signed-out page is shown in: the vendor the request names, else the engine's own.
 * An unknown slug answers the engine's own too (a 200 either way), so the answer tells no more
 * about which slugs exist than the brand itself shows.
 *
 * The one place a signed-out request is mapped to its vendor: a vendor's verified host name
 * first (its brand, whatever the slug says: its sign-in page is that vendor's alone), else the slug.
 */
export async function brandForRequest(
  brands: VendorBrandsService,
  hosts: HostVendors,
  request: BrandRequest,
): Promise<PortalBrand> {
  const onHost = await hosts.vendorOfHost(request.host);
  const slug = onHost?.slug ?? (request.vendorSlug?.trim().toLowerCase() || null);
  return brands.portalBrandBySlug(slug);
}
