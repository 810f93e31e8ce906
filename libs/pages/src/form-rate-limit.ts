import { Injectable } from '@nestjs/common';
import { Clock } from '@tcma/clock';
import { AppConfig } from '@tcma/config';
import { RedisClient, redisScript, RedisScript } from '@tcma/queue';

/** The window the form rate limits count in. */
export const FORM_RATE_WINDOW_SECONDS = 60;

const COUNT = `
local a = redis.call('INCR', KEYS[1])
if a == 1 then redis.call('EXPIRE', KEYS[1], ARGV[1]) end
local b = redis.call('INCR', KEYS[2])
if b == 1 then redis.call('EXPIRE', KEYS[2], ARGV[1]) end
return {a, b}
`;

/**
 * Form submissions per client address (FORM_RATE_PER_IP) and per page (FORM_RATE_PER_PAGE)
 * in fixed windows of FORM_RATE_WINDOW_SECONDS, shared by every API process through Redis.
 * Every POST counts, refused ones too: guessing at a form costs the same as filling it. The
 * window is read from the injected clock, as every rate window is: on the wall clock, a test
 * whose submissions straddled a minute's turn saw none refused (a CI run, 29 November).
 */
@Injectable()
export class FormRateLimit {
  private readonly count: RedisScript;

  constructor(
    redis: RedisClient,
    private readonly config: AppConfig,
    private readonly clock: Clock,
  ) {
    this.count = redisScript(redis.redis, 'tcmaFormRateCount', COUNT, 2);
  }

  /** Whether this submission is within both limits. */
  async allow(ip: string, pageKey: string): Promise<boolean> {
    const window = Math.floor(this.clock.now().getTime() / 1000 / FORM_RATE_WINDOW_SECONDS);
    const prefix = `${this.config.queuePrefix}:form-rate:${window}`;
    const result = await this.count(
      `${prefix}:ip:${ip}`,
      `${prefix}:page:${pageKey}`,
      String(FORM_RATE_WINDOW_SECONDS * 2),
    );
    const [perIp, perPage] = Array.isArray(result) ? result.map(Number) : [Infinity, Infinity];
    return perIp <= this.config.formRatePerIp && perPage <= this.config.formRatePerPage;
  }
}
