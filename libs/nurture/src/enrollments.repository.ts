import { Injectable } from '@nestjs/common';
import {
  Database,
  dueAndNotQueued,
  EnrollmentStatus,
  executorOf,
  partnerOwned,
  TenantScope,
  Tx,
  unnest,
} from '@tcma/persistence';
import { exitWith } from './enrollment-exits.repository';
import { readSendContexts, SendContext } from './send-context.statements';

export type { SendContext } from './send-context.statements';

export interface DueEnrollment {
  id: string;
  step: number;
  due: Date;
}

export interface AdvanceTo {
  nextStep: number;
  nextDueAt: Date | null;
  status: EnrollmentStatus;
  queuedAt: Date | null;
  exitReason?: string | null;
}

/**
 * The send path's and the sweep's enrollment state: send contexts, queue marks, moving on and
 * exiting one enrollment; and a launch's pause and cancellation. Enrolling lives in
 * AudienceEnrollmentsRepository, the exits other libs cause in EnrollmentExitsRepository.
 */
@Injectable()
export class EnrollmentsRepository {
  constructor(private readonly db: Database) {}

  async contextForSystem(enrollmentId: string): Promise<SendContext | null> {
    return (await this.contextsForSystem([enrollmentId]))[0];
  }

  /** Send contexts of several enrollments in one read, in the order asked (null when unknown). */
  contextsForSystem(enrollmentIds: string[]): Promise<Array<SendContext | null>> {
    return readSendContexts(this.db, enrollmentIds);
  }

  /**
   * Claims up to `limit` active enrollments of running launches due before `until` that are
   * not in the queue (or were queued longer than `requeueBefore` ago and are still there:
   * their job was lost). Several sweepers can run at once: locked rows are skipped.
   */
  async claimDueForSystem(now: Date, until: Date, requeueBefore: Date, limit: number): Promise<DueEnrollment[]> {
    const rows = await this.db
      .with('due', (db) =>
        db
          .selectFrom('enrollments as e')
          .innerJoin('launches as l', 'l.id', 'e.launchId')
          .select('e.id')
          .where(dueAndNotQueued(until, requeueBefore))
          .orderBy('e.nextDueAt')
          .limit(limit)
          .forUpdate('e')
          .skipLocked(),
      )
      .updateTable('enrollments')
      .set({ queuedAt: now })
      .from('due')
      .whereRef('enrollments.id', '=', 'due.id')
      .returning(['enrollments.id', 'enrollments.nextStep', 'enrollments.nextDueAt'])
      .execute();
    return rows.flatMap((r) => (r.nextDueAt ? [{ id: r.id, step: r.nextStep, due: r.nextDueAt }] : []));
  }

  /** Takes the enrollment's next step out of the queue, at a new due time. */
  async rescheduleForSystem(enrollmentId: string, step: number, due: Date): Promise<void> {
    await this.db
      .updateTable('enrollments')
      .set({ nextDueAt: due, queuedAt: null, updatedAt: new Date() })
      .where('id', '=', enrollmentId)
      .where('nextStep', '=', step)
      .where('status', '=', 'active')
      .execute();
  }

  /**
   * Steps waiting for their sender's rate: queued until then, so the sweep does not queue them
   * again before REQUEUE_AFTER_MS has passed beyond the time they wait for.
   */
  async holdQueuedUntilForSystem(items: Array<{ enrollmentId: string; step: number; until: Date }>): Promise<void[]> {
    if (items.length) {
      await this.db
        .updateTable('enrollments')
        .from(
          unnest<{ id: string; step: number; until: Date }, 'h'>('h', {
            id: { type: 'bigint', values: items.map((i) => i.enrollmentId) },
            step: { type: 'int', values: items.map((i) => i.step) },
            until: { type: 'timestamptz', values: items.map((i) => i.until) },
          }),
        )
        .set((eb) => ({ queuedAt: eb.ref('h.until') }))
        .whereRef('enrollments.id', '=', 'h.id')
        .whereRef('enrollments.nextStep', '=', 'h.step')
        .where('enrollments.status', '=', 'active')
        .execute();
    }
    return items.map(() => undefined);
  }

