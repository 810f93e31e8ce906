import type { TxtLookup } from '@tcma/delivery';
import { isIP } from 'node:net';
import { domainToASCII } from 'node:url';

/** A DNS name of two labels or more (RFC 1123 labels; a top-level label of letters, or an IDN's xn-- form). */
const HOST_NAME = /^(?=.{1,253}$)(?:[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.)+(?:[a-z]{2,63}|xn--[a-z0-9-]{1,59})$/;

/** Where the verification record is published: under the host, so only who controls its DNS can publish it. */
export const CHALLENGE_LABEL = '_tcma-challenge';
/** The verification record's value, before the host name's token. */
export const CHALLENGE_PREFIX = 'tcma-verify=';

export interface ChallengeRecord {
  type: 'TXT';
  name: string;
  value: string;
}

/** The TXT record that proves a vendor controls `host`. */
export function challengeRecord(host: string, token: string): ChallengeRecord {
  return { type: 'TXT', name: `${CHALLENGE_LABEL}.${host}`, value: `${CHALLENGE_PREFIX}${token}` };
}

/** A host as a request names it (Host or X-Forwarded-Host, port already removed), compared as DNS does. */
export function requestHostName(raw: string | undefined): string | null {
  const host = raw?.trim().toLowerCase().replace(/\.$/, '');
  return host ? host : null;
}

/**
 * The host name a vendor asks to claim, normalised (lower case, ASCII, no trailing dot), or
 * why it cannot be one: a DNS host name, without scheme, path or port, not an IP address and
 * not the engine's own host (PUBLIC_BASE_URL's, which stays every vendor's).
 */
export function hostNameOf(raw: string, engineHost: string): { host: string } | { problem: string } {
  const trimmed = raw.trim().toLowerCase().replace(/\.$/, '');
  if (trimmed.includes('/')) return { problem: 'must be a host name alone, without a scheme or path' };
  const unbracketed = trimmed.replace(/^\[(.*)\]$/, '$1');
  if (isIP(unbracketed)) return { problem: 'must be a host name, not an IP address' };
  if (trimmed.includes(':')) return { problem: 'must be a host name without a port' };
  const host = /^[\x21-\x7e]*$/.test(trimmed) ? trimmed : domainToASCII(trimmed);
  if (!HOST_NAME.test(host)) return { problem: 'must be a host name such as partners.vendor.example' };
  if (host === engineHost.toLowerCase())
    return { problem: "is the engine's own host (PUBLIC_BASE_URL), which serves every vendor" };
  return { host };
}

/** Why the lookup does not prove the claim, or null when one of the TXT values is the expected one. */
export function challengeProblem(lookup: TxtLookup, name: string, expected: string): string | null {
  if ('error' in lookup) return `Could not resolve ${name} (${lookup.error}); try again in a while`;
  if (lookup.values.some((v) => v.trim() === expected)) return null;
  if (lookup.values.length === 0)
    return `No TXT record at ${name} yet: publish ${expected} there (DNS changes can take a while to be seen)`;
  return `${lookup.values.length} TXT record(s) at ${name}, none is ${expected}`;
}
