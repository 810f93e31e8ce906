import { SocialRateLimited, SocialUnauthorized } from './social-network';

/**
 * The Graph API answers a rate limit with HTTP 400 or 403 and an error code, seldom a 429:
 * 4 application-level, 17 user (account) level, 32 page level, 613 a custom limit, and the
 * Business Use Case codes 80000–80014 (80001: the Pages API), which page tokens are subject to.
 */
const THROTTLE_CODES = new Set([4, 17, 32, 613]);
const BUC_CODES = { from: 80_000, to: 80_014 };
/** Error 190 (OAuthException): the token is invalid, expired or revoked. */
export const FACEBOOK_INVALID_TOKEN_CODE = 190;
/** When a throttled answer's usage headers name no time to regain access: 10 minutes. */
export const FACEBOOK_DEFAULT_THROTTLE_SECONDS = 600;
/** The usage headers whose entries may carry estimated_time_to_regain_access (in minutes). */
const USAGE_HEADERS = ['x-business-use-case-usage', 'x-app-usage', 'x-page-usage', 'x-ad-account-usage'];

/** The Graph error code of an answer's body ({ error: { code } }), or null. */
export function graphErrorCode(body: unknown): number | null {
  const error = body && typeof body === 'object' ? (body as { error?: unknown }).error : undefined;
  const code = error && typeof error === 'object' ? (error as { code?: unknown }).code : undefined;
  return typeof code === 'number' ? code : null;
}

export function isGraphThrottle(code: number | null): boolean {
  return code !== null && (THROTTLE_CODES.has(code) || (code >= BUC_CODES.from && code <= BUC_CODES.to));
}

/** Every estimated_time_to_regain_access (minutes) in a usage header's JSON, however deep (BUC nests them per business id). */
function regainMinutes(value: unknown, found: number[]): number[] {
  if (Array.isArray(value)) value.forEach((v) => regainMinutes(v, found));
  else if (value && typeof value === 'object') {
    for (const [k, v] of Object.entries(value)) {
      if (k === 'estimated_time_to_regain_access' && typeof v === 'number' && v >= 0) found.push(v);
      else regainMinutes(v, found);
    }
  }
  return found;
}

/**
 * Seconds to wait after a throttled Graph answer: the longest estimated_time_to_regain_access
 * of its usage headers (a minute at least), else FACEBOOK_DEFAULT_THROTTLE_SECONDS.
 */
export function facebookThrottleSeconds(headers: Headers): number {
  const minutes: number[] = [];
  for (const name of USAGE_HEADERS) {
    const raw = headers.get(name);
    if (!raw) continue;
    try {
      regainMinutes(JSON.parse(raw), minutes);
    } catch {
      // An unreadable header says nothing about the wait.
    }
  }
  const longest = minutes.length ? Math.max(...minutes) : null;
  return longest === null ? FACEBOOK_DEFAULT_THROTTLE_SECONDS : Math.max(60, longest * 60);
}

/**
 * A Graph API error answer (4xx) as the typed error it stands for: a throttle → rate limited
 * (with the wait its usage headers give), error 190 → unauthorized; null for anything else.
 */
export function facebookErrorOf(
  status: number,
  body: unknown,
  headers: Headers,
  message: string,
): SocialRateLimited | SocialUnauthorized | null {
  const code = graphErrorCode(body);
  if (isGraphThrottle(code))
    return new SocialRateLimited('facebook', facebookThrottleSeconds(headers), `${message} (${status}, code ${code})`);
  if (code === FACEBOOK_INVALID_TOKEN_CODE)
    return new SocialUnauthorized(`facebook: ${message} (${status}, code ${code})`, 'facebook');
  return null;
}
