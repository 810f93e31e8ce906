import type { Capabilities } from '../hooks/use-session';

/** The partner home: where a partner user starts. */
export const PARTNER_HOME = '/portal/home';

/** The vendor home: where a vendor user starts. */
export const VENDOR_HOME = '/console/home';

/**
 * Where a signed-in person starts when no page asked for them: the vendor home for whoever may
 * use the console (vendor users, concierge mode included: the console is theirs), the partner
 * home for whoever may use the portal only (a partner's users), else the home page (nobody
 * signed in, while the session is asked or when there is none).
 */
export function landingOf(can: Capabilities | null | undefined): string {
  if (can?.vendorConsole) return VENDOR_HOME;
  if (can?.partnerPortal) return PARTNER_HOME;
  return '/';
}
