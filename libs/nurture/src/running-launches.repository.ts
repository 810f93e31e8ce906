import { Injectable } from '@nestjs/common';
import { Database, executorOf, LaunchRow, LaunchStatus, Tx } from '@tcma/persistence';

/**
 * The scheduler's reads and moves of the launches it runs, across tenants: enrollment moves a
 * launch from enrolling to active, the sweep closes finished ones. What people do to a launch
 * (create, pause, resume, cancel) is the launches lib's, in its tenant's scope.
 */
@Injectable()
export class RunningLaunchesRepository {
  constructor(private readonly db: Database) {}

  /** The worker's read of a launch it was handed by id. */
  async findForSystem(id: string): Promise<LaunchRow | null> {
    return (await this.db.selectFrom('launches').selectAll().where('id', '=', id).executeTakeFirst()) ?? null;
  }

  /**
   * Launches still enrolling, oldest first: the sweep queues their enrollment again (a process
   * that wrote one and stopped before queueing it leaves it with no job).
   */
  async enrollingForSystem(limit: number): Promise<string[]> {
    const rows = await this.db
      .selectFrom('launches')
      .select('id')
      .where('status', '=', 'enrolling')
      .orderBy('createdAt')
      .limit(limit)
      .execute();
    return rows.map((r) => r.id);
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
