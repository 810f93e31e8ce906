import Redis from 'ioredis';
import * as fs from 'node:fs';
import { Client } from 'pg';

export default async function globalTeardown(): Promise<void> {
  const file = process.env.TCMA_TEST_ENV_FILE;
  if (!file || !fs.existsSync(file)) return;
  const env = JSON.parse(fs.readFileSync(file, 'utf8')) as { DATABASE_URL: string; DATA_DIR: string; REDIS_URL: string; QUEUE_PREFIX: string };
  fs.unlinkSync(file);
  fs.rmSync(env.DATA_DIR, { recursive: true, force: true });
  await dropRedisKeys(env.REDIS_URL, env.QUEUE_PREFIX);
  if (process.env.KEEP_TEST_DB) return;
  const url = new URL(env.DATABASE_URL);
  const name = url.pathname.slice(1);
  url.pathname = '/postgres';
  const client = new Client({ connectionString: url.toString() });
  await client.connect();
  try {
    await client.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
  } finally {
    await client.end();
  }
}

/** This run's keys: its prefix, and the prefixes suites derive from it (`<prefix>-<suite>`). */
async function dropRedisKeys(url: string, prefix: string): Promise<void> {
  const redis = new Redis(url, { lazyConnect: true });
  await redis.connect();
  try {
    for (const match of [`${prefix}:*`, `${prefix}-*:*`]) {
      for await (const keys of redis.scanStream({ match, count: 1000 }) as AsyncIterable<string[]>) if (keys.length) await redis.unlink(...keys);
    }
  } finally {
    redis.disconnect();
  }
}
