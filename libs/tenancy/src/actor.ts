import type { Role } from '@tcma/persistence';

/** Who is calling: resolved once per request by the auth guard, passed to every service. */
export interface Actor {
  userId: string;
  vendorId: string;
  /** Set for partner users: the only partner whose data they may see. */
  partnerId: string | null;
  role: Role;
  /** The credential used, e.g. the API token id; absent for internal callers. */
  credentialId?: string;
}

export const VENDOR_ROLES: Role[] = ['vendor_admin', 'vendor_marketer'];

export function isVendorUser(actor: Actor): boolean {
  return actor.role !== 'partner_user';
}

/**
 * The partner an actor may act for: a partner user's own partner, or for vendor users the
 * partner they name. Returning null means "any partner of the vendor".
 */
export function partnerScope(actor: Actor, named?: string | null): string | null {
  return actor.role === 'partner_user' ? actor.partnerId : (named ?? null);
}
