import { normalizeEmailAddress } from '@tcma/email-address';
import type { Role, SsoAudience } from '@tcma/persistence';

/**
 * Why a single sign-on was refused, as the sign-in page names it (`/sign-in?sso_error=<reason>`)
 * and the log records it. None of them says whether an account exists at another vendor.
 */
export const SSO_REFUSALS = [
  /** The sign-in took longer than its state cookie lives, was started elsewhere, or its state did not match. */
  'expired',
  /** The provider refused, or its answer did not validate (signature, audience, issuer, nonce, expiry). */
  'provider',
  /** No usable email claim, or one the provider says it has not verified. */
  'email',
  /** A partner connection's token names no partner of this vendor (or an inactive one). */
  'partner',
  /** A partner's own connection signed in an email outside the domains that partner has proven. */
  'domain',
  /** The email belongs to a user of another kind here: a vendor user on a partner connection, another partner's user. */
  'account',
  /** The user or its partner is disabled. */
  'disabled',
  /** The connection is off, unknown, or another vendor's on this vendor's host name. */
  'connection',
] as const;
export type SsoRefusal = (typeof SSO_REFUSALS)[number];

export class SsoRefusedError extends Error {
  constructor(
    readonly reason: SsoRefusal,
    /** For the log only, never the browser: what exactly was wrong. */
    readonly detail: string,
  ) {
    super(`Single sign-on refused (${reason}): ${detail}`);
  }
}

const AUDIENCE_ROLES: Record<SsoAudience, readonly Role[]> = {
  vendor_users: ['vendor_admin', 'vendor_marketer', 'vendor_approver'],
  partner_users: ['partner_admin', 'partner_user'],
};

/** The roles a connection of this audience may give. */
export const rolesOf = (audience: SsoAudience): readonly Role[] => AUDIENCE_ROLES[audience];

export interface ClaimMapping {
  audience: SsoAudience;
  /** A partner's own connection: every user it signs in is this partner's, whatever the claims say. */
  partnerId?: string | null;
  partnerClaim: string | null;
  roleClaim: string | null;
  defaultRole: Role;
}

/** Who an ID token (with the user info) says is signing in. */
export interface SignInClaims {
  email: string;
  name: string;
  role: Role;
  /** The partner's external id (the vendor's partner connections only; null on a partner's own). */
  partnerExternalId: string | null;
}

const text = (value: unknown): string | null =>
  typeof value === 'string' && value.trim() !== '' ? value.trim() : typeof value === 'number' ? String(value) : null;

/**
 * Reads the claims through the connection's mapping. The role claim may be a string or a list
 * (groups); the first value that is a role of the audience wins, else the default role.
 */
export function readClaims(claims: Record<string, unknown>, mapping: ClaimMapping): SignInClaims {
  const email = normalizeEmailAddress(claims.email);
  if (!email.ok) throw new SsoRefusedError('email', `email claim ${email.message}`);
  if (claims.email_verified === false) throw new SsoRefusedError('email', 'email_verified is false');
  const given = [text(claims.given_name), text(claims.family_name)].filter(Boolean).join(' ');
  const name = (text(claims.name) ?? (given || email.value.split('@')[0])).slice(0, 200);
  const roles = rolesOf(mapping.audience);
  const claimed = mapping.roleClaim === null ? [] : [claims[mapping.roleClaim]].flat();
  const role = (claimed.find((r) => typeof r === 'string' && roles.includes(r as Role)) as Role) ?? mapping.defaultRole;
  let partnerExternalId: string | null = null;
  if (mapping.audience === 'partner_users' && !mapping.partnerId) {
    partnerExternalId = mapping.partnerClaim === null ? null : text(claims[mapping.partnerClaim]);
    if (partnerExternalId === null) throw new SsoRefusedError('partner', `no ${mapping.partnerClaim} claim`);
  }
  return { email: email.value, name, role, partnerExternalId };
}

/** An origin no real address has: a path resolved against it that lands elsewhere is refused. */
const PROBE = 'https://app.invalid';
/** The sign-in flow's own pages: landing on one after signing in would loop. */
const FLOW = ['/sign-in', '/reset-password', '/invitations'];

/**
 * Where a sign-in may go afterwards: one of the engine's own paths only (`/portal/…`), never
 * another site (`//evil.example`, `/\evil.example`, `https://…`, an encoded second slash) nor a
 * page of the sign-in flow; anything else goes home. The web app's `safeNextPath` rules.
 */
export function safeReturnPath(value: unknown): string {
  if (typeof value !== 'string' || value.length > 2000) return '/';
  if (!value.startsWith('/') || value.startsWith('//')) return '/';
  // eslint-disable-next-line no-control-regex -- control characters are what it looks for
  if (/[\\\s\u0000-\u001f\u007f]/.test(value)) return '/';
  const url = new URL(value, PROBE);
  if (url.origin !== PROBE || /^\/(?:%2f|%5c)/i.test(url.pathname)) return '/';
  if (FLOW.some((page) => url.pathname === page || url.pathname.startsWith(`${page}/`))) return '/';
  return value;
}
