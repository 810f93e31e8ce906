import type { UserRow } from '@tcma/persistence';

/** What a vendor requires of its users' sign-in (vendors.sso_required_*). */
export interface SsoRequirement {
  ssoRequiredVendorUsers: boolean;
  ssoRequiredPartnerUsers: boolean;
}

export const SSO_REQUIRED =
  'Your organisation signs in through single sign-on: use its “Sign in with …” button instead of a password';

/**
 * Whether a password may not sign this user in: its vendor requires single sign-on of its kind
 * of user. Vendor admins keep their password: the way back in when the provider fails, and
 * the way to change the requirement.
 */
export function passwordRefused(user: Pick<UserRow, 'partnerId' | 'role'>, requirement: SsoRequirement): boolean {
  if (user.partnerId !== null) return requirement.ssoRequiredPartnerUsers;
  return requirement.ssoRequiredVendorUsers && user.role !== 'vendor_admin';
}
