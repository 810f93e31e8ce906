import { ManualClock } from '@tcma/clock';
import { RedisClient } from '@tcma/queue';
import { randomUUID } from 'node:crypto';
import { FORM_RATE_WINDOW_SECONDS, FormRateLimit } from '../../libs/pages/src/form-rate-limit';
import { testConfig } from '../support/test-config';

/** The landing pages' form limits against the real Redis, their windows on the injected clock. */
describe('form submissions per address', () => {
  const config = testConfig({ FORM_RATE_PER_IP: '3', FORM_RATE_PER_PAGE: '1000' });
  const redis = new RedisClient(config);
  afterAll(() => redis.onApplicationShutdown());

  it('refuses past the limit until the clock reaches the next window, whatever the wall clock says', async () => {
    // A minute's start a year from now: the wall clock is in another window altogether.
    const start = Math.ceil(Date.now() / 60_000) * 60_000 + 365 * 24 * 3_600_000;
    const clock = new ManualClock(start);
    const limit = new FormRateLimit(redis, config, clock);
    const ip = `198.51.100.${Math.floor(Math.random() * 250)}-${randomUUID()}`;
    const page = randomUUID();

    const first = [];
    for (let i = 0; i < 4; i++) first.push(await limit.allow(ip, page));
    expect(first).toEqual([true, true, true, false]);

    clock.advance(FORM_RATE_WINDOW_SECONDS * 1000 - 1);
    expect(await limit.allow(ip, page)).toBe(false);
    clock.advance(1);
    expect(await limit.allow(ip, page)).toBe(true);
  });
});
