import { Injectable } from '@nestjs/common';
import { ThrottlerStorage } from '@nestjs/throttler';
import { AppConfig } from '@tcma/config';
import { RedisClient, redisScript, RedisScript } from '@tcma/queue';

/**
 * One atomic step of a fixed-window counter: count the hit, start the window on the first,
 * and once over the limit block for the block duration. KEYS: hits, block. ARGV: window ms,
 * limit, block ms. Answers hits, ms left in the window, blocked (0/1), ms left blocked.
 */
const INCREMENT = `
local blocked = redis.call('PTTL', KEYS[2])
if blocked > 0 then
  return {tonumber(redis.call('GET', KEYS[1]) or '0'), math.max(redis.call('PTTL', KEYS[1]), 0), 1, blocked}
end
local hits = redis.call('INCR', KEYS[1])
if hits == 1 then redis.call('PEXPIRE', KEYS[1], ARGV[1]) end
local left = redis.call('PTTL', KEYS[1])
if hits > tonumber(ARGV[2]) then
  redis.call('SET', KEYS[2], '1', 'PX', ARGV[3])
  return {hits, left, 1, tonumber(ARGV[3])}
end
return {hits, left, 0, 0}
`;

type ThrottlerStorageRecord = Awaited<ReturnType<ThrottlerStorage['increment']>>;

const seconds = (ms: number) => Math.ceil(ms / 1000);

/**
 * The rate limits' counters in Redis, so every API process behind a load balancer counts
 * against the same limit. Keys live under QUEUE_PREFIX and expire with their window.
 */
@Injectable()
export class RedisThrottlerStorage implements ThrottlerStorage {
  private readonly prefix: string;
  private readonly step: RedisScript;

  constructor(redis: RedisClient, config: AppConfig) {
    this.prefix = `${config.queuePrefix}:rate`;
    this.step = redisScript(redis.redis, 'tcmaRateLimitStep', INCREMENT, 2);
  }

  async increment(
    key: string,
    ttl: number,
    limit: number,
    blockDuration: number,
    throttlerName: string,
  ): Promise<ThrottlerStorageRecord> {
    const base = `${this.prefix}:${throttlerName}:${key}`;
    const answer = await this.step(`${base}:hits`, `${base}:block`, ttl, limit, blockDuration);
    const [hits, left, blocked, blockLeft] = Array.isArray(answer) ? answer.map(Number) : [];
    return {
      totalHits: hits ?? 0,
      timeToExpire: seconds(left ?? 0),
      isBlocked: blocked === 1,
      timeToBlockExpire: seconds(blockLeft ?? 0),
    };
  }
}
