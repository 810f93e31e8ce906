import type { Role } from '@tcma/persistence';
import { isPartnerRole } from '@tcma/tenancy';

/** What the web app's navigation may offer the signed-in user: the API decides, the browser only follows. */
export interface SessionCapabilities {
  /** The vendor console (/console): vendor users. */
  vendorConsole: boolean;
  /** The partner portal (/portal): partner users, and a vendor user while acting for a partner (concierge). */
  partnerPortal: boolean;
  /** Links for developers (the API reference at /docs): vendor users; never a partner's. */
  developerTools: boolean;
  /**
   * The console's settings areas (sending, host names, webhooks, the vendor's brand): vendor
   * admins, the only role whose changes there the API accepts.
   */
  vendorSettings: boolean;
  /**
   * The console's marketing areas (partners, programmes, dashboards, social posts, leads): vendor
   * admins and marketers. Not approvers, whom the API answers 403 there: they read and review
   * campaigns, and need neither prospects' personal data nor the network's results.
   */
  vendorMarketing: boolean;
}

const NONE: SessionCapabilities = {
  vendorConsole: false,
  partnerPortal: false,
  developerTools: false,
  vendorSettings: false,
  vendorMarketing: false,
};

/**
 * The areas a user may see, from their own role (a vendor user acting for a partner keeps theirs)
 * and whether the tab acts for a partner; nobody signed in sees none of them.
 */
export function sessionCapabilities(user: { role: Role } | null, actingForPartner: boolean): SessionCapabilities {
  if (!user) return NONE;
  const vendor = !isPartnerRole(user.role);
  return {
    vendorConsole: vendor,
    partnerPortal: !vendor || actingForPartner,
    developerTools: vendor,
    vendorSettings: user.role === 'vendor_admin',
    vendorMarketing: user.role === 'vendor_admin' || user.role === 'vendor_marketer',
  };
}
