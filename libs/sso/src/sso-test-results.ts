import { Injectable } from '@nestjs/common';
import { AppConfig } from '@tcma/config';
import { RedisClient } from '@tcma/queue';
import { randomBytes } from 'node:crypto';
import { SSO_TEST_TTL_MS, type SsoTestResult } from './sso-test';

/**
 * Test sign-in results, kept in Redis for SSO_TEST_TTL_MS for the admin who ran the test: the
 * provider's answer comes back to the engine, the admin's console reads it from there.
 */
@Injectable()
export class SsoTestResults {
  private readonly prefix: string;

  constructor(
    private readonly redis: RedisClient,
    config: AppConfig,
  ) {
    this.prefix = `${config.queuePrefix}:sso-test:`;
  }

  async keep(userId: string, result: SsoTestResult): Promise<string> {
    const id = randomBytes(16).toString('base64url');
    await this.redis.redis.set(this.prefix + id, JSON.stringify({ userId, result }), 'PX', SSO_TEST_TTL_MS);
    return id;
  }

  /** The result, for the admin who ran the test, through that connection; null otherwise (or expired). */
  async read(userId: string, connectionId: string, id: string): Promise<SsoTestResult | null> {
    if (!/^[A-Za-z0-9_-]{10,64}$/.test(id)) return null;
    const raw = await this.redis.redis.get(this.prefix + id);
    if (!raw) return null;
    const kept = JSON.parse(raw) as { userId: string; result: SsoTestResult };
    return kept.userId === userId && kept.result.connectionId === connectionId ? kept.result : null;
  }
}
