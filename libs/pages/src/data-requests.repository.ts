import { Injectable } from '@nestjs/common';
import {
  ConsentRecordRow,
  Database,
  DataRequestKind,
  DataRequestRow,
  executorOf,
  LeadRow,
  partnerOwned,
  PartnerScope,
  ProspectRow,
  SuppressionRow,
  TenantScope,
  Tx,
  vendorOwned,
  visiblePartners,
} from '@tcma/persistence';
import { sql } from 'kysely';

/** What one partner holds about an address. */
export interface HeldByPartner {
  prospect: ProspectRow;
  consent: ConsentRecordRow[];
  events: Array<{
    type: string;
    occurredAt: Date;
    launchId: string | null;
    sendId: string | null;
    step: number | null;
    link: string | null;
    userAgent: string | null;
  }>;
  enrollments: Array<{
    launchId: string;
    campaignId: string;
    status: string;
    exitReason: string | null;
    createdAt: Date;
  }>;
  sends: Array<{
    launchId: string;
    step: number;
    status: string;
    sentAt: Date | null;
    openedAt: Date | null;
    clickedAt: Date | null;
  }>;
  lists: string[];
  leads: LeadRow[];
}

/** What an erasure removed or scrubbed within one partner. */
export interface Erased {
  prospects: number;
  consentRecords: number;
  leads: number;
  events: number;
  enrollments: number;
  webhookDeliveries: number;
  outboxMessages: number;
}

/** Data subject requests: what is held about an address within a partner, its erasure, and the record of each request. */
@Injectable()
export class DataRequestsRepository {
  constructor(private readonly db: Database) {}

  /** The partners whose contacts the scope sees: a partner scope its own, a vendor scope every partner not keeping its contacts private. */
  async partnersWithContacts(scope: TenantScope): Promise<Array<{ id: string; vendorId: string }>> {
    return this.db
      .selectFrom('partners as p')
      .select(['p.id', 'p.vendorId'])
      .where((eb) => visiblePartners(eb, scope, 'p'))
      .$if(scope.partnerId === null, (qb) => qb.where('p.contactsPrivate', '=', false))
      .orderBy('p.id')
      .execute();
  }

  /** Everything the partner holds about the address (null: no prospect with it). */
  async held(scope: PartnerScope, emailLower: string): Promise<HeldByPartner | null> {
    const prospect = await this.db
      .selectFrom('prospects as p')
      .selectAll('p')
      .where('p.emailLower', '=', emailLower)
      .where((eb) => partnerOwned(eb, scope, 'p'))
      .executeTakeFirst();
    if (!prospect) return null;
    const [consent, events, enrollments, sends, lists, leads] = await Promise.all([
      this.db
        .selectFrom('consentRecords as c')
        .selectAll('c')
        .where('c.prospectId', '=', prospect.id)
        .where((eb) => partnerOwned(eb, scope, 'c'))
        .orderBy('c.id')
        .execute(),
      this.db
        .selectFrom('events as e')
        .select(['e.type', 'e.occurredAt', 'e.launchId', 'e.sendId', 'e.step', 'e.linkName as link', 'e.userAgent'])
        .where('e.prospectId', '=', prospect.id)
        .where((eb) => partnerOwned(eb, scope, 'e'))
        .orderBy('e.occurredAt')
        .orderBy('e.id')
        .execute(),
      this.db
        .selectFrom('enrollments as n')
        .innerJoin('launches as l', 'l.id', 'n.launchId')
        .select(['n.launchId', 'l.campaignId', 'n.status', 'n.exitReason', 'n.createdAt'])
        .where('n.prospectId', '=', prospect.id)
        .where((eb) => partnerOwned(eb, scope, 'n'))
        .orderBy('n.id')
        .execute(),
      this.db
        .selectFrom('sends as s')
        .select(['s.launchId', 's.step', 's.status', 's.sentAt', 's.openedAt', 's.clickedAt'])
        .where('s.prospectId', '=', prospect.id)
        .where((eb) => partnerOwned(eb, scope, 's'))
        .orderBy('s.id')
        .execute(),
      this.db
        .selectFrom('prospectListMembers as m')
        .innerJoin('prospectLists as pl', 'pl.id', 'm.listId')
        .select('pl.name')
        .where('m.prospectId', '=', prospect.id)
        .where((eb) => partnerOwned(eb, scope, 'pl'))
        .orderBy('pl.name')
        .execute(),
      this.db
        .selectFrom('leads as l')
        .selectAll('l')
        .where('l.prospectId', '=', prospect.id)
        .where((eb) => partnerOwned(eb, scope, 'l'))
        .orderBy('l.createdAt')
        .execute(),
    ]);
    return {
      prospect,
      consent,
      events,
      enrollments,
      sends: sends.map((s) => ({ ...s, step: s.step + 1 })),
      lists: lists.map((l) => l.name),
      leads,
    };
  }

  /** The suppressions of the address the scope's own level and its partners' hold (a vendor scope: its own and those of partners it sees). */
  async suppressions(scope: TenantScope, partnerIds: string[], emailLower: string): Promise<SuppressionRow[]> {
    return this.db
      .selectFrom('suppressions as s')
      .selectAll('s')
      .where('s.emailLower', '=', emailLower)
      .where((eb) => vendorOwned(eb, scope, 's'))
      .where((eb) =>
        scope.partnerId === null
          ? eb.or([eb('s.partnerId', 'is', null), ...(partnerIds.length ? [eb('s.partnerId', 'in', partnerIds)] : [])])
          : eb('s.partnerId', '=', scope.partnerId),
      )
      .orderBy('s.id')
      .execute();
  }

