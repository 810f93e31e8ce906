import type { Role } from '@tcma/persistence';
import type { Signer } from '@tcma/signing';
import { SsoRefusedError, type SignInClaims } from './sso-claims';

/** How long a test sign-in may take at the provider, and how long its result can be read. */
export const SSO_TEST_TTL_MS = 10 * 60_000;
/** Claims shown, at most, and the longest value shown of each (a result is for reading, not an archive). */
export const SSO_TEST_MAX_CLAIMS = 50;
export const SSO_TEST_MAX_VALUE = 300;

/** What a test sign-in shows a vendor admin: what the provider said, and what signing in would have done. */
export interface SsoTestResult {
  connectionId: string;
  testedAt: string;
  /** Every claim (OpenID) or attribute (SAML, with the NameID), sorted by name. */
  claims: Array<{ name: string; value: string }>;
  /** What the engine reads from them; null when it could not (the refusal says why). */
  reading: SignInClaims | null;
  /** The partner the partner claim names (partner connections). */
  partner: { id: string; companyName: string; status: string } | null;
  /** The account the email names already, if one does: signing in would use it (its role unchanged). */
  existingUser: { id: string; role: Role; partnerId: string | null } | null;
  /** Why a real sign-in would be refused; null: it would sign in (and provision when no account exists). */
  refusal: { reason: string; detail: string } | null;
}

/** The claims as text, sorted, long values cut. */
export function claimList(claims: Record<string, unknown>): Array<{ name: string; value: string }> {
  return Object.entries(claims)
    .filter(([, v]) => v !== undefined)
    .sort(([a], [b]) => a.localeCompare(b))
    .slice(0, SSO_TEST_MAX_CLAIMS)
    .map(([name, v]) => {
      const value =
        typeof v === 'string'
          ? v
          : Array.isArray(v) && v.every((x) => typeof x === 'string')
            ? v.join(', ')
            : JSON.stringify(v);
      return {
        name: name.slice(0, 200),
        value: value.length > SSO_TEST_MAX_VALUE ? `${value.slice(0, SSO_TEST_MAX_VALUE)}…` : value,
      };
    });
}

/** A refusal as the result shows it. */
export function refusalOf(e: unknown): { reason: string; detail: string } {
  if (e instanceof SsoRefusedError) return { reason: e.reason, detail: e.detail };
  throw e;
}

/** Who may run a test sign-in through which connection, until when: sealed into the start address. */
export interface SsoTestTicket {
  connectionId: string;
  userId: string;
  expiresAt: number;
}

const PREFIX = 'sso-test:';

export function sealTestTicket(signer: Signer, ticket: SsoTestTicket): string {
  return signer.seal(PREFIX + JSON.stringify(ticket));
}

/** The ticket, when it is one of ours for this connection and still valid; else null. */
export function openTestTicket(signer: Signer, sealed: unknown, connectionId: string, now: Date): SsoTestTicket | null {
  if (typeof sealed !== 'string' || !sealed) return null;
  let plain: string;
  try {
    plain = signer.unseal(sealed);
  } catch {
    return null;
  }
  if (!plain.startsWith(PREFIX)) return null;
  const ticket = JSON.parse(plain.slice(PREFIX.length)) as SsoTestTicket;
  return ticket.connectionId === connectionId && ticket.expiresAt > now.getTime() ? ticket : null;
}

const RELAY = 'tcma-test:';

/**
 * A SAML test sign-in's RelayState: the admin and a signature over the AuthnRequest's id, so
 * only the answer to that request (never an unsolicited one) comes back as a test.
 */
export function testRelayState(signer: Signer, requestId: string, userId: string): string {
  return `${RELAY}${userId}.${signer.sign('sso-test', `${requestId}|${userId}`)}`;
}

/** The admin a test's RelayState names, when it is the test of the request this answers; else null. */
export function testerOf(signer: Signer, relayState: unknown, inResponseTo: string | undefined): string | null {
  if (typeof relayState !== 'string' || !relayState.startsWith(RELAY) || !inResponseTo) return null;
  const [userId, signature] = relayState.slice(RELAY.length).split('.', 2);
  if (!userId || !signature) return null;
  return signer.verify('sso-test', `${inResponseTo}|${userId}`, signature) ? userId : null;
}
