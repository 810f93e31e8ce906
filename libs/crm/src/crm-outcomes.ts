import { Injectable, Logger } from '@nestjs/common';
import { Clock } from '@tcma/clock';
import { WORKER_ID } from '@tcma/fleet';
import { CrmConnectionRow } from '@tcma/persistence';
import { CrmAccess } from './crm-access';
import { CrmMaybeWritten, CrmRateLimited, CrmRejected, CrmUnauthorized } from './crm-errors';
import { CrmLedgerClaims, LedgerSettlement } from './crm-ledger-claims.repository';

/** Tries per ledger row before it fails (rate limits waited out do not count). */
export const CRM_MAX_ATTEMPTS = 8;
/** The first retry's wait; each next one doubles, up to an hour. */
const RETRY_BASE_MS = 10_000;
const RETRY_MAX_MS = 3_600_000;
/** How long a row of a broken connection waits before it is looked at again (connecting again makes it due at once). */
export const BROKEN_HOLD_MS = 86_400_000;

export type CrmSyncOutcome = 'written' | 'retry' | 'failed' | 'held' | 'skipped';

/** The claim columns a settlement reads. */
interface ClaimedRow {
  id: string;
  attempts: number;
  uncertain: boolean;
}

/**
 * What a failed CRM call means for the ledger row that made it, the same for a lead and for a
 * milestone: a 401 holds the row and breaks the connection (its owner told), a rate limit is
 * waited out as the CRM says without counting a try, another refusal fails it, anything else is
 * tried again after a doubling wait, CRM_MAX_ATTEMPTS times; an answer lost on a write makes the
 * row uncertain (the next try searches the CRM before writing).
 */
@Injectable()
export class CrmOutcomes {
  private readonly logger = new Logger(CrmOutcomes.name);

  constructor(
    private readonly access: CrmAccess,
    private readonly clock: Clock,
  ) {}

  /** Gives the row's claim back as `error` says. */
  failed<Row extends ClaimedRow>(
    claims: CrmLedgerClaims<Row>,
    row: Row,
    error: Error,
    connection: CrmConnectionRow,
  ): Promise<CrmSyncOutcome> {
    return this.settle(claims, row, this.outcomeOf(row, error), error, connection);
  }

  async settle<Row extends ClaimedRow>(
    claims: CrmLedgerClaims<Row>,
    row: Row,
    settlement: LedgerSettlement,
    error?: Error,
    connection?: CrmConnectionRow,
  ): Promise<CrmSyncOutcome> {
    if (error instanceof CrmUnauthorized && connection) await this.access.markBroken(connection, error.message);
    else if (error && !(error instanceof CrmRateLimited)) this.logger.warn(`CRM row ${row.id}: ${error.message}`);
    await claims.settleForSystem(row.id, WORKER_ID, settlement);
    if (settlement.status === 'failed') return 'failed';
    return error instanceof CrmUnauthorized ? 'held' : 'retry';
  }

  private outcomeOf(row: ClaimedRow, e: Error): LedgerSettlement {
    const now = this.clock.now().getTime();
    if (e instanceof CrmUnauthorized)
      return { status: 'pending', nextAttemptAt: new Date(now + BROKEN_HOLD_MS), lastError: e.message, uncount: true };
    if (e instanceof CrmRateLimited)
      return {
        status: 'pending',
        nextAttemptAt: new Date(now + e.retryAfterSeconds * 1000),
        lastError: e.message,
        uncount: true,
      };
    if (e instanceof CrmRejected) return { status: 'failed', lastError: e.message };
    if (row.attempts >= CRM_MAX_ATTEMPTS)
      return {
        status: 'failed',
        lastError: `Gave up after ${row.attempts} tries: ${e.message}`,
        uncertain: e instanceof CrmMaybeWritten || row.uncertain,
      };
    const wait = Math.min(RETRY_MAX_MS, RETRY_BASE_MS * 2 ** (row.attempts - 1));
    return {
      status: 'pending',
      nextAttemptAt: new Date(now + wait),
      lastError: e.message,
      ...(e instanceof CrmMaybeWritten ? { uncertain: true } : {}),
    };
  }
}
