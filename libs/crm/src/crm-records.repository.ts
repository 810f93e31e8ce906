import { Injectable } from '@nestjs/common';
import { sql } from 'kysely';
import {
  CrmRecordRow,
  CrmRecordStatus,
  Database,
  executorOf,
  Found,
  PageWindow,
  partnerOwned,
  PartnerScope,
  TenantScope,
  Tx,
  unnest,
} from '@tcma/persistence';
import type { ActivityCounts } from './crm-activities.repository';
import { CrmLedgerClaims } from './crm-ledger-claims.repository';

export interface LeadHandOff {
  leadId: string;
  campaignId: string;
  launchId: string | null;
}

/** What the CRM is told about a lead: its answers, the person, and where it came from. */
export interface LeadForCrm {
  email: string;
  fields: Record<string, string>;
  firstName: string | null;
  lastName: string | null;
  company: string | null;
  title: string | null;
  country: string | null;
  campaignName: string;
  partnerName: string;
  step: number | null;
  createdAt: Date;
}

export interface CrmRecordView {
  id: string;
  connectionId: string;
  leadId: string;
  /** The partner whose lead it is (many, in the vendor's own CRM). */
  partnerId: string;
  partnerName: string;
  email: string;
  campaignId: string;
  campaignName: string;
  status: CrmRecordStatus;
  crmContactId: string | null;
  attempts: number;
  lastError: string | null;
  nextAttemptAt: Date;
  writtenAt: Date | null;
  createdAt: Date;
  /** Its lead's engagement milestones written on the contact, by state (CrmActivitiesRepository). */
  activities: ActivityCounts;
}

export interface CrmRecordFilter {
  status?: CrmRecordStatus;
  /** One partner's leads (the vendor's own CRM holds many partners'). */
  partnerId?: string;
}

/**
 * The ledger of leads handed to CRMs. Rows are made in the lead's transaction; a worker claims a
 * row (`syncing`, its id) before calling the CRM, and only the holder of the claim settles it.
 */
@Injectable()
export class CrmRecordsRepository {
  /** Claiming, settling and sweeping the rows (the statements the activities ledger shares). */
  readonly claims: CrmLedgerClaims<CrmRecordRow>;

  constructor(private readonly db: Database) {
    this.claims = new CrmLedgerClaims(db, 'crmRecords');
  }

  /**
   * One row per connection each lead goes to: the partner's own, and the vendor's unless the
   * partner keeps its contacts private; in the leads' transaction, marked queued (the caller
   * queues them once it commits). One statement however many leads: it sits on the form's hot
   * path, where a batch of submissions records theirs at once.
   */
  async recordLeads(scope: PartnerScope, leads: LeadHandOff[], now: Date, tx: Tx): Promise<string[]> {
    if (!leads.length) return [];
    const rows = await executorOf(this.db, tx)
      .insertInto('crmRecords')
      .columns([
        'vendorId',
        'partnerId',
        'connectionId',
        'leadId',
        'campaignId',
        'launchId',
        'nextAttemptAt',
        'queuedAt',
      ])
      .expression((eb) =>
        eb
          .selectFrom('crmConnections as c')
          .innerJoin('partners as p', (j) => j.on('p.id', '=', scope.partnerId))
          .innerJoin(
            unnest<{ leadId: string; campaignId: string; launchId: string | null }, 'l'>('l', {
              leadId: { type: 'uuid', values: leads.map((l) => l.leadId) },
              campaignId: { type: 'uuid', values: leads.map((l) => l.campaignId) },
              launchId: { type: 'uuid', values: leads.map((l) => l.launchId) },
            }),
            (j) => j.onTrue(),
          )
          .select([
            sql<string>`${scope.vendorId}::uuid`.as('vendorId'),
            sql<string>`${scope.partnerId}::uuid`.as('partnerId'),
            'c.id as connectionId',
            'l.leadId',
            'l.campaignId',
            'l.launchId',
            sql<Date>`${now}::timestamptz`.as('nextAttemptAt'),
            sql<Date>`${now}::timestamptz`.as('queuedAt'),
          ])
          .where('c.vendorId', '=', scope.vendorId)
          .where('p.vendorId', '=', scope.vendorId)
          .where((w) =>
            w.or([
              w('c.partnerId', '=', scope.partnerId),
              w.and([w('c.partnerId', 'is', null), w('p.contactsPrivate', '=', false)]),
            ]),
          ),
      )
      .returning('id')
      .execute();
    return rows.map((r) => r.id);
  }

