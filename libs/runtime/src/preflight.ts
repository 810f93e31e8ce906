import type { AppConfig } from '@tcma/config';
import { Redis } from 'ioredis';
import { Client } from 'pg';

/** How long each service has to answer at boot. */
export const PREFLIGHT_TIMEOUT_MS = 5_000;

/** A URL as it may be shown: without its password. */
export function redactUrl(url: string): string {
  try {
    const parsed = new URL(url);
    if (parsed.password) parsed.password = '***';
    return parsed.toString();
  } catch {
    return '(unreadable URL)';
  }
}

const reasonOf = (e: unknown) => {
  const err = e as { message?: string; code?: string };
  const message = err.message || err.code || String(e);
  return (err.code && !message.includes(err.code) ? `${message} (${err.code})` : message).replace(/\.$/, '');
};

async function postgresProblem(url: string, timeoutMs: number): Promise<string | null> {
  const client = new Client({ connectionString: url, connectionTimeoutMillis: timeoutMs });
  client.on('error', () => undefined);
  try {
    await client.connect();
    return null;
  } catch (e) {
    // The server answers; the database itself is created at boot when missing.
    return (e as { code?: string }).code === '3D000' ? null : reasonOf(e);
  } finally {
    await client.end().catch(() => undefined);
  }
}

async function redisProblem(url: string, timeoutMs: number): Promise<string | null> {
  const redis = new Redis(url, {
    lazyConnect: true,
    connectTimeout: timeoutMs,
    maxRetriesPerRequest: 0,
    enableOfflineQueue: false,
    retryStrategy: () => null,
  });
  // The socket's own error says more than the "Connection is closed" that connect() rejects with.
  let socketError: unknown = null;
  redis.on('error', (e) => (socketError ??= e));
  try {
    await redis.connect();
    await redis.ping();
    return null;
  } catch (e) {
    return reasonOf(socketError ?? e);
  } finally {
    redis.disconnect();
  }
}

/**
 * One line saying which service the engine cannot reach and which variable names it, or
 * null when PostgreSQL and Redis both answer.
 */
export async function unreachableService(
  config: Pick<AppConfig, 'databaseUrl' | 'redisUrl'>,
  timeoutMs = PREFLIGHT_TIMEOUT_MS,
): Promise<string | null> {
  const pg = await postgresProblem(config.databaseUrl, timeoutMs);
  if (pg)
    return `Cannot use PostgreSQL at DATABASE_URL=${redactUrl(config.databaseUrl)}: ${pg}. Check that it runs, or set DATABASE_URL.`;
  const redis = await redisProblem(config.redisUrl, timeoutMs);
  if (redis)
    return `Cannot use Redis at REDIS_URL=${redactUrl(config.redisUrl)}: ${redis}. Check that it runs, or set REDIS_URL.`;
  return null;
}
