import { Injectable } from '@nestjs/common';
import { Database, Found, OutboxMessageRow, PageWindow, contactsOwned, TenantScope } from '@tcma/persistence';

export type OutboxSummary = Omit<OutboxMessageRow, 'raw'>;

export type NewOutboxMessage = Pick<
  OutboxMessageRow,
  'vendorId' | 'partnerId' | 'sendId' | 'envelopeFrom' | 'recipients' | 'subject' | 'messageId' | 'raw'
>;

@Injectable()
export class OutboxRepository {
  constructor(private readonly db: Database) {}

  /** A message the local outbox transport took, for whichever tenant sent it. */
  async insertForSystem(message: NewOutboxMessage): Promise<string> {
    const row = await this.db.insertInto('outboxMessages').values(message).returning('id').executeTakeFirstOrThrow();
    return row.id;
  }

  /** Newest first; a partner scope narrows to one partner. Raw messages are not loaded. */
  async page(scope: TenantScope, window: PageWindow): Promise<Found<OutboxSummary>> {
    const matching = this.db.selectFrom('outboxMessages as o').where((eb) => contactsOwned(eb, scope, 'o'));
    const [items, count] = await Promise.all([
      matching
        .select([
          'o.id',
          'o.vendorId',
          'o.partnerId',
          'o.sendId',
          'o.envelopeFrom',
          'o.recipients',
          'o.subject',
          'o.messageId',
          'o.createdAt',
        ])
        .orderBy('o.id', 'desc')
        .limit(window.limit)
        .offset(window.offset)
        .execute(),
      matching.select((eb) => eb.cast<number>(eb.fn.countAll(), 'integer').as('total')).executeTakeFirstOrThrow(),
    ]);
    return { items, total: count.total };
  }

  async find(scope: TenantScope, id: string): Promise<OutboxMessageRow | null> {
    if (!/^\d{1,18}$/.test(id)) return null;
    return (
      (await this.db
        .selectFrom('outboxMessages as o')
        .selectAll('o')
        .where('o.id', '=', id)
        .where((eb) => contactsOwned(eb, scope, 'o'))
        .executeTakeFirst()) ?? null
    );
  }
}
