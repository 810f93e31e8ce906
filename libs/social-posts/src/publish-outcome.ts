import type { DeliveryOutcome } from './social-deliveries.repository';

/** Calls to the network for one delivery before it is failed (a rate-limited call is not one: see MAX_THROTTLED_MS). */
export const MAX_PUBLISH_ATTEMPTS = 5;
/**
 * The longest wait one rate-limited answer buys: a network asking for longer (a reset hours
 * away, a date misread) is asked again after this, which costs a call and no attempt.
 */
export const MAX_THROTTLE_WAIT_MS = 3_600_000;
/**
 * The most time one delivery spends waiting out rate limits, in all (the sum of the waits its
 * answers were granted): a wait that would go beyond it fails the post, which would otherwise
 * go out more than a day late.
 */
export const MAX_THROTTLED_MS = 24 * 3_600_000;
/** First wait before trying again after a failure that published nothing; quadrupled each time, at most RETRY_MAX_MS. */
export const RETRY_BASE_MS = 60_000;
export const RETRY_MAX_MS = 3_600_000;
/**
 * How long after an unanswered publish the network is asked whether the post exists: long
 * enough for the post to show in the network's listing.
 */
export const UNCERTAIN_CHECK_AFTER_MS = 60_000;

/** What happened when the network was called (the adapters' typed errors, as data). */
export type CallResult =
  | { kind: 'published'; remoteId: string; url: string | null }
  | { kind: 'rate_limited'; retryAfterSeconds: number; message: string }
  | { kind: 'unauthorized'; message: string }
  | { kind: 'timeout'; message: string }
  | { kind: 'rejected'; message: string }
  | { kind: 'unavailable'; message: string };

export const retryDelayMs = (attempts: number): number =>
  Math.min(RETRY_MAX_MS, RETRY_BASE_MS * 4 ** Math.max(0, attempts - 1));

/** A failure that published nothing: tried again later, or failed once attempts are used up. */
function retryOrFail(attempts: number, error: string, now: Date): DeliveryOutcome {
  if (attempts >= MAX_PUBLISH_ATTEMPTS)
    return { status: 'failed', error: `${error} (gave up after ${attempts} attempts)` };
  return { status: 'scheduled', error, retryAt: new Date(now.getTime() + retryDelayMs(attempts)) };
}

/** The wait one rate-limited answer buys: what it asked for, at most MAX_THROTTLE_WAIT_MS. */
const throttleWaitMs = (retryAfterSeconds: number): number =>
  Math.min(MAX_THROTTLE_WAIT_MS, Math.max(0, retryAfterSeconds) * 1000);

/**
 * A rate-limited call published nothing and is not an attempt (its claim's count is given back,
 * `uncounted`): the delivery waits as the network said, at most MAX_THROTTLE_WAIT_MS per answer,
 * and fails once its waits would go beyond MAX_THROTTLED_MS in all (`throttledMs`: granted so far).
 */
function afterThrottle(retryAfterSeconds: number, message: string, throttledMs: number, now: Date): DeliveryOutcome {
  const wait = throttleWaitMs(retryAfterSeconds);
  if (throttledMs + wait > MAX_THROTTLED_MS)
    return {
      status: 'failed',
      uncounted: true,
      error: `${message}: rate limited for more than ${MAX_THROTTLED_MS / 3_600_000} h in all; not published`,
    };
  return { status: 'waiting', error: message, until: new Date(now.getTime() + wait), throttledMs: wait };
}

/**
 * The ledger's next state after a publish call (`attempts` counts this one; `throttledMs` is the
 * delivery's rate-limit wait so far). A call whose answer was lost may have published: it becomes
 * uncertain and is checked, never posted again blindly.
 */
export function afterPublish(result: CallResult, attempts: number, now: Date, throttledMs = 0): DeliveryOutcome {
  switch (result.kind) {
    case 'published':
      return { status: 'published', remoteId: result.remoteId, url: result.url, at: now };
    case 'rate_limited':
      return afterThrottle(result.retryAfterSeconds, result.message, throttledMs, now);
    case 'unauthorized':
      return { status: 'failed', error: `${result.message}: the connection is broken; connect the account again` };
    case 'timeout':
      return {
        status: 'uncertain',
        error: result.message,
        checkAt: new Date(now.getTime() + UNCERTAIN_CHECK_AFTER_MS),
      };
    case 'rejected':
      return { status: 'failed', error: result.message };
    case 'unavailable':
      return retryOrFail(attempts, result.message, now);
  }
}

/**
 * The ledger's next state after asking the network whether an uncertain (or abandoned) publish
 * exists: found → published; not found → published nothing, so tried again (or failed when its
 * attempts are used up); the question itself failing → still uncertain, asked again later.
 */
export function afterCheck(result: CallResult | { kind: 'not_found' }, attempts: number, now: Date): DeliveryOutcome {
  switch (result.kind) {
    case 'published':
      return { status: 'published', remoteId: result.remoteId, url: result.url, at: now };
    case 'not_found':
      return retryOrFail(attempts, 'the network has no such post: it was not published', now);
    case 'unauthorized':
      return {
        status: 'failed',
        error: `${result.message}: the connection is broken; whether the post went out is unknown`,
      };
    case 'rate_limited':
      // Waits as the network said, at most MAX_THROTTLE_WAIT_MS (then asked again): never failed
      // for throttling, since the post may exist, and never parked for days by a far reset time.
      return {
        status: 'uncertain',
        error: result.message,
        checkAt: new Date(now.getTime() + throttleWaitMs(result.retryAfterSeconds)),
      };
    default:
      return { status: 'uncertain', error: result.message, checkAt: new Date(now.getTime() + retryDelayMs(attempts)) };
  }
}
