import { Injectable } from '@nestjs/common';
import { sql } from 'kysely';
import {
  AudienceSpec,
  Database,
  executorOf,
  Found,
  PageWindow,
  PartnerScope,
  partnerOwned,
  ProgrammeSubscriptionRow,
  SocialNetwork,
  TenantScope,
  Tx,
} from '@tcma/persistence';

export type SubscriptionRow = ProgrammeSubscriptionRow;

export interface SubscriptionSettings {
  audience: AudienceSpec;
  slotValues: Record<string, string>;
  socialNetworks: SocialNetwork[];
  /** The account each network's posts go out as (absent: the most recently connected). */
  socialAccounts: Partial<Record<SocialNetwork, string>>;
  socialPostTime: string;
  socialPostWeekdaysOnly: boolean;
  reviewHours: number;
  weeklyCap: number | null;
}

/** Partners' subscriptions to programmes. */
@Injectable()
export class SubscriptionsRepository {
  constructor(private readonly db: Database) {}

  /**
   * Subscribes the partner (again, when it had unsubscribed: the row and its history are kept);
   * null when it is already subscribed.
   */
  async subscribe(
    scope: PartnerScope,
    programmeId: string,
    settings: SubscriptionSettings,
    userId: string | null,
  ): Promise<SubscriptionRow | null> {
    const row = await this.db
      .insertInto('programmeSubscriptions')
      .values({
        ...settings,
        vendorId: scope.vendorId,
        partnerId: scope.partnerId,
        programmeId,
        status: 'active',
        createdBy: userId,
      })
      .onConflict((oc) =>
        oc
          .columns(['programmeId', 'partnerId'])
          // Subscribing again starts afresh: only versions published from now on are offered. The
          // database's time, as a version's published_at, which it is compared with.
          .doUpdateSet({
            ...settings,
            status: 'active',
            createdBy: userId,
            subscribedAt: sql<Date>`now()`,
            updatedAt: new Date(),
          })
          .where('programmeSubscriptions.status', '=', 'unsubscribed'),
      )
      .returningAll()
      .executeTakeFirst();
    return row ?? null;
  }

  async find(scope: TenantScope, id: string): Promise<SubscriptionRow | null> {
    return (
      (await this.db
        .selectFrom('programmeSubscriptions as s')
        .selectAll('s')
        .where('s.id', '=', id)
        .where((eb) => partnerOwned(eb, scope, 's'))
        .executeTakeFirst()) ?? null
    );
  }

  /** The scope's subscriptions (a vendor's: all its partners'), newest first. */
  async list(
    scope: TenantScope,
    filter: PageWindow & { programmeId?: string; status?: 'active' | 'unsubscribed' },
  ): Promise<Found<SubscriptionRow & { programmeName: string }>> {
    let matching = this.db
      .selectFrom('programmeSubscriptions as s')
      .innerJoin('programmes as p', 'p.id', 's.programmeId')
      .where((eb) => partnerOwned(eb, scope, 's'));
    if (filter.programmeId) matching = matching.where('s.programmeId', '=', filter.programmeId);
    if (filter.status) matching = matching.where('s.status', '=', filter.status);
    const [items, count] = await Promise.all([
      matching
        .selectAll('s')
        .select('p.name as programmeName')
        .orderBy('s.createdAt', 'desc')
        .orderBy('s.id')
        .limit(filter.limit)
        .offset(filter.offset)
        .execute(),
      matching.select((eb) => eb.cast<number>(eb.fn.countAll(), 'integer').as('total')).executeTakeFirstOrThrow(),
    ]);
    return { items, total: count.total };
  }

  async update(
    scope: TenantScope,
    id: string,
    changes: Partial<SubscriptionSettings>,
  ): Promise<SubscriptionRow | null> {
    const row = await this.db
      .updateTable('programmeSubscriptions as s')
      .set({ ...changes, updatedAt: new Date() })
      .where('s.id', '=', id)
      .where('s.status', '=', 'active')
      .where((eb) => partnerOwned(eb, scope, 's'))
      .returningAll()
      .executeTakeFirst();
    return row ?? null;
  }

  /** Marks the subscription unsubscribed; false when it was not an active one of the scope. */
  async unsubscribe(scope: TenantScope, id: string, tx?: Tx): Promise<boolean> {
    const moved = await executorOf(this.db, tx)
      .updateTable('programmeSubscriptions as s')
      .set({ status: 'unsubscribed', updatedAt: new Date() })
      .where('s.id', '=', id)
      .where('s.status', '=', 'active')
      .where((eb) => partnerOwned(eb, scope, 's'))
      .executeTakeFirst();
    return moved.numUpdatedRows > 0n;
  }

  /** The worker's read of a subscription named by a pending launch. */
  async findForSystem(id: string): Promise<SubscriptionRow | null> {
    return (
      (await this.db.selectFrom('programmeSubscriptions').selectAll().where('id', '=', id).executeTakeFirst()) ?? null
    );
  }
}
