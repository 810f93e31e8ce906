import { FACEBOOK_DEFAULT_THROTTLE_SECONDS, facebookErrorOf, facebookThrottleSeconds } from './facebook-throttle';
import { SocialRateLimited, SocialUnauthorized } from './social-network';

const graphError = (code: number, message = 'x') => ({
  error: { message, type: 'OAuthException', code, fbtrace_id: 'A' },
});

describe(facebookErrorOf.name, () => {
  it('maps the throttling codes to rate limited, whatever the 4xx status', () => {
    for (const [status, code] of [
      [400, 4],
      [400, 17],
      [403, 32],
      [400, 613],
      [400, 80001],
      [400, 80014],
    ]) {
      const sut = facebookErrorOf(status, graphError(code), new Headers(), 'limit reached');
      expect(sut).toBeInstanceOf(SocialRateLimited);
      expect((sut as SocialRateLimited).retryAfterSeconds).toBe(FACEBOOK_DEFAULT_THROTTLE_SECONDS);
      expect(sut!.message).toBe(
        `facebook asked to wait ${FACEBOOK_DEFAULT_THROTTLE_SECONDS} s (limit reached (${status}, code ${code}))`,
      );
    }
  });

  it('maps error 190 to unauthorized, and leaves other errors alone', () => {
    expect(facebookErrorOf(400, graphError(190), new Headers(), 'Error validating access token')).toBeInstanceOf(
      SocialUnauthorized,
    );
    expect(facebookErrorOf(400, graphError(100), new Headers(), 'Invalid parameter')).toBeNull();
    expect(facebookErrorOf(400, graphError(80015), new Headers(), 'not a throttle')).toBeNull();
    expect(facebookErrorOf(400, { error: 'invalid_grant' }, new Headers(), 'other shape')).toBeNull();
    expect(facebookErrorOf(400, 'text', new Headers(), 'text')).toBeNull();
  });
});

describe(facebookThrottleSeconds.name, () => {
  it('waits the longest estimated_time_to_regain_access of the usage headers, in minutes', () => {
    const buc = JSON.stringify({
      '104500000000001': [
        { type: 'pages', call_count: 100, total_cputime: 20, total_time: 30, estimated_time_to_regain_access: 7 },
      ],
    });
    expect(facebookThrottleSeconds(new Headers({ 'x-business-use-case-usage': buc }))).toBe(420);
    const app = JSON.stringify({
      call_count: 100,
      total_time: 40,
      total_cputime: 20,
      estimated_time_to_regain_access: 12,
    });
    expect(facebookThrottleSeconds(new Headers({ 'x-business-use-case-usage': buc, 'x-app-usage': app }))).toBe(720);
  });

  it('waits a minute at least, and the default when no header names a time or one is unreadable', () => {
    expect(
      facebookThrottleSeconds(
        new Headers({ 'x-app-usage': JSON.stringify({ call_count: 100, estimated_time_to_regain_access: 0 }) }),
      ),
    ).toBe(60);
    expect(
      facebookThrottleSeconds(new Headers({ 'x-app-usage': JSON.stringify({ call_count: 100, total_time: 5 }) })),
    ).toBe(FACEBOOK_DEFAULT_THROTTLE_SECONDS);
    expect(facebookThrottleSeconds(new Headers({ 'x-business-use-case-usage': '{not json' }))).toBe(
      FACEBOOK_DEFAULT_THROTTLE_SECONDS,
    );
    expect(facebookThrottleSeconds(new Headers())).toBe(FACEBOOK_DEFAULT_THROTTLE_SECONDS);
  });
});
