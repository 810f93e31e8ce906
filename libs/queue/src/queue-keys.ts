import { Redis } from 'ioredis';

/**
 * Removes every key an installation wrote under its prefix, and under the prefixes derived
 * from it (`<prefix>-<name>`): what a throw-away installation (a test run, a benchmark)
 * leaves behind in a shared Redis.
 */
export async function dropQueueKeys(url: string, prefix: string): Promise<void> {
  const redis = new Redis(url, { lazyConnect: true });
  await redis.connect();
  try {
    for (const match of [`${prefix}:*`, `${prefix}-*:*`]) {
      for await (const keys of redis.scanStream({ match, count: 1000 }) as AsyncIterable<string[]>)
        if (keys.length) await redis.unlink(...keys);
    }
  } finally {
    redis.disconnect();
  }
}
