import { Injectable } from '@nestjs/common';
import {
  Database,
  DB,
  executorOf,
  Found,
  PageWindow,
  partnerOwned,
  PartnerScope,
  ProspectListRow,
  TenantScope,
  Tx,
} from '@tcma/persistence';
import { ExpressionBuilder } from 'kysely';

/** Members are the scope's through their list. */
const ofListsInScope = (eb: ExpressionBuilder<DB, 'prospectListMembers'>, scope: TenantScope) =>
  eb.exists(
    eb
      .selectFrom('prospectLists as l')
      .select('l.id')
      .whereRef('l.id', '=', 'prospectListMembers.listId')
      .where((l) => partnerOwned(l, scope, 'l')),
  );

/** How lists are ordered: by name, or the most recently created first. */
export const LIST_ORDERS = ['name', 'newest'] as const;
export type ListOrder = (typeof LIST_ORDERS)[number];

@Injectable()
export class ProspectListsRepository {
  constructor(private readonly db: Database) {}

  create(scope: PartnerScope, name: string, tx?: Tx): Promise<ProspectListRow> {
    return executorOf(this.db, tx)
      .insertInto('prospectLists')
      .values({ vendorId: scope.vendorId, partnerId: scope.partnerId, name })
      .returningAll()
      .executeTakeFirstOrThrow();
  }

  /** Whether the scope has a list of this name (names are unique per partner). */
  async nameUsed(scope: PartnerScope, name: string): Promise<boolean> {
    const found = await this.db
      .selectFrom('prospectLists')
      .select('id')
      .where('name', '=', name)
      .where((eb) => partnerOwned(eb, scope, 'prospectLists'))
      .executeTakeFirst();
    return found !== undefined;
  }

  async find(scope: TenantScope, id: string): Promise<ProspectListRow | null> {
    return (
      (await this.db
        .selectFrom('prospectLists')
        .selectAll()
        .where('id', '=', id)
        .where((eb) => partnerOwned(eb, scope, 'prospectLists'))
        .executeTakeFirst()) ?? null
    );
  }

  async listWithCounts(
    scope: TenantScope,
    window: PageWindow,
    order: ListOrder = 'name',
  ): Promise<Found<ProspectListRow & { size: number }>> {
    const matching = this.db.selectFrom('prospectLists').where((eb) => partnerOwned(eb, scope, 'prospectLists'));
    const [lists, count] = await Promise.all([
      matching
        .selectAll()
        .$call((qb) => (order === 'newest' ? qb.orderBy('createdAt', 'desc') : qb.orderBy('name', 'asc')))
        .orderBy('id', 'asc')
        .limit(window.limit)
        .offset(window.offset)
        .execute(),
      matching.select((eb) => eb.cast<number>(eb.fn.countAll(), 'integer').as('total')).executeTakeFirstOrThrow(),
    ]);
    const counts = await this.db
      .selectFrom('prospectListMembers')
      .select(['listId', (eb) => eb.cast<number>(eb.fn.countAll(), 'integer').as('n')])
      .where('listId', '=', (eb) => eb.fn.any(eb.val(lists.map((l) => l.id))))
      .groupBy('listId')
      .execute();
    const byList = new Map(counts.map((c) => [c.listId, c.n]));
    return { items: lists.map((l) => ({ ...l, size: byList.get(l.id) ?? 0 })), total: count.total };
  }

  /** Adds prospects of the list's partner to a list of the scope (others are ignored); returns how many were new. */
  async addMembers(scope: TenantScope, listId: string, prospectIds: string[], tx?: Tx): Promise<number> {
    if (!prospectIds.length) return 0;
    const added = await executorOf(this.db, tx)
      .insertInto('prospectListMembers')
      .columns(['listId', 'prospectId'])
      .expression((eb) =>
        eb
          .selectFrom('prospects as p')
          .innerJoin('prospectLists as l', (join) =>
            join.on('l.id', '=', listId).onRef('l.partnerId', '=', 'p.partnerId'),
          )
          .select(['l.id', 'p.id'])
          .where('p.id', '=', eb.fn.any(eb.val(prospectIds)))
          .where((w) => w.and([partnerOwned(w, scope, 'l'), partnerOwned(w, scope, 'p')])),
      )
      .onConflict((oc) => oc.doNothing())
      .executeTakeFirst();
    return Number(added.numInsertedOrUpdatedRows ?? 0n);
  }

  async removeMembers(scope: TenantScope, listId: string, prospectIds: string[]): Promise<void> {
    await this.db
      .deleteFrom('prospectListMembers')
      .where('listId', '=', listId)
      .where('prospectId', '=', (eb) => eb.fn.any(eb.val(prospectIds)))
      .where((eb) => ofListsInScope(eb, scope))
      .execute();
  }
}