  /** Redis lost its jobs: every queued step goes back to the sweep, which queues it again at once. */
  async unqueueAllForSystem(): Promise<number> {
    const unqueued = await this.db
      .updateTable('enrollments')
      .set({ queuedAt: null })
      .where('status', '=', 'active')
      .where('queuedAt', 'is not', null)
      .executeTakeFirst();
    return Number(unqueued.numUpdatedRows);
  }

  /**
   * After a worker died: every step queued before `before` and due by then is left for the sweep
   * to queue again. A worker killed between recording a send and putting the next step's job
   * in Redis leaves that step marked queued with no job; which steps it queued is not recorded,
   * so all are queued again, and a step whose job does exist runs once all the same (the second
   * job finds it moved on or claimed). Held steps (waiting for a rate slot) are queued until a
   * later time and stay.
   */
  async unqueueDueForSystem(before: Date): Promise<number> {
    const unqueued = await this.db
      .updateTable('enrollments')
      .set({ queuedAt: null })
      .where('status', '=', 'active')
      .where('queuedAt', '<=', before)
      .where('nextDueAt', '<=', before)
      .executeTakeFirst();
    return Number(unqueued.numUpdatedRows);
  }

  /** Leaves the step for the sweep to queue again (a paused launch, say). */
  async unqueueForSystem(enrollmentId: string): Promise<void> {
    await this.db.updateTable('enrollments').set({ queuedAt: null }).where('id', '=', enrollmentId).execute();
  }

  /** Moves past `fromStep` (only if still there: a second worker finds nothing to move). */
  async advanceForSystem(
    enrollmentId: string,
    fromStep: number,
    to: AdvanceTo,
    sentAt: Date | null,
    tx?: Tx,
  ): Promise<boolean> {
    const moved = await executorOf(this.db, tx)
      .updateTable('enrollments')
      .set((eb) => ({
        nextStep: to.nextStep,
        nextDueAt: to.nextDueAt,
        status: to.status,
        queuedAt: to.queuedAt,
        exitReason: to.exitReason ?? null,
        lastSentAt: eb.fn.coalesce(eb.val(sentAt), 'lastSentAt'),
        updatedAt: new Date(),
      }))
      .where('id', '=', enrollmentId)
      .where('nextStep', '=', fromStep)
      .where('status', '=', 'active')
      .executeTakeFirst();
    return moved.numUpdatedRows > 0n;
  }

  async exitForSystem(enrollmentId: string, reason: string, tx?: Tx): Promise<void> {
    await executorOf(this.db, tx)
      .updateTable('enrollments')
      .set(exitWith(reason))
      .where('id', '=', enrollmentId)
      .where('status', '=', 'active')
      .execute();
  }

  async cancelLaunch(scope: TenantScope, launchId: string): Promise<number> {
    const cancelled = await this.db
      .updateTable('enrollments as e')
      .set({ status: 'cancelled', nextDueAt: null, queuedAt: null, updatedAt: new Date() })
      .where('e.launchId', '=', launchId)
      .where('e.status', '=', 'active')
      .where((eb) => partnerOwned(eb, scope, 'e'))
      .executeTakeFirst();
    return Number(cancelled.numUpdatedRows);
  }

  /** Clears queue marks of a launch's enrollments so the sweep queues them again (resume). */
  async unqueueLaunch(scope: TenantScope, launchId: string): Promise<void> {
    await this.db
      .updateTable('enrollments as e')
      .set({ queuedAt: null })
      .where('e.launchId', '=', launchId)
      .where('e.status', '=', 'active')
      .where((eb) => partnerOwned(eb, scope, 'e'))
      .execute();
  }
}
