import { Injectable } from '@nestjs/common';
import { Database, EventType, executorOf, Tx, unnest } from '@tcma/persistence';
import { Hit } from '@tcma/tracking';

/** The tracked link to the partner's landing page (libs/tracking's tracking-hits.service.ts names it so). */
export const PAGE_LINK = 'page';

/** The events judged as a person's or a machine's, and so only once they have settled (SETTLE_MS). */
const SETTLING_TYPES: EventType[] = ['opened', 'clicked'];

export interface PendingEvent {
  id: string;
  type: EventType;
  at: Date;
  sendId: string | null;
  linkName: string | null;
}

/** The reads and writes of judging events, all inside the judging transaction, across tenants (the track role's job). */
@Injectable()
export class EngagementRepository {
  constructor(private readonly db: Database) {}

  /**
   * The oldest events not judged yet: opens and clicks that happened before `settledBefore` (a burst
   * is judged whole), every other event (sends, bounces, unsubscribes, conversions: facts, with no
   * person or machine to tell apart) that happened by `now`. Rows other judges hold are skipped.
   */
  async claimPendingForSystem(
    tx: Tx,
    { now, settledBefore }: { now: Date; settledBefore: Date },
    limit: number,
  ): Promise<PendingEvent[]> {
    const rows = await executorOf(this.db, tx)
      .selectFrom('events')
      .select(['id', 'type', 'occurredAt', 'sendId', 'linkName'])
      .where('processedAt', 'is', null)
      .where((eb) =>
        eb.or([
          eb('occurredAt', '<=', settledBefore),
          eb.and([eb('type', 'not in', SETTLING_TYPES), eb('occurredAt', '<=', now)]),
        ]),
      )
      .orderBy('id')
      .limit(limit)
      .forUpdate()
      .skipLocked()
      .execute();
    return rows.map((r) => ({ id: r.id, type: r.type, at: r.occurredAt, sendId: r.sendId, linkName: r.linkName }));
  }

  /** Every open and click of these sends (judged or not), and when each send was accepted. */
  async hitsOfForSystem(
    tx: Tx,
    sendIds: string[],
  ): Promise<{ hits: Map<string, Hit[]>; sentAt: Map<string, Date | null> }> {
    const hits = new Map<string, Hit[]>();
    const sentAt = new Map<string, Date | null>();
    if (!sendIds.length) return { hits, sentAt };
    const db = executorOf(this.db, tx);
    const rows = await db
      .selectFrom('events')
      .select(['id', 'sendId', 'type', 'occurredAt', 'method', 'userAgent', 'linkIndex'])
      .where('sendId', 'in', sendIds)
      .where('type', 'in', ['opened', 'clicked'])
      // Implied opens are conclusions, not hits: they take no part in judging hits.
      .where((eb) => eb.or([eb('method', 'is', null), eb('method', '!=', 'implied')]))
      .execute();
    for (const r of rows) {
      if (r.sendId === null || (r.type !== 'opened' && r.type !== 'clicked')) continue;
      const list = hits.get(r.sendId) ?? [];
      list.push({
        id: r.id,
        type: r.type,
        at: r.occurredAt,
        method: r.method,
        userAgent: r.userAgent,
        linkIndex: r.linkIndex,
      });
      hits.set(r.sendId, list);
    }
    const sends = await db.selectFrom('sends').select(['id', 'sentAt']).where('id', 'in', sendIds).execute();
    for (const s of sends) sentAt.set(s.id, s.sentAt);
    return { hits, sentAt };
  }

