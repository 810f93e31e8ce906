import { Injectable } from '@nestjs/common';
import { sql } from 'kysely';
import {
  CrmActivityKind,
  CrmActivityRow,
  CrmRecordStatus,
  Database,
  executorOf,
  partnerOwned,
  TenantScope,
  Tx,
  unnest,
} from '@tcma/persistence';
import { CrmLedgerClaims } from './crm-ledger-claims.repository';

/** An event judged a milestone: which one, when (the events' partition key) and of what kind. */
export interface Milestone {
  eventId: string;
  at: Date;
  kind: CrmActivityKind;
}

/** What an activity's words need, and the state of the record whose contact it goes on. */
export interface ActivityForCrm {
  campaignName: string;
  partnerName: string;
  email: string;
  contactId: string | null;
  recordStatus: CrmRecordStatus;
  recordDueAt: Date;
}

/** A record's activities by state (`syncing` counts as pending). */
export interface ActivityCounts {
  written: number;
  pending: number;
  failed: number;
}

/**
 * The ledger of engagement milestones written to CRMs, beside the leads' (`crm_records`): rows
 * made in the transaction that judges their events, claimed and settled as records are (the
 * shared CrmLedgerClaims), each on the contact of a record of the same prospect.
 */
@Injectable()
export class CrmActivitiesRepository {
  /** Claiming, settling and sweeping the rows (the statements the records' ledger shares). */
  readonly claims: CrmLedgerClaims<CrmActivityRow>;

  constructor(private readonly db: Database) {
    this.claims = new CrmLedgerClaims(db, 'crmActivities');
  }

  /**
   * One row per milestone and connection that holds a record of a lead of the event's prospect
   * (same vendor and partner; only events of a launch): the partner's own CRM, and the vendor's
   * only where the lead was handed to it (a private partner's never is). A milestone goes on the
   * latest lead made by then: one that happened before any lead is not recorded, and is not
   * recorded later when a lead comes (no backfill). One statement for the judge's whole batch;
   * a milestone recorded already is left as it is. Marked queued: the caller queues them once it
   * commits.
   */
  async recordMilestonesForSystem(milestones: Milestone[], now: Date, tx: Tx): Promise<string[]> {
    if (!milestones.length) return [];
    const rows = await executorOf(this.db, tx)
      .insertInto('crmActivities')
      .columns([
        'vendorId',
        'partnerId',
        'connectionId',
        'recordId',
        'eventId',
        'kind',
        'campaignId',
        'launchId',
        'step',
        'linkName',
        'occurredAt',
        'nextAttemptAt',
        'queuedAt',
      ])
      .expression((eb) =>
        eb
          .selectFrom(
            unnest<{ eventId: string; at: Date; kind: string }, 'm'>('m', {
              eventId: { type: 'bigint', values: milestones.map((m) => m.eventId) },
              at: { type: 'timestamptz', values: milestones.map((m) => m.at) },
              kind: { type: 'text', values: milestones.map((m) => m.kind) },
            }),
          )
          // The occurrence time too: the events are partitioned by it.
          .innerJoin('events as e', (j) => j.onRef('e.id', '=', 'm.eventId').onRef('e.occurredAt', '=', 'm.at'))
          .innerJoin('launches as la', 'la.id', 'e.launchId')
          .innerJoin('leads as l', (j) =>
            j
              .onRef('l.prospectId', '=', 'e.prospectId')
              .onRef('l.vendorId', '=', 'e.vendorId')
              .onRef('l.partnerId', '=', 'e.partnerId')
              .onRef('l.createdAt', '<=', 'e.occurredAt'),
          )
          .innerJoin('crmRecords as r', (j) =>
            j
              .onRef('r.leadId', '=', 'l.id')
              .onRef('r.vendorId', '=', 'e.vendorId')
              .onRef('r.partnerId', '=', 'e.partnerId'),
          )
          .distinctOn(['r.connectionId', 'm.eventId', 'm.kind'])
          .select([
            'r.vendorId',
            'r.partnerId',
            'r.connectionId',
            'r.id as recordId',
            'm.eventId',
            sql<CrmActivityKind>`m.kind`.as('kind'),
            'la.campaignId',
            'la.id as launchId',
            'e.step',
            'e.linkName',
            'e.occurredAt',
            sql<Date>`${now}::timestamptz`.as('nextAttemptAt'),
            sql<Date>`${now}::timestamptz`.as('queuedAt'),
          ])
          .orderBy('r.connectionId')
          .orderBy('m.eventId')
          .orderBy('m.kind')
          .orderBy('l.createdAt', 'desc'),
      )
      .onConflict((oc) => oc.columns(['connectionId', 'eventId', 'kind']).doNothing())
      .returning('id')
      .execute();
    return rows.map((r) => r.id);
  }

  activityForSystem(activityId: string): Promise<ActivityForCrm | undefined> {
    return this.db
      .selectFrom('crmActivities as a')
      .innerJoin('crmRecords as r', 'r.id', 'a.recordId')
      .innerJoin('leads as l', 'l.id', 'r.leadId')
      .innerJoin('prospects as pr', 'pr.id', 'l.prospectId')
      .innerJoin('campaigns as c', 'c.id', 'a.campaignId')
      .innerJoin('partners as p', 'p.id', 'a.partnerId')
      .select([
        'c.name as campaignName',
        'p.companyName as partnerName',
        'pr.email',
        'r.crmContactId as contactId',
        'r.status as recordStatus',
        'r.nextAttemptAt as recordDueAt',
      ])
      .where('a.id', '=', activityId)
      .executeTakeFirst();
  }

  /**
   * A record just written: its activities that waited for its contact (pending, no try counted:
   * waiting counts none) are due now, marked queued (the caller queues them).
   */
  releaseWaitingForSystem(recordId: string, now: Date): Promise<Array<{ id: string; attempts: number }>> {
    return this.db
      .updateTable('crmActivities')
      .set({ nextAttemptAt: now, queuedAt: now })
      .where('recordId', '=', recordId)
      .where('status', '=', 'pending')
      .where('attempts', '=', 0)
      .returning(['id', 'attempts'])
      .execute();
  }

  /** A record's failed activities tried again (with the record): pending at once, their tries counted afresh. */
  retryOfRecord(scope: TenantScope, recordId: string, now: Date): Promise<Array<{ id: string; attempts: number }>> {
    return this.db
      .updateTable('crmActivities')
      .set({ status: 'pending', attempts: 0, nextAttemptAt: now, queuedAt: now, lastError: null })
      .where('recordId', '=', recordId)
      .where('status', '=', 'failed')
      .where((eb) => partnerOwned(eb, scope, 'crmActivities'))
      .returning(['id', 'attempts'])
      .execute();
  }

  /** The activities of these records by state. */
  async countsOf(scope: TenantScope, recordIds: string[]): Promise<Map<string, ActivityCounts>> {
    const counts = new Map<string, ActivityCounts>(recordIds.map((id) => [id, { written: 0, pending: 0, failed: 0 }]));
    if (!recordIds.length) return counts;
    const rows = await this.db
      .selectFrom('crmActivities as a')
      .select(['a.recordId', 'a.status', (eb) => eb.fn.countAll<string>().as('n')])
      .where((eb) => partnerOwned(eb, scope, 'a'))
      .where('a.recordId', 'in', recordIds)
      .groupBy(['a.recordId', 'a.status'])
      .execute();
    for (const row of rows) {
      const of = counts.get(row.recordId)!;
      of[row.status === 'syncing' ? 'pending' : row.status] += Number(row.n);
    }
    return counts;
  }
}
