import { Injectable } from '@nestjs/common';
import { Batcher, Database, executorOf, PartnerScope, partnerOwned, Tx } from '@tcma/persistence';
import { eventValues, insertEvents, insertEventsAsynchronously, SendEventInput } from './event-insert.statements';

/** Writing events, each copying its context (vendor, partner, launch, prospect, step) from the send. */
@Injectable()
export class EventsRepository {
  /** Opens and clicks arriving together share one insert: the public endpoints see bursts. */
  private readonly hits = new Batcher<SendEventInput, boolean>((items) => this.insertHits(items), 1000);

  constructor(private readonly db: Database) {}

  /** An open or a click from the public endpoints (by a signed send id); false when the send is unknown. */
  recordHitForSystem(e: SendEventInput): Promise<boolean> {
    return this.hits.call(e);
  }

  /**
   * Without waiting for the commit to reach disk (synchronous_commit off, this statement only):
   * a crash of Postgres itself may lose the last few hundred milliseconds of opens and clicks,
   * never corrupt anything, and the redirect does not wait on a disk flush.
   */
  private async insertHits(items: SendEventInput[]): Promise<boolean[]> {
    return known(items, await insertEventsAsynchronously(this.db, eventValues(items)));
  }

  /** An event of a send (a bounce, an unsubscribe by signed link), in the caller's transaction if any; false when the send is unknown. */
  async recordSendEventForSystem(e: SendEventInput, tx?: Tx): Promise<boolean> {
    return known([e], await insertEvents(executorOf(this.db, tx), eventValues([e])))[0];
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

/** Per event, whether its send exists (an event was written for it). */
function known(items: SendEventInput[], written: Array<{ sendId: string | null }>): boolean[] {
  const sends = new Set(written.map((r) => r.sendId));
  return items.map((e) => sends.has(e.sendId));
}
