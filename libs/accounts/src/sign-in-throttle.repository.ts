import { Injectable } from '@nestjs/common';
import { Database } from '@tcma/persistence';
import { sql } from 'kysely';

/**
 * Failed sign-ins per key in a fixed window, in Postgres so every API process counts the same
 * attempts. A window that began more than `windowMs` ago (or, under a clock that moved back,
 * in the future) starts over.
 */
@Injectable()
export class SignInThrottleRepository {
  constructor(private readonly db: Database) {}

  /** Failures counted in each key's current window. */
  async failures(keys: string[], now: Date, windowMs: number): Promise<number[]> {
    const since = new Date(now.getTime() - windowMs);
    const rows = await this.db
      .selectFrom('signInThrottles')
      .select(['key', 'failures'])
      .where('key', 'in', keys)
      .where('windowStartedAt', '>', since)
      .where('windowStartedAt', '<=', now)
      .execute();
    return keys.map((k) => rows.find((r) => r.key === k)?.failures ?? 0);
  }

  async recordFailure(keys: string[], now: Date, windowMs: number): Promise<void> {
    const since = new Date(now.getTime() - windowMs);
    const current = sql<boolean>`sign_in_throttles.window_started_at > ${since} AND sign_in_throttles.window_started_at <= ${now}`;
    await this.db
      .insertInto('signInThrottles')
      .values(keys.map((key) => ({ key, windowStartedAt: now, failures: 1 })))
      .onConflict((oc) =>
        oc.column('key').doUpdateSet({
          failures: sql<number>`CASE WHEN ${current} THEN sign_in_throttles.failures + 1 ELSE 1 END`,
          windowStartedAt: sql<Date>`CASE WHEN ${current} THEN sign_in_throttles.window_started_at ELSE ${now} END`,
        }),
      )
      .execute();
  }

  async clear(key: string): Promise<void> {
    await this.db.deleteFrom('signInThrottles').where('key', '=', key).execute();
  }
}
