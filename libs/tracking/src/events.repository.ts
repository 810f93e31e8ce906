import { Injectable } from '@nestjs/common';
import {
  Batcher,
  Database,
  EventType,
  executorOf,
  PartnerScope,
  partnerOwned,
  Transactions,
  Tx,
  unnest,
} from '@tcma/persistence';
import { sql } from 'kysely';

export interface SendEventInput {
  sendId: string;
  type: EventType;
  at: Date;
  linkIndex?: number | null;
  linkName?: string | null;
  userAgent?: string | null;
  method?: string | null;
}

/** Writing events, each copying its context (vendor, partner, launch, prospect, step) from the send. */
@Injectable()
export class EventsRepository {
  /** Opens and clicks arriving together share one insert: the public endpoints see bursts. */
  private readonly hits = new Batcher<SendEventInput, boolean>((items) => this.insertHits(items), 1000);

  constructor(
    private readonly db: Database,
    private readonly transactions: Transactions,
  ) {}

  /** An open or a click from the public endpoints (by a signed send id); false when the send is unknown. */
  recordHitForSystem(e: SendEventInput): Promise<boolean> {
    return this.hits.call(e);
  }

  /**
   * Without waiting for the commit to reach disk (synchronous_commit off, this transaction
   * only): a crash of Postgres itself may lose the last few hundred milliseconds of opens and
   * clicks, never corrupt anything, and the redirect does not wait on a disk flush.
   */
  private insertHits(items: SendEventInput[]): Promise<boolean[]> {
    return this.transactions.run(async (tx) => {
      await sql`SET LOCAL synchronous_commit = off`.execute(executorOf(this.db, tx));
      return this.insert(items, tx);
    });
  }

  /** An event of a send (a bounce, an unsubscribe by signed link), in the caller's transaction if any; false when the send is unknown. */
  async recordSendEventForSystem(e: SendEventInput, tx?: Tx): Promise<boolean> {
    return (await this.insert([e], tx))[0];
  }

  /** One statement for the lot; per event, whether its send exists. */
  private async insert(items: SendEventInput[], tx?: Tx): Promise<boolean[]> {
    const col = <T>(f: (e: SendEventInput) => T) => items.map(f);
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
        'linkIndex',
        'linkName',
        'userAgent',
        'method',
      ])
      .expression((eb) =>
        eb
          .selectFrom(
            unnest<
              {
                sendId: string;
                type: EventType;
                at: Date;
                linkIndex: number | null;
                linkName: string | null;
                userAgent: string | null;
                method: string | null;
              },
              'x'
            >('x', {
              sendId: { type: 'bigint', values: col((e) => e.sendId) },
              type: { type: 'text', values: col((e) => e.type) },
              at: { type: 'timestamptz', values: col((e) => e.at) },
              linkIndex: { type: 'int', values: col((e) => e.linkIndex ?? null) },
              linkName: { type: 'text', values: col((e) => e.linkName ?? null) },
              userAgent: { type: 'text', values: col((e) => e.userAgent?.slice(0, 512) ?? null) },
              method: { type: 'text', values: col((e) => e.method ?? null) },
            }),
          )
          .innerJoin('sends as s', 's.id', 'x.sendId')
          .select([
            'x.type',
            'x.at',
            's.vendorId',
            's.partnerId',
            's.launchId',
            's.prospectId',
            's.id',
            's.step',
            'x.linkIndex',
            'x.linkName',
            'x.userAgent',
            'x.method',
          ]),
      )
      .returning('sendId')
      .execute();
    const known = new Set(rows.map((r) => r.sendId));
    return items.map((e) => known.has(e.sendId));
  }

  /**
   * A conversion of a prospect in each of the given launches it was enrolled in, once per
   * (launch, prospect): the enrollment keeps when it converted (one row, locked by the update,
   * whatever events retention has dropped since), and an event is written for the launches it
   * was new for, which are returned.
   */
  async recordConversions(
    scope: PartnerScope,
    prospectId: string,
    launchIds: string[],
    at: Date,
    tx?: Tx,
  ): Promise<string[]> {
    if (!launchIds.length) return [];
    const db = executorOf(this.db, tx);
    const converted = await db
      .updateTable('enrollments as e')
      .set({ convertedAt: at })
      .where((eb) =>
        eb.and([
          partnerOwned(eb, scope, 'e'),
          eb('e.prospectId', '=', prospectId),
          eb('e.launchId', 'in', launchIds),
          eb('e.convertedAt', 'is', null),
        ]),
      )
      .returning('e.launchId')
      .execute();
    if (!converted.length) return [];
    const rows = await db
      .insertInto('events')
      .columns(['type', 'occurredAt', 'vendorId', 'partnerId', 'launchId', 'prospectId'])
      .expression((eb) =>
        eb
          .selectFrom('launches as l')
          .select((s) => [
            s.val('converted').as('type'),
            s.val(at).as('occurredAt'),
            'l.vendorId',
            'l.partnerId',
            'l.id',
            s.val(prospectId).as('prospectId'),
          ])
          .where(
            'l.id',
            'in',
            converted.map((c) => c.launchId),
          )
          .where((s) => partnerOwned(s, scope, 'l')),
      )
      .returning('launchId')
      .execute();
    return rows.flatMap((r) => (r.launchId ? [r.launchId] : []));
  }
}
