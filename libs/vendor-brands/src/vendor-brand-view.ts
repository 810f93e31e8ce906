import { ContrastWarning, contrastWarnings, readableTextColor, shadeForContrast } from '@tcma/cobrand';
import type { VendorBrandRow, VendorRow } from '@tcma/persistence';

/**
 * The engine's own look, for pages that name no vendor (or one that does not exist: the answer
 * is the same, so it tells nothing about which slugs exist). The colour is the web app's indigo.
 */
export const ENGINE_BRAND = { displayName: 'TCMA', primaryColor: '#3b5bdb' } as const;

/** A brand's colour as the web app and emails use it: the colour, and its readable variants. */
export interface BrandColors {
  /** The colour the vendor chose, or the engine's. */
  primary: string;
  /** The colour itself when white text on it reaches WCAG AA (4.5:1), else the nearest darker shade that does. */
  primaryReadable: string;
  /** Black or white, whichever reads better on the colour itself. */
  primaryText: string;
}

/** What every page of a vendor's portal (signed in or not) is themed with. */
export interface PortalBrand {
  /** The vendor's slug; null for the engine's own look. */
  vendor: string | null;
  displayName: string;
  logoUrl: string | null;
  faviconUrl: string | null;
  colors: BrandColors;
  supportEmail: string | null;
  supportUrl: string | null;
}

export function brandColors(color: string | null): BrandColors {
  const primary = color ?? ENGINE_BRAND.primaryColor;
  return { primary, primaryReadable: shadeForContrast(primary, '#ffffff'), primaryText: readableTextColor(primary) };
}

export const displayNameOf = (vendor: Pick<VendorRow, 'name'>, brand: VendorBrandRow | null): string =>
  brand?.displayName ?? vendor.name;

export const ENGINE_PORTAL_BRAND: PortalBrand = {
  vendor: null,
  displayName: ENGINE_BRAND.displayName,
  logoUrl: null,
  faviconUrl: null,
  colors: brandColors(null),
  supportEmail: null,
  supportUrl: null,
};

/** Warnings for a primary colour that white text (buttons) cannot be read on, as for partners' brand kits. */
export const primaryColorWarnings = (color: string | null): ContrastWarning[] =>
  contrastWarnings({ primaryColor: color });
