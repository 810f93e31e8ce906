import { getQueueToken } from '@nestjs/bullmq';
import { LaunchesService } from '@tcma/launches';
import { EnrollmentService, SweepService } from '@tcma/nurture';
import { JobName, QueueName, RedisClient, SendStepsJob } from '@tcma/queue';
import { Queue } from 'bullmq';
import type { Redis } from 'ioredis';
import { benchEnvironment } from './bench-context';
import { print } from './bench-line';
import { benchTenant, seedProspects } from './bench-tenant';

const LARGE = Number(process.env.BENCH_REDIS_PROSPECTS ?? 1_000_000);
const SMALL = Math.round(LARGE / 10);
/** Jobs the naive design (one delayed job per future step) is sampled with. */
const NAIVE_SAMPLE = 10_000;

/** Bytes Redis holds for every key under a prefix (MEMORY USAGE, all samples). */
async function bytesUnder(redis: Redis, prefix: string): Promise<{ bytes: number; keys: number }> {
  let cursor = '0';
  let bytes = 0;
  let keys = 0;
  do {
    const [next, found] = await redis.scan(cursor, 'MATCH', `${prefix}:*`, 'COUNT', 1000);
    cursor = next;
    for (const key of found) {
      bytes += (await redis.call('MEMORY', 'USAGE', key, 'SAMPLES', '0')) as number;
      keys++;
    }
  } while (cursor !== '0');
  return { bytes, keys };
}

/**
 * `redis_per_pending_step`: the Redis bytes each additional future step costs, between
 * SMALL and LARGE enrolled prospects whose next step is a week away (the sweep run as the
 * worker would). Only work due within the queue horizon may sit in Redis, so this should be
 * zero. Baseline: the bytes per step of the naive design, one delayed BullMQ job per step.
 */
export async function redisPerPendingStepBench(): Promise<void> {
  const bench = await benchEnvironment('redis');
  try {
    const app = bench.app;
    const redis = app.get(RedisClient).redis;
    const prefix = bench.env.QUEUE_PREFIX;
    const db = bench.db;
    const tenant = await benchTenant(bench, { wait: { type: 'duration', days: 7 } });
    const enrollQueue = app.get<Queue>(getQueueToken(QueueName.Enroll));

    const stage = async (from: number, count: number) => {
      await seedProspects(bench, tenant, from, count);
      const launch = await app.get(LaunchesService).create(tenant.partnerActor, {
        campaignId: tenant.campaignId,
        audience: { type: 'filter', search: '@bench.example' },
      });
      await app.get(EnrollmentService).enroll(launch.id);
      // The enroll job a worker would have consumed (and removed) by now.
      await enrollQueue.drain(true);
      await app.get(SweepService).sweep();
      const [{ pending }] = await db.query<Array<{ pending: number }>>(
        "SELECT count(*)::int AS pending FROM enrollments WHERE status = 'active' AND next_due_at IS NOT NULL",
      );
      return { pending, ...(await bytesUnder(redis, prefix)) };
    };
    const small = await stage(0, SMALL);
    // The second launch enrolls all LARGE prospects, on top of the first launch's SMALL.
    const large = await stage(SMALL, LARGE - SMALL);
    const perStep = (large.bytes - small.bytes) / (large.pending - small.pending);

    // The naive design: each future step a delayed job in Redis.
    const naive = new Queue('naive', { connection: redis, prefix: `${prefix}-naive` });
    const before = await bytesUnder(redis, `${prefix}-naive`);
    for (let i = 0; i < NAIVE_SAMPLE; i += 1000) {
      await naive.addBulk(
        Array.from({ length: 1000 }, (_, k) => ({
          name: JobName.SendSteps,
          data: { steps: [{ enrollmentId: String(1_000_000 + i + k), step: 0 }] } satisfies SendStepsJob,
          opts: { delay: 7 * 86_400_000, removeOnComplete: true },
        })),
      );
    }
    const after = await bytesUnder(redis, `${prefix}-naive`);
    await naive.obliterate({ force: true });
    await naive.close();

    print({
      bench: 'redis_per_pending_step',
      value: perStep,
      unit: 'bytes/step',
      baseline: 'bullmq_delayed_job_per_step',
      baseline_value: (after.bytes - before.bytes) / NAIVE_SAMPLE,
      pending_small: small.pending,
      redis_bytes_small: small.bytes,
      pending_large: large.pending,
      redis_bytes_large: large.bytes,
      redis_keys_large: large.keys,
      enrolled_prospects: LARGE,
      target: 'flat: independent of the number of future steps',
    });
  } finally {
    await bench.close();
  }
}