  /**
   * Erases the address within the partner, in the caller's transaction: the prospect (with its
   * enrollments, their sends and its list memberships, by cascade), its consent evidence and
   * leads; the personal field of its events (user agent); the person in the payloads of its
   * webhook deliveries; the outbox copies of mail to it. Event rows stay, with the prospect's
   * number only, so counts and funnels do not change. Suppressions stay: they are what keeps
   * the address from being emailed again.
   */
  async erase(scope: PartnerScope, emailLower: string, tx: Tx): Promise<Erased> {
    const db = executorOf(this.db, tx);
    const prospects = await db
      .selectFrom('prospects as p')
      .select('p.id')
      .where('p.emailLower', '=', emailLower)
      .where((eb) => partnerOwned(eb, scope, 'p'))
      .execute();
    const ids = prospects.map((p) => p.id);
    const none: Erased = {
      prospects: 0,
      consentRecords: 0,
      leads: 0,
      events: 0,
      enrollments: 0,
      webhookDeliveries: 0,
      outboxMessages: 0,
    };
    const outbox = await db
      .deleteFrom('outboxMessages as o')
      .where((eb) => partnerOwned(eb, scope, 'o'))
      .where(sql<boolean>`EXISTS (SELECT 1 FROM unnest(o.recipients) AS r WHERE lower(r) = ${emailLower})`)
      .executeTakeFirst();
    if (!ids.length) return { ...none, outboxMessages: Number(outbox.numDeletedRows) };
    const textIds = ids.map(String);
    // One after another: they share the transaction's connection.
    const consent = await db
      .deleteFrom('consentRecords as c')
      .where('c.prospectId', 'in', ids)
      .where((eb) => partnerOwned(eb, scope, 'c'))
      .executeTakeFirst();
    const leads = await db
      .deleteFrom('leads as l')
      .where('l.prospectId', 'in', ids)
      .where((eb) => partnerOwned(eb, scope, 'l'))
      .executeTakeFirst();
    const events = await db
      .updateTable('events as e')
      .set({ userAgent: null })
      .where('e.prospectId', 'in', ids)
      .where('e.userAgent', 'is not', null)
      .where((eb) => partnerOwned(eb, scope, 'e'))
      .executeTakeFirst();
    const enrollments = await db
      .selectFrom('enrollments as n')
      .select((eb) => eb.cast<number>(eb.fn.countAll(), 'integer').as('n'))
      .where('n.prospectId', 'in', ids)
      .where((eb) => partnerOwned(eb, scope, 'n'))
      .executeTakeFirstOrThrow();
    const deliveries = await db
      .updateTable('webhookDeliveries as d')
      .set({
        payload: sql<
          Record<string, unknown>
        >`jsonb_set(d.payload, '{data}', (d.payload -> 'data') - 'prospect' - 'fields')`,
      })
      .where((eb) => partnerOwned(eb, scope, 'd'))
      .where(sql<string>`d.payload -> 'data' ->> 'prospectId'`, 'in', textIds)
      .executeTakeFirst();
    const removed = await db
      .deleteFrom('prospects as p')
      .where('p.id', 'in', ids)
      .where((eb) => partnerOwned(eb, scope, 'p'))
      .executeTakeFirst();
    return {
      prospects: Number(removed.numDeletedRows),
      consentRecords: Number(consent.numDeletedRows),
      leads: Number(leads.numDeletedRows),
      events: Number(events.numUpdatedRows),
      enrollments: enrollments.n,
      webhookDeliveries: Number(deliveries.numUpdatedRows),
      outboxMessages: Number(outbox.numDeletedRows),
    };
  }

  async record(
    scope: TenantScope,
    request: { kind: DataRequestKind; emailHash: string; requestedBy: string; found: Record<string, number> },
    tx?: Tx,
  ): Promise<DataRequestRow> {
    return executorOf(this.db, tx)
      .insertInto('dataRequests')
      .values({ ...request, vendorId: scope.vendorId, partnerId: scope.partnerId })
      .returningAll()
      .executeTakeFirstOrThrow();
  }

  /** The requests made at the scope's level (a vendor scope: every one of its vendor; a partner scope: its own), newest first. */
  async list(
    scope: TenantScope,
    window: { limit: number; offset: number },
  ): Promise<{ items: DataRequestRow[]; total: number }> {
    const matching = this.db
      .selectFrom('dataRequests as r')
      .where((eb) => vendorOwned(eb, scope, 'r'))
      .$if(scope.partnerId !== null, (qb) => qb.where('r.partnerId', '=', scope.partnerId));
    const [items, count] = await Promise.all([
      matching
        .selectAll('r')
        .orderBy('r.createdAt', 'desc')
        .orderBy('r.id')
        .limit(window.limit)
        .offset(window.offset)
        .execute(),
      matching.select((eb) => eb.cast<number>(eb.fn.countAll(), 'integer').as('total')).executeTakeFirstOrThrow(),
    ]);
    return { items, total: count.total };
  }
}
