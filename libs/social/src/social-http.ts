import type { SocialNetwork } from '@tcma/persistence';
import { facebookErrorOf } from './facebook-throttle';
import {
  SocialRateLimited,
  SocialRejected,
  SocialTimeout,
  SocialUnauthorized,
  SocialUnavailable,
} from './social-network';

/** When a 429 names no wait: a minute. */
export const DEFAULT_RETRY_AFTER_SECONDS = 60;
/** The longest error text kept from a network's answer. */
const MESSAGE_MAX = 300;

export interface SocialAnswer {
  status: number;
  headers: Headers;
  body: unknown;
}

export interface SocialCall {
  method: 'GET' | 'POST' | 'PUT' | 'DELETE';
  url: string;
  headers?: Record<string, string>;
  body?: string | Buffer | FormData | URLSearchParams;
  /**
   * True for the request that creates the post: once it is sent, no answer (timeout, reset,
   * 5xx) means "maybe published" (SocialTimeout), not "try again" (SocialUnavailable).
   */
  creates?: boolean;
}

/** The message of an error body, whatever the network's shape ({message}, {error_description}, {error: {message}}, {detail}). */
function messageOf(body: unknown, status: number): string {
  if (body && typeof body === 'object') {
    const b = body as Record<string, unknown>;
    const nested = b.error && typeof b.error === 'object' ? (b.error as Record<string, unknown>).message : undefined;
    const text = [
      b.error_description,
      b.message,
      nested,
      b.detail,
      b.title,
      typeof b.error === 'string' ? b.error : undefined,
    ].find((v) => typeof v === 'string' && v);
    if (typeof text === 'string') return text.slice(0, MESSAGE_MAX);
  }
  if (typeof body === 'string' && body) return body.slice(0, MESSAGE_MAX);
  return `HTTP ${status}`;
}

/** X's 24-hour limits (per user, per app), each with its own remaining count and reset time. */
const X_DAILY_LIMITS = ['x-user-limit-24hour', 'x-app-limit-24hour'];

/**
 * Seconds to wait from a 429: Retry-After (seconds or a date), else X's reset time (epoch
 * seconds): its 24-hour user or app limit's when that one has no call left (a 429 on posting is
 * often the daily cap, with the 15-minute window's calls to spare), else x-rate-limit-reset.
 */
export function retryAfterOf(headers: Headers, nowMs: number): number {
  const retryAfter = headers.get('retry-after');
  if (retryAfter) {
    if (/^\d+$/.test(retryAfter.trim())) return Math.max(1, Number(retryAfter));
    const at = Date.parse(retryAfter);
    if (!Number.isNaN(at)) return Math.max(1, Math.ceil((at - nowMs) / 1000));
  }
  const epochOf = (name: string) => {
    const value = headers.get(name)?.trim();
    return value && /^\d+$/.test(value) ? Number(value) : null;
  };
  const resets = [
    ...X_DAILY_LIMITS.filter((limit) => headers.get(`${limit}-remaining`)?.trim() === '0').map((limit) =>
      epochOf(`${limit}-reset`),
    ),
    epochOf('x-rate-limit-reset'),
  ].filter((r): r is number => r !== null);
  if (resets.length) return Math.max(1, Math.max(...resets) - Math.floor(nowMs / 1000));
  return DEFAULT_RETRY_AFTER_SECONDS;
}

/**
 * One HTTP call to a network, its failures as the typed social errors: 401 → unauthorized,
 * 429 (and Facebook's throttling codes, whatever the status) → rate limited, other 4xx → rejected, 5xx / no answer → timeout for the creating call
 * (it may have happened) or unavailable for any other.
 */
export async function socialRequest(
  network: SocialNetwork,
  call: SocialCall,
  timeoutMs: number,
  nowMs: () => number,
): Promise<SocialAnswer> {
  let response: Response;
  try {
    response = await fetch(call.url, {
      method: call.method,
      headers: call.headers,
      body: call.body,
      signal: AbortSignal.timeout(timeoutMs),
      redirect: 'manual',
    });
  } catch (e) {
    const cause = (e as { cause?: { code?: string } }).cause;
    const what =
      (e as Error).name === 'TimeoutError'
        ? `no answer within ${timeoutMs / 1000} s`
        : (cause?.code ?? (e as Error).message);
    // A refused connection never reached the network: nothing can have been published.
    if (call.creates && cause?.code !== 'ECONNREFUSED')
      throw new SocialTimeout(`${network}: ${what}; the post may have been published`, network);
    throw new SocialUnavailable(`${network}: ${what}`, network);
  }
  let text: string;
  try {
    text = await response.text();
  } catch (e) {
    if (call.creates)
      throw new SocialTimeout(
        `${network}: the answer was cut (${(e as Error).message}); the post may have been published`,
        network,
      );
    throw new SocialUnavailable(`${network}: the answer was cut (${(e as Error).message})`, network);
  }
  let body: unknown = text;
  if (text && (response.headers.get('content-type') ?? '').includes('json')) {
    try {
      body = JSON.parse(text);
    } catch {
      body = text;
    }
  }
  const status = response.status;
  if (status >= 200 && status < 300) return { status, headers: response.headers, body };
  if (status === 401) throw new SocialUnauthorized(`${network}: ${messageOf(body, status)} (401)`, network);
  if (status === 429) throw new SocialRateLimited(network, retryAfterOf(response.headers, nowMs()));
  if (status >= 500) {
    if (call.creates)
      throw new SocialTimeout(
        `${network}: ${messageOf(body, status)} (${status}); the post may have been published`,
        network,
      );
    throw new SocialUnavailable(`${network}: ${messageOf(body, status)} (${status})`, network);
  }
  if (network === 'facebook') {
    // The Graph API throttles with a 400/403 and an error code, not a 429.
    const typed = facebookErrorOf(status, body, response.headers, messageOf(body, status));
    if (typed) throw typed;
  }
  // OAuth token endpoints answer a revoked or expired grant with 400 invalid_grant.
  const b = body as { error?: unknown } | null;
  if (b && typeof b === 'object' && b.error === 'invalid_grant')
    throw new SocialUnauthorized(`${network}: ${messageOf(body, status)} (${status})`, network);
  throw new SocialRejected(network, `${network}: ${messageOf(body, status)} (${status})`, status);
}

/** A field of a JSON answer that must be a non-empty string, or the answer is not one the adapter understands. */
export function field(network: SocialNetwork, value: unknown, what: string): string {
  if (typeof value === 'string' && value) return value;
  if (typeof value === 'number') return String(value);
  throw new SocialUnavailable(`${network}: unexpected answer (no ${what})`, network);
}

/** Seconds from now as a date; null for none. */
export function expiryOf(seconds: unknown, nowMs: number): Date | null {
  return typeof seconds === 'number' && seconds > 0 ? new Date(nowMs + seconds * 1000) : null;
}
