import { Injectable } from '@nestjs/common';
import { AppConfig } from '@tcma/config';
import { RedisClient } from '@tcma/queue';

/**
 * How far ahead of its slot a message may go: up to a second's worth of a sender's rate goes
 * out at once, the rest is spread at the rate. (GCRA's burst tolerance.)
 */
export const RATE_BURST_MS = 1000;

/**
 * Reserves `count` consecutive slots of a sender (a virtual schedule, the "theoretical
 * arrival time" of GCRA, kept in one key per sender) and answers the first slot's offset from
 * now in microseconds. Redis' own clock is the clock of every worker.
 */
const RESERVE = `
local t = redis.call('TIME')
local now = t[1] * 1000000 + t[2]
local tat = tonumber(redis.call('GET', KEYS[1]) or '0')
if tat < now then tat = now end
local after = tat + tonumber(ARGV[1]) * tonumber(ARGV[2])
redis.call('SET', KEYS[1], string.format('%.0f', after), 'PX', math.ceil((after - now) / 1000) + 1000)
return tostring(tat - now)
`;

/**
 * How long after its slot a send may still use it. A worker starved of CPU wakes late with many
 * slots behind it; were they all used, the backlog would go out at once, above the rate. A send
 * later than this takes a new slot instead, so in any window of W seconds a sender sends at most
 * rate x (W + RATE_BURST_MS + RATE_LATE_MS): capacity a late worker missed is lost, not caught up.
 */
export const RATE_LATE_MS = 1000;

/** A send's place in its sender's schedule: when it may go (local epoch ms). */
export interface RateSlot {
  at: number;
}

/**
 * Messages per second per sender, across every worker, as reservations: each send gets the
 * next slot of its sender's schedule, one every 1/rate seconds, and goes when its slot is
 * near (RATE_BURST_MS). A send whose slot is later waits for it holding the reservation, so a
 * backlog of any size goes out at the rate, once each, instead of every send asking again
 * each second. Rate is about real throughput: real clocks, not the injected one.
 */
@Injectable()
export class RateLimiter {
  constructor(
    private readonly redis: RedisClient,
    private readonly config: AppConfig,
  ) {}

  /** One slot per request, in order; requests of the same sender get consecutive slots. */
  async reserveMany(requests: Array<{ sender: string; perSecond: number }>): Promise<RateSlot[]> {
    const bySender = new Map<string, { perSecond: number; count: number }>();
    for (const r of requests) {
      const entry = bySender.get(r.sender) ?? { perSecond: r.perSecond, count: 0 };
      entry.count += 1;
      bySender.set(r.sender, entry);
    }
    const pipeline = this.redis.redis.pipeline();
    for (const [sender, { perSecond, count }] of bySender)
      pipeline.eval(
        RESERVE,
        1,
        `${this.config.queuePrefix}:rate:${sender}`,
        String(Math.round(1_000_000 / perSecond)),
        String(count),
      );
    const results = (await pipeline.exec()) ?? [];
    const localNow = Date.now();
    const next = new Map<string, { at: number; stepMs: number }>();
    [...bySender.entries()].forEach(([sender, { perSecond }], i) => {
      const [error, offsetUs] = results[i] ?? [new Error('no answer')];
      if (error) throw error;
      next.set(sender, { at: localNow + Number(offsetUs) / 1000, stepMs: 1000 / perSecond });
    });
    return requests.map((r) => {
      const slot = next.get(r.sender)!;
      const at = slot.at;
      slot.at += slot.stepMs;
      return { at };
    });
  }

  /** Whether a reserved slot is too far past to be used (see RATE_LATE_MS). */
  static lapsed(slot: RateSlot, now = Date.now()): boolean {
    return now > slot.at + RATE_LATE_MS;
  }

  /** Milliseconds until a reserved slot may be used (0: now). */
  static waitFor(slot: RateSlot, now = Date.now()): number {
    return Math.max(0, Math.ceil(slot.at - RATE_BURST_MS - now));
  }
}
