import { Injectable } from '@nestjs/common';
import { AppConfig } from '@tcma/config';
import { RedisClient } from '@tcma/queue';

/**
 * Messages per second per sender, across every worker: a counter per sender and second in
 * Redis. Rate is about real throughput, so this reads the real clock, not the injected one.
 */
@Injectable()
export class RateLimiter {
  constructor(
    private readonly redis: RedisClient,
    private readonly config: AppConfig,
  ) {}

  /** 0 when the send may go now; otherwise how many milliseconds to wait. */
  async acquire(sender: string, perSecond: number): Promise<number> {
    return (await this.acquireMany([{ sender, perSecond }]))[0];
  }

  /** The same for many sends at once: one counter increment per sender, in one round trip. */
  async acquireMany(requests: Array<{ sender: string; perSecond: number }>): Promise<number[]> {
    const now = Date.now();
    const second = Math.floor(now / 1000);
    const wanted = new Map<string, number>();
    for (const r of requests) wanted.set(r.sender, (wanted.get(r.sender) ?? 0) + 1);
    const pipeline = this.redis.redis.pipeline();
    for (const [sender, n] of wanted) {
      const key = `${this.config.queuePrefix}:rate:${sender}:${second}`;
      pipeline.incrby(key, n).pexpire(key, 2000);
    }
    const results = (await pipeline.exec()) ?? [];
    const senders = [...wanted.keys()];
    // Counts before this batch, per sender: each request is allowed while under the rate.
    const used = new Map(senders.map((sender, i) => [sender, Number(results[i * 2]?.[1] ?? 0) - (wanted.get(sender) ?? 0)]));
    const wait = (second + 1) * 1000 - now;
    return requests.map((r) => {
      const before = used.get(r.sender) ?? 0;
      used.set(r.sender, before + 1);
      return before < r.perSecond ? 0 : wait + Math.floor(Math.random() * 50);
    });
  }
}