  /** Sets a send's first human open or click where none is set yet; returns the sends that were set. */
  async markFirstForSystem(
    tx: Tx,
    column: 'openedAt' | 'clickedAt',
    firsts: Array<{ sendId: string; at: Date }>,
  ): Promise<Set<string>> {
    if (!firsts.length) return new Set();
    const rows = await executorOf(this.db, tx)
      .updateTable('sends')
      .from(
        unnest<{ sendId: string; at: Date }, 'f'>('f', {
          sendId: { type: 'bigint', values: firsts.map((f) => f.sendId) },
          at: { type: 'timestamptz', values: firsts.map((f) => f.at) },
        }),
      )
      .set((eb) => (column === 'openedAt' ? { openedAt: eb.ref('f.at') } : { clickedAt: eb.ref('f.at') }))
      .whereRef('sends.id', '=', 'f.sendId')
      .where(`sends.${column}`, 'is', null)
      .returning('sends.id')
      .execute();
    return new Set(rows.map((r) => r.id));
  }

  /**
   * Opens implied by a person's click (no open was seen): written judged and counted, with the
   * method 'implied'; returns their ids for the rollups.
   */
  async recordImpliedOpensForSystem(tx: Tx, opens: Array<{ sendId: string; at: Date }>, now: Date): Promise<string[]> {
    if (!opens.length) return [];
    const rows = await executorOf(this.db, tx)
      .insertInto('events')
      .columns([
        'type',
        'occurredAt',
        'vendorId',
        'partnerId',
        'launchId',
        'prospectId',
        'sendId',
        'step',
        'method',
        'counted',
        'processedAt',
      ])
      .expression((eb) =>
        eb
          .selectFrom(
            unnest<{ sendId: string; at: Date }, 'o'>('o', {
              sendId: { type: 'bigint', values: opens.map((o) => o.sendId) },
              at: { type: 'timestamptz', values: opens.map((o) => o.at) },
            }),
          )
          .innerJoin('sends as s', 's.id', 'o.sendId')
          .select((s) => [
            s.val('opened').as('type'),
            'o.at',
            's.vendorId',
            's.partnerId',
            's.launchId',
            's.prospectId',
            's.id',
            's.step',
            s.val('implied').as('method'),
            s.lit(true).as('counted'),
            s.val(now).as('processedAt'),
          ]),
      )
      .returning('id')
      .execute();
    return rows.map((r) => r.id);
  }

  /** Each event by its id and time: the time is the partition key, so only its month's partition is searched. */
  async markJudgedForSystem(
    tx: Tx,
    verdicts: Array<{ id: string; at: Date; machine: string | null; counted: boolean }>,
    now: Date,
  ): Promise<void> {
    if (!verdicts.length) return;
    const times = verdicts.map((v) => v.at.getTime());
    await executorOf(this.db, tx)
      .updateTable('events')
      .from(
        unnest<{ id: string; at: Date; machine: string | null; counted: boolean }, 'v'>('v', {
          id: { type: 'bigint', values: verdicts.map((v) => v.id) },
          at: { type: 'timestamptz', values: verdicts.map((v) => v.at) },
          machine: { type: 'text', values: verdicts.map((v) => v.machine) },
          counted: { type: 'boolean', values: verdicts.map((v) => v.counted) },
        }),
      )
      .set((eb) => ({ machine: eb.ref('v.machine'), counted: eb.ref('v.counted'), processedAt: now }))
      .whereRef('events.id', '=', 'v.id')
      .whereRef('events.occurredAt', '=', 'v.at')
      .where('events.occurredAt', '>=', new Date(Math.min(...times)))
      .where('events.occurredAt', '<=', new Date(Math.max(...times)))
      .execute();
  }

  /**
   * The sends of these whose landing-page link a person already clicked in an earlier batch (a
   * judged human click of the `page` link): a later visit from the same email is no milestone.
   */
  async pageVisitedForSystem(tx: Tx, sendIds: string[]): Promise<Set<string>> {
    if (!sendIds.length) return new Set();
    const rows = await executorOf(this.db, tx)
      .selectFrom('events')
      .select('sendId')
      .distinct()
      .where('sendId', 'in', sendIds)
      .where('type', '=', 'clicked')
      .where('linkName', '=', PAGE_LINK)
      .where('processedAt', 'is not', null)
      .where('machine', 'is', null)
      .execute();
    return new Set(rows.map((r) => String(r.sendId)));
  }
}
