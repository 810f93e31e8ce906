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

@Injectable()
export class LaunchesRepository {
  constructor(private readonly db: Database) {}

  create(scope: PartnerScope, input: NewLaunchInput): Promise<LaunchRow> {
    return this.db
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

  /** The worker's read of a launch it was handed by id. */
  async findForSystem(id: string): Promise<LaunchRow | null> {
    return (await this.db.selectFrom('launches').selectAll().where('id', '=', id).executeTakeFirst()) ?? null;
  }

  /** A page of the scope's launches, newest first, each with its campaign's name. */
  async list(scope: TenantScope, window: PageWindow): Promise<Found<LaunchRow & { campaignName: string }>> {
    const matching = this.db.selectFrom('launches').where((eb) => partnerOwned(eb, scope, 'launches'));
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

  /** The worker moving a launch it enrolls. */
  async transitionForSystem(id: string, from: LaunchStatus[], to: LaunchStatus): Promise<boolean> {
    const moved = await this.db
      .updateTable('launches')
      .set({ status: to, updatedAt: new Date() })
      .where('id', '=', id)
      .where('status', 'in', from)
      .executeTakeFirst();
    return moved.numUpdatedRows > 0n;
  }

  async recordEnrollmentForSystem(id: string, enrolled: number, skippedSuppressed: number): Promise<void> {
    await this.db
      .updateTable('launches')
      .set({ enrolled, skippedSuppressed, updatedAt: new Date() })
      .where('id', '=', id)
      .execute();
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

  /** Active launches with nothing left to do become completed; their ids. */
  async completeFinishedForSystem(tx: Tx): Promise<string[]> {
    const done = await executorOf(this.db, tx)
      .updateTable('launches as l')
      .set({ status: 'completed', updatedAt: new Date() })
      .where('l.status', '=', 'active')
      .where((eb) =>
        eb.not(
          eb.exists(
            eb
              .selectFrom('enrollments as e')
              .select('e.id')
              .whereRef('e.launchId', '=', 'l.id')
              .where('e.status', '=', 'active'),
          ),
        ),
      )
      .returning('l.id')
      .execute();
    return done.map((r) => r.id);
  }
}
