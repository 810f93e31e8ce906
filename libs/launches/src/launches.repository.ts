import { Injectable } from '@nestjs/common';
import {
  Database,
  executorOf,
  Found,
  LaunchRow,
  LaunchStatus,
  NewLaunch,
  PageWindow,
  PartnerScope,
  partnerOwned,
  TenantScope,
  Tx,
} from '@tcma/persistence';

export interface LaunchStats {
  enrollments: Record<string, number>;
  sends: Record<string, number>;
}

export type NewLaunchInput = Omit<NewLaunch, 'vendorId' | 'partnerId' | 'status' | 'enrolled' | 'skippedSuppressed'>;

/** A tenant's launches: created, listed, read and moved by the people who run them. */
@Injectable()
export class LaunchesRepository {
  constructor(private readonly db: Database) {}

  create(scope: PartnerScope, input: NewLaunchInput, tx?: Tx): Promise<LaunchRow> {
    return executorOf(this.db, tx)
      .insertInto('launches')
      .values({
        ...input,
        vendorId: scope.vendorId,
        partnerId: scope.partnerId,
        status: 'enrolling',
        enrolled: 0,
        skippedSuppressed: 0,
      })
      .returningAll()
      .executeTakeFirstOrThrow();
  }

  async find(scope: TenantScope, id: string): Promise<LaunchRow | null> {
    return (
      (await this.db
        .selectFrom('launches')
        .selectAll()
        .where('id', '=', id)
        .where((eb) => partnerOwned(eb, scope, 'launches'))
        .executeTakeFirst()) ?? null
    );
  }

  /** A page of the scope's launches, newest first, each with its campaign's name. */
  /** Newest first; `statuses` keeps only launches in one of them. */
  async list(
    scope: TenantScope,
    window: PageWindow & { statuses?: LaunchStatus[] },
  ): Promise<Found<LaunchRow & { campaignName: string }>> {
    let matching = this.db.selectFrom('launches').where((eb) => partnerOwned(eb, scope, 'launches'));
    if (window.statuses) matching = matching.where('launches.status', 'in', window.statuses);
    const [items, count] = await Promise.all([
      matching
        .innerJoin('campaigns', 'campaigns.id', 'launches.campaignId')
        .selectAll('launches')
        .select('campaigns.name as campaignName')
        .orderBy('launches.createdAt', 'desc')
        .orderBy('launches.id', 'asc')
        .limit(window.limit)
        .offset(window.offset)
        .execute(),
      matching.select((eb) => eb.cast<number>(eb.fn.countAll(), 'integer').as('total')).executeTakeFirstOrThrow(),
    ]);
    return { items, total: count.total };
  }

  /** Moves a launch between states; false when it was not in one of `from` (someone else moved it). */
  async transition(scope: TenantScope, id: string, from: LaunchStatus[], to: LaunchStatus): Promise<boolean> {
    const moved = await this.db
      .updateTable('launches')
      .set({ status: to, updatedAt: new Date() })
      .where('id', '=', id)
      .where('status', 'in', from)
      .where((eb) => partnerOwned(eb, scope, 'launches'))
      .executeTakeFirst();
    return moved.numUpdatedRows > 0n;
  }

  async stats(scope: TenantScope, id: string): Promise<LaunchStats> {
    const [enrollments, sends] = await Promise.all([
      this.db
        .selectFrom('enrollments')
        .select(['status', (eb) => eb.fn.countAll<number>().as('n')])
        .where('launchId', '=', id)
        .where((eb) => partnerOwned(eb, scope, 'enrollments'))
        .groupBy('status')
        .execute(),
      this.db
        .selectFrom('sends')
        .select(['status', (eb) => eb.fn.countAll<number>().as('n')])
        .where('launchId', '=', id)
        .where((eb) => partnerOwned(eb, scope, 'sends'))
        .groupBy('status')
        .execute(),
    ]);
    return {
      enrollments: Object.fromEntries(enrollments.map((r) => [r.status, Number(r.n)])),
      sends: Object.fromEntries(sends.map((r) => [r.status, Number(r.n)])),
    };
  }

  /** Active enrollments of a launch by the step they wait for (0-based). */
  async waitingByStep(scope: TenantScope, id: string): Promise<Map<number, number>> {
    const rows = await this.db
      .selectFrom('enrollments')
      .select(['nextStep', (eb) => eb.cast<number>(eb.fn.countAll(), 'integer').as('n')])
      .where('launchId', '=', id)
      .where('status', '=', 'active')
      .where((eb) => partnerOwned(eb, scope, 'enrollments'))
      .groupBy('nextStep')
      .execute();
    return new Map(rows.map((r) => [r.nextStep, r.n]));
  }
}
