import { Injectable, Logger } from '@nestjs/common';
import { Clock } from '@tcma/clock';
import { AppConfig } from '@tcma/config';
import { FleetService, SweepHealth } from '@tcma/fleet';
import { CrmAccess } from './crm-access';
import { CrmActivitiesRepository } from './crm-activities.repository';
import { CrmConnectionsRepository } from './crm-connections.repository';
import { CrmNotices } from './crm-notices';
import { CrmLedgerClaims, CrmLedgerTable } from './crm-ledger-claims.repository';
import { CrmQueue } from './crm-queue';
import { CrmRecordsRepository } from './crm-records.repository';
import { CrmRevenuePoll } from './crm-revenue-poll.service';

/** Rows queued per statement; a sweep loops until nothing due is left. */
const SWEEP_BATCH = 500;
/** Connections refreshed or announced per sweep. */
const CONNECTION_BATCH = 100;
/** A record syncing for longer than this is taken as abandoned even if its worker still beats (two calls past every time limit). */
export const STALE_SYNCING_MS = 10 * 60_000;

/** Rows of both ledgers (leads and their milestones). */
export interface CrmSweepResult {
  queued: number;
  reclaimed: number;
  requeuedAfterLoss: number;
  refreshed: number;
  /** Won deals recorded by polling (Salesforce). */
  revenueRecorded: number;
}

/**
 * The CRM hand-off's safety net, run by the sweep role, alike for both ledgers (leads' records
 * and their milestones' activities): queues due rows (retries, and those whose job was lost),
 * queues everything again when Redis lost its queues, takes back the rows of workers that died
 * mid-sync (the next try searches the CRM first), refreshes tokens ahead of
 * expiry, tells owners of broken connections whose notice failed and polls won deals from CRMs
 * that send no webhook for them (CrmRevenuePoll).
 */
@Injectable()
export class CrmSweepService {
  private readonly logger = new Logger(CrmSweepService.name);
  private readonly health = new SweepHealth();

  private readonly ledgers: Array<[CrmLedgerTable, CrmLedgerClaims<unknown>]>;

  constructor(
    records: CrmRecordsRepository,
    activities: CrmActivitiesRepository,
    private readonly connections: CrmConnectionsRepository,
    private readonly queue: CrmQueue,
    private readonly access: CrmAccess,
    private readonly notices: CrmNotices,
    private readonly revenuePoll: CrmRevenuePoll,
    private readonly fleet: FleetService,
    private readonly clock: Clock,
    private readonly config: AppConfig,
  ) {
    this.ledgers = [
      ['crmRecords', records.claims],
      ['crmActivities', activities.claims],
    ];
  }

  sweep(): Promise<CrmSweepResult> {
    return this.health.track(() => this.run());
  }

  private async run(): Promise<CrmSweepResult> {
    const now = this.clock.now();
    const lost = await this.queue.lost();
    // As the other sweeps: judging others dead takes a sweeper up for two heartbeats.
    const judgeDead = this.health.settled(this.fleet.deadAfterMs);
    let requeuedAfterLoss = 0;
    let reclaimed = 0;
    let queued = 0;
    for (const [ledger, claims] of this.ledgers) {
      if (lost) requeuedAfterLoss += await claims.unqueueAllForSystem();
      reclaimed += await claims.reclaimAbandonedForSystem(
        now,
        judgeDead ? this.fleet.deadAfterMs : null,
        new Date(now.getTime() - STALE_SYNCING_MS),
      );
      for (;;) {
        const due = await claims.claimDueForSystem(
          now,
          new Date(now.getTime() - this.config.requeueAfterMs),
          SWEEP_BATCH,
        );
        await this.queue.enqueue(due, ledger);
        queued += due.length;
        if (due.length < SWEEP_BATCH) break;
      }
    }
    if (requeuedAfterLoss) this.logger.warn(`Redis lost its queues: ${requeuedAfterLoss} CRM rows are queued again`);
    let refreshed = 0;
    const horizon = new Date(now.getTime() + this.config.crm.refreshAheadMs);
    for (const connection of await this.connections.expiringBeforeForSystem(horizon, CONNECTION_BATCH)) {
      try {
        if (await this.access.refresh(connection, now)) refreshed += 1;
      } catch (e) {
        this.logger.warn(`Refreshing CRM connection ${connection.id} failed: ${(e as Error).message}`);
      }
    }
    for (const connection of await this.connections.unnotifiedForSystem(CONNECTION_BATCH))
      await this.notices.tell(connection);
    const revenueRecorded = await this.revenuePoll.poll();
    if (queued || reclaimed || revenueRecorded)
      this.logger.log(
        `CRM sweep: ${queued} rows queued, ${reclaimed} taken back from workers that stopped, ${revenueRecorded} won deals recorded`,
      );
    return { queued, reclaimed, requeuedAfterLoss, refreshed, revenueRecorded };
  }
}
