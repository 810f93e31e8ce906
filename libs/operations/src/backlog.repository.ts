import { Injectable } from '@nestjs/common';
import { Database, EnrollmentStatus, stepDue } from '@tcma/persistence';

export interface DueBacklog {
  steps: number;
  oldestDueAt: Date | null;
}

/**
 * What an operator watches across every tenant (the metrics): how much sending is due and
 * not done, and how enrollments stand. System methods: no tenant sees these numbers.
 */
@Injectable()
export class BacklogRepository {
  constructor(private readonly db: Database) {}

  /**
   * Steps due by `now` and not yet sent, queued or not: the shared due rule (stepDue), so the
   * steps of a paused launch, which nobody is meant to send, are no backlog. Read from the
   * partial index of active enrollments by due time (enrollments_due_idx), joined to their
   * launches by primary key, so it costs the backlog's size, not the table's.
   */
  async dueBacklogForSystem(now: Date): Promise<DueBacklog> {
    const row = await this.db
      .selectFrom('enrollments as e')
      .innerJoin('launches as l', 'l.id', 'e.launchId')
      .where(stepDue(now))
      .select((eb) => [
        eb.cast<number>(eb.fn.countAll(), 'integer').as('steps'),
        eb.fn.min('e.nextDueAt').as('oldestDueAt'),
      ])
      .executeTakeFirstOrThrow();
    return { steps: row.steps, oldestDueAt: row.oldestDueAt };
  }

  /** Every enrollment counted by status: a full pass over the table, so callers space it out. */
  async countByStatusForSystem(): Promise<Array<{ status: EnrollmentStatus; count: number }>> {
    return this.db
      .selectFrom('enrollments')
      .select((eb) => ['status', eb.cast<number>(eb.fn.countAll(), 'integer').as('count')])
      .groupBy('status')
      .execute();
  }
}
