import { PartnerScope, Role, TenantScope, VendorScope } from '@tcma/persistence';

/** Who is calling: resolved once per request by the auth guard, passed to every service. */
export interface Actor {
  userId: string;
  vendorId: string;
  /** Set for partner users: the only partner whose data they may see. */
  partnerId: string | null;
  role: Role;
  /** The credential used, e.g. the API token id; absent for internal callers. */
  credentialId?: string;
  /** Set when the credential is a browser session (a cookie): its id. */
  sessionId?: string;
  /** Set when a vendor user acts for one of its partners (concierge): who they are. */
  concierge?: { role: Role };
}

export const PARTNER_ROLES: Role[] = ['partner_admin', 'partner_user'];

/** Partner users and partner admins: users who belong to one partner. */
export const isPartnerRole = (role: Role): boolean => PARTNER_ROLES.includes(role);

export const VENDOR_ROLES: Role[] = ['vendor_admin', 'vendor_marketer', 'vendor_approver'];

export function isVendorUser(actor: Actor): boolean {
  return !isPartnerRole(actor.role);
}

/**
 * The partner an actor may act for: a partner user's own partner, or for vendor users the
 * partner they name. Returning null means "any partner of the vendor".
 */
export function partnerScope(actor: Actor, named?: string | null): string | null {
  return isPartnerRole(actor.role) ? actor.partnerId : (named ?? null);
}

/**
 * The tenant scope of an actor's request: a partner user's own partner; for vendor users
 * their vendor, or the partner they name (applied together with the vendor, so a partner of
 * another vendor finds nothing).
 */
export function scopeOf(actor: Actor, named?: string | null): TenantScope {
  if (isPartnerRole(actor.role)) {
    if (!actor.partnerId) throw new Error(`Partner user ${actor.userId} has no partner`);
    return new PartnerScope(actor.vendorId, actor.partnerId);
  }
  return named ? new PartnerScope(actor.vendorId, named) : new VendorScope(actor.vendorId);
}

/** The signed-in person themselves: in concierge mode the vendor user, not the partner they act for. */
export const selfOf = (actor: Actor): Actor =>
  actor.concierge ? { ...actor, role: actor.concierge.role, partnerId: null, concierge: undefined } : actor;

/** The scope of one partner row (already found in the caller's vendor). */
export const scopeOfPartner = (partner: { vendorId: string; id: string }): PartnerScope =>
  new PartnerScope(partner.vendorId, partner.id);