  /** Keeps the CRM's contact id as soon as it is known (a later failure then never writes it again). */
  async saveContactForSystem(id: string, worker: string, contactId: string): Promise<void> {
    await this.db
      .updateTable('crmRecords')
      .set({ crmContactId: contactId })
      .where('id', '=', id)
      .where('claimedBy', '=', worker)
      .where('status', '=', 'syncing')
      .execute();
  }

  /** A failed row tried again by its partner: pending at once, its tries counted afresh. */
  retry(scope: TenantScope, id: string, now: Date): Promise<{ id: string; attempts: number } | undefined> {
    return this.db
      .updateTable('crmRecords')
      .set({ status: 'pending', attempts: 0, nextAttemptAt: now, queuedAt: now, lastError: null })
      .where('id', '=', id)
      .where('status', '=', 'failed')
      .where((eb) => partnerOwned(eb, scope, 'crmRecords'))
      .returning(['id', 'attempts'])
      .executeTakeFirst();
  }

  /** The records of a connection, newest first; `filter` narrows them to a state or a partner's leads. */
  async list(
    scope: TenantScope,
    connectionId: string,
    filter: CrmRecordFilter,
    page: PageWindow,
  ): Promise<Found<Omit<CrmRecordView, 'activities'>>> {
    const { status, partnerId } = filter;
    const base = this.db
      .selectFrom('crmRecords as r')
      .innerJoin('leads as l', 'l.id', 'r.leadId')
      .innerJoin('prospects as pr', 'pr.id', 'l.prospectId')
      .innerJoin('campaigns as c', 'c.id', 'r.campaignId')
      .innerJoin('partners as pa', 'pa.id', 'r.partnerId')
      .where((eb) => partnerOwned(eb, scope, 'r'))
      .where('r.connectionId', '=', connectionId)
      .$if(status !== undefined, (q) => q.where('r.status', '=', status!))
      .$if(partnerId !== undefined, (q) => q.where('r.partnerId', '=', partnerId!));
    const [items, total] = await Promise.all([
      base
        .select([
          'r.id',
          'r.connectionId',
          'r.leadId',
          'r.partnerId',
          'pa.companyName as partnerName',
          'pr.email',
          'r.campaignId',
          'c.name as campaignName',
          'r.status',
          'r.crmContactId',
          'r.attempts',
          'r.lastError',
          'r.nextAttemptAt',
          'r.writtenAt',
          'r.createdAt',
        ])
        .orderBy('r.createdAt', 'desc')
        .orderBy('r.id')
        .limit(page.limit)
        .offset(page.offset)
        .execute(),
      base.select((eb) => eb.fn.countAll<string>().as('n')).executeTakeFirstOrThrow(),
    ]);
    return { items, total: Number(total.n) };
  }

  leadForSystem(leadId: string): Promise<LeadForCrm | undefined> {
    return this.db
      .selectFrom('leads as l')
      .innerJoin('prospects as pr', 'pr.id', 'l.prospectId')
      .innerJoin('campaigns as c', 'c.id', 'l.campaignId')
      .innerJoin('partners as p', 'p.id', 'l.partnerId')
      .leftJoin('sends as s', 's.id', 'l.sendId')
      .select([
        'pr.email',
        'l.fields',
        'pr.firstName',
        'pr.lastName',
        'pr.company',
        'pr.title',
        'pr.country',
        'c.name as campaignName',
        'p.companyName as partnerName',
        's.step',
        'l.createdAt',
      ])
      .where('l.id', '=', leadId)
      .executeTakeFirst();
  }

  /** The prospect whose lead it is (a won deal converts the prospect on its launch). */
  async prospectOfLeadForSystem(leadId: string): Promise<string | null> {
    const row = await this.db.selectFrom('leads').select('prospectId').where('id', '=', leadId).executeTakeFirst();
    return row ? String(row.prospectId) : null;
  }

  /** The written records of these CRM contacts on a connection: whose leads a won deal was sold to. */
  byContactsForSystem(connectionId: string, contactIds: string[]): Promise<CrmRecordRow[]> {
    if (!contactIds.length) return Promise.resolve([]);
    return this.db
      .selectFrom('crmRecords')
      .selectAll()
      .where('connectionId', '=', connectionId)
      .where('crmContactId', 'in', contactIds)
      .orderBy('createdAt', 'desc')
      .execute();
  }
}
