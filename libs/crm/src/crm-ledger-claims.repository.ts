import { claimantAlive, CrmRecordStatus, Database, TenantScope } from '@tcma/persistence';

/** What settling a claimed ledger row sets. */
export interface LedgerSettlement {
  status: CrmRecordStatus;
  nextAttemptAt?: Date;
  uncertain?: boolean;
  lastError?: string | null;
  /** A try that did not count (a rate limit waited out, a row waiting for another). */
  uncount?: boolean;
}

/** The CRM ledgers: leads (`crm_records`) and their engagement milestones (`crm_activities`). */
export type CrmLedgerTable = 'crmRecords' | 'crmActivities';

/**
 * The claim statements both CRM ledgers share: a worker claims a row (`syncing`, its id) before
 * calling the CRM, and only the holder of the claim settles it; the sweep queues due rows, queues
 * everything again after Redis lost its queues, and takes back the rows of workers that died;
 * a connection made anew makes its waiting rows due.
 *
 * The two tables have the same claim columns, alike in name and type, so each statement is
 * typed against `crm_records` and run against the table named: one copy of the rules, not two.
 */
export class CrmLedgerClaims<Row> {
  private readonly table: 'crmRecords';

  constructor(
    private readonly db: Database,
    table: CrmLedgerTable,
  ) {
    this.table = table as 'crmRecords';
  }

  /** The row, claimed for this worker, when it is due and no one holds it; else undefined (a duplicate job). */
  async claimForSystem(id: string, worker: string, now: Date): Promise<Row | undefined> {
    const row = await this.db
      .updateTable(this.table)
      .set((eb) => ({ status: 'syncing', claimedBy: worker, claimedAt: now, attempts: eb('attempts', '+', 1) }))
      .where('id', '=', id)
      .where('status', '=', 'pending')
      .where('nextAttemptAt', '<=', now)
      .returningAll()
      .executeTakeFirst();
    return row as Row | undefined;
  }

  /** Written: the CRM's activity id kept, the claim given back. */
  async writtenForSystem(id: string, worker: string, activityId: string, now: Date): Promise<void> {
    await this.db
      .updateTable(this.table)
      .set({
        status: 'written',
        crmActivityId: activityId,
        writtenAt: now,
        uncertain: false,
        lastError: null,
        claimedBy: null,
      })
      .where('id', '=', id)
      .where('claimedBy', '=', worker)
      .where('status', '=', 'syncing')
      .execute();
  }

  /** Gives the claim back: pending again (due at `nextAttemptAt`, queued by the sweep) or failed. */
  async settleForSystem(id: string, worker: string, settlement: LedgerSettlement): Promise<void> {
    await this.db
      .updateTable(this.table)
      .set((eb) => ({
        status: settlement.status,
        ...(settlement.nextAttemptAt ? { nextAttemptAt: settlement.nextAttemptAt } : {}),
        ...(settlement.uncertain !== undefined ? { uncertain: settlement.uncertain } : {}),
        ...(settlement.lastError !== undefined ? { lastError: settlement.lastError?.slice(0, 500) ?? null } : {}),
        ...(settlement.uncount ? { attempts: eb('attempts', '-', 1) } : {}),
        queuedAt: null,
        claimedBy: null,
      }))
      .where('id', '=', id)
      .where('claimedBy', '=', worker)
      .where('status', '=', 'syncing')
      .execute();
  }

  /** Due rows not queued lately, marked queued now (the sweep queues them). */
  claimDueForSystem(now: Date, requeueBefore: Date, limit: number): Promise<Array<{ id: string; attempts: number }>> {
    return this.db
      .updateTable(this.table)
      .set({ queuedAt: now })
      .where('id', 'in', (eb) =>
        eb
          .selectFrom(`${this.table} as r`)
          .select('r.id')
          .where('r.status', '=', 'pending')
          .where('r.nextAttemptAt', '<=', now)
          .where((w) => w.or([w('r.queuedAt', 'is', null), w('r.queuedAt', '<', requeueBefore)]))
          .orderBy('r.nextAttemptAt')
          .limit(limit)
          .forUpdate()
          .skipLocked(),
      )
      .returning(['id', 'attempts'])
      .execute();
  }

  /** Redis lost its queues: every pending row is to be queued again. */
  async unqueueAllForSystem(): Promise<number> {
    const result = await this.db
      .updateTable(this.table)
      .set({ queuedAt: null })
      .where('status', '=', 'pending')
      .where('queuedAt', 'is not', null)
      .executeTakeFirst();
    return Number(result.numUpdatedRows);
  }

  /**
   * Rows whose worker died (or hung past `staleBefore`) mid-sync: pending again at once and
   * uncertain, so the next try searches the CRM before it writes anything.
   */
  async reclaimAbandonedForSystem(now: Date, deadAfterMs: number | null, staleBefore: Date): Promise<number> {
    const result = await this.db
      .updateTable(this.table)
      .set({ status: 'pending', uncertain: true, claimedBy: null, nextAttemptAt: now, queuedAt: null })
      .where('status', '=', 'syncing')
      .where((w) =>
        w.or([
          w('claimedAt', '<', staleBefore),
          ...(deadAfterMs === null ? [] : [w.not(claimantAlive(w.ref('claimedBy'), deadAfterMs))]),
        ]),
      )
      .executeTakeFirst();
    return Number(result.numUpdatedRows);
  }

  /** A connection working again (connected anew): its waiting rows are due now. */
  async resumeConnection(scope: TenantScope, connectionId: string, now: Date): Promise<void> {
    await this.db
      .updateTable(this.table)
      .set({ nextAttemptAt: now, queuedAt: null })
      .where('connectionId', '=', connectionId)
      .where('vendorId', '=', scope.vendorId)
      .where('status', '=', 'pending')
      .execute();
  }
}
