import {
  afterCheck,
  afterPublish,
  MAX_PUBLISH_ATTEMPTS,
  MAX_THROTTLE_WAIT_MS,
  MAX_THROTTLED_MS,
  UNCERTAIN_CHECK_AFTER_MS,
} from './publish-outcome';

const now = new Date('2026-11-24T09:00:00Z');

describe(afterPublish.name, () => {
  it('records a published post with its remote id', () => {
    expect(afterPublish({ kind: 'published', remoteId: 'urn:li:share:1', url: 'https://l/1' }, 1, now)).toEqual({
      status: 'published',
      remoteId: 'urn:li:share:1',
      url: 'https://l/1',
      at: now,
    });
  });

  it('waits as long as a 429 says, and counts the wait', () => {
    expect(afterPublish({ kind: 'rate_limited', retryAfterSeconds: 120, message: '429' }, 1, now)).toEqual({
      status: 'waiting',
      error: '429',
      until: new Date(now.getTime() + 120_000),
      throttledMs: 120_000,
    });
  });

  it('spends no attempt on a 429: the last attempt rate-limited still waits', () => {
    expect(
      afterPublish({ kind: 'rate_limited', retryAfterSeconds: 1, message: '429' }, MAX_PUBLISH_ATTEMPTS, now).status,
    ).toBe('waiting');
  });

  it('waits at most MAX_THROTTLE_WAIT_MS for one answer', () => {
    expect(afterPublish({ kind: 'rate_limited', retryAfterSeconds: 86_400, message: '429' }, 1, now)).toMatchObject({
      status: 'waiting',
      until: new Date(now.getTime() + MAX_THROTTLE_WAIT_MS),
      throttledMs: MAX_THROTTLE_WAIT_MS,
    });
  });

  it('fails a post whose rate-limit waits would go beyond MAX_THROTTLED_MS in all, giving the attempt back', () => {
    const limited = {
      kind: 'rate_limited' as const,
      retryAfterSeconds: 3600,
      message: 'linkedin asked to wait 3600 s',
    };
    expect(afterPublish(limited, 1, now, MAX_THROTTLED_MS - 3_600_000).status).toBe('waiting');
    expect(afterPublish(limited, 1, now, MAX_THROTTLED_MS - 3_599_999)).toEqual({
      status: 'failed',
      uncounted: true,
      error: 'linkedin asked to wait 3600 s: rate limited for more than 24 h in all; not published',
    });
  });

  it('marks a timeout uncertain, to be checked, never retried', () => {
    expect(afterPublish({ kind: 'timeout', message: 'no answer' }, 1, now)).toEqual({
      status: 'uncertain',
      error: 'no answer',
      checkAt: new Date(now.getTime() + UNCERTAIN_CHECK_AFTER_MS),
    });
  });

  it('fails on 401 and on a rejection', () => {
    expect(afterPublish({ kind: 'unauthorized', message: '401' }, 1, now).status).toBe('failed');
    expect(afterPublish({ kind: 'rejected', message: '400' }, 1, now).status).toBe('failed');
  });

  it('retries what published nothing with a growing wait, then fails', () => {
    const first = afterPublish({ kind: 'unavailable', message: 'down' }, 1, now);
    const second = afterPublish({ kind: 'unavailable', message: 'down' }, 2, now);
    expect(first).toEqual({ status: 'scheduled', error: 'down', retryAt: new Date(now.getTime() + 60_000) });
    expect(second).toEqual({ status: 'scheduled', error: 'down', retryAt: new Date(now.getTime() + 240_000) });
    expect(afterPublish({ kind: 'unavailable', message: 'down' }, MAX_PUBLISH_ATTEMPTS, now).status).toBe('failed');
  });
});

describe(afterCheck.name, () => {
  it('settles a found post as published', () => {
    expect(afterCheck({ kind: 'published', remoteId: 'r', url: null }, 1, now).status).toBe('published');
  });

  it('tries again when the network has no such post, until attempts are used up', () => {
    expect(afterCheck({ kind: 'not_found' }, 1, now).status).toBe('scheduled');
    expect(afterCheck({ kind: 'not_found' }, MAX_PUBLISH_ATTEMPTS, now).status).toBe('failed');
  });

  it('stays uncertain when the question itself fails', () => {
    expect(afterCheck({ kind: 'timeout', message: 'no answer' }, 1, now).status).toBe('uncertain');
    expect(afterCheck({ kind: 'rate_limited', retryAfterSeconds: 30, message: '429' }, 1, now)).toEqual({
      status: 'uncertain',
      error: '429',
      checkAt: new Date(now.getTime() + 30_000),
    });
  });

  it('asks again at most MAX_THROTTLE_WAIT_MS after a rate-limited question, however long the answer said', () => {
    // A reset days away (or a Retry-After date misread) must not park a post that may exist for days.
    expect(afterCheck({ kind: 'rate_limited', retryAfterSeconds: 10 * 86_400, message: '429' }, 1, now)).toEqual({
      status: 'uncertain',
      error: '429',
      checkAt: new Date(now.getTime() + MAX_THROTTLE_WAIT_MS),
    });
  });
});
