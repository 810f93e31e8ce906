import type { LoggerService } from '@nestjs/common';

/** How often failures that go on are summarised. */
export const FAILURE_SUMMARY_MS = 30_000;

interface Streak {
  total: number;
  sinceSummary: number;
  lastReason: string;
  summarisedAt: number;
}

/**
 * Failures of one kind, per key (a sender's SMTP server, Postgres), logged as an outage
 * rather than one line per step: a line when a key starts failing, a count every
 * FAILURE_SUMMARY_MS while it goes on, and a line when it works again.
 */
export class FailureLog {
  private readonly streaks = new Map<string, Streak>();

  constructor(
    private readonly logger: LoggerService,
    private readonly what: string,
    private readonly now: () => number = Date.now,
  ) {}

  failed(key: string, reason: string): void {
    const streak = this.streaks.get(key);
    if (!streak) {
      this.streaks.set(key, { total: 1, sinceSummary: 0, lastReason: reason, summarisedAt: this.now() });
      this.logger.warn(
        `${this.what} failing for ${key}: ${reason} (further failures are counted every ${FAILURE_SUMMARY_MS / 1000} s)`,
      );
      return;
    }
    streak.total += 1;
    streak.sinceSummary += 1;
    streak.lastReason = reason;
    if (this.now() - streak.summarisedAt >= FAILURE_SUMMARY_MS) {
      this.logger.warn(
        `${this.what} still failing for ${key}: ${streak.sinceSummary} more in the last ${Math.round((this.now() - streak.summarisedAt) / 1000)} s (latest: ${reason})`,
      );
      streak.sinceSummary = 0;
      streak.summarisedAt = this.now();
    }
  }

  succeeded(key: string): void {
    const streak = this.streaks.get(key);
    if (!streak) return;
    this.streaks.delete(key);
    this.logger.log(`${this.what} working again for ${key} after ${streak.total} failures`);
  }
}
