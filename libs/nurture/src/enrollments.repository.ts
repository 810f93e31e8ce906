import { Injectable } from '@nestjs/common';
import {
  Database,
  dueAndNotQueued,
  EnrollmentStatus,
  executorOf,
  inAudience,
  LaunchRow,
  PartnerScope,
  partnerOwned,
  suppressionCovers,
  suppressionTargetOf,
  TenantScope,
  Tx,
  unnest,
} from '@tcma/persistence';
import { sql } from 'kysely';
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

/** Taking an enrollment out of its sequence: no next step, nothing queued. */
const exitWith = (reason: string) => ({
  status: 'exited' as const,
  exitReason: reason,
  nextDueAt: null,
  queuedAt: null,
  updatedAt: new Date(),
});

@Injectable()
export class EnrollmentsRepository {
  constructor(private readonly db: Database) {}

  /** The zones of a launch's audience (prospect's own, else the launch's), to compute first due times per zone. */
  async audienceZones(scope: PartnerScope, launch: LaunchRow): Promise<string[]> {
    const rows = await this.db
      .selectFrom('prospects as p')
      .select((eb) => eb.fn.coalesce('p.timezone', eb.val(launch.timezone)).as('zone'))
      .distinct()
      .where((eb) => eb.and([partnerOwned(eb, scope, 'p'), inAudience(launch.audience)]))
      .execute();
    return rows.map((r) => r.zone);
  }

  /**
   * Splits a partner's prospects into id ranges of about `size` each: the returned ids are
   * the inclusive upper bounds of every range but the last, which is open. Ordered as
   * numbers (by row number): ids as text would put 100000 before 20000.
   */
  async chunkBounds(scope: PartnerScope, size: number): Promise<string[]> {
    const rows = await this.db
      .selectFrom((db) =>
        db
          .selectFrom('prospects as p')
          .select(['p.id', sql<number>`row_number() OVER (ORDER BY p.id)`.as('rn')])
          .where((eb) => partnerOwned(eb, scope, 'p'))
          .as('t'),
      )
      .select('t.id')
      .where(sql<boolean>`t.rn % ${size} = 0`)
      .orderBy('t.rn')
      .execute();
    return rows.map((r) => r.id);
  }

  /**
   * Enrolls the launch's audience among prospects with ids in (afterId, upToId], in one
   * statement, each first step due at the time of its zone. Suppressed addresses are left
   * out; enrolling twice is harmless.
   */
  async enrollRange(
    scope: PartnerScope,
    launch: LaunchRow,
    afterId: string,
    upToId: string | null,
    dues: Map<string, Date>,
  ): Promise<{ scanned: number; eligible: number; inserted: number }> {
    const row = await this.db
      .with('batch', (db) =>
        db
          .selectFrom('prospects as p')
          .select((eb) => ['p.id', 'p.emailLower', eb.fn.coalesce('p.timezone', eb.val(launch.timezone)).as('zone')])
          .where((eb) =>
            eb.and([
              partnerOwned(eb, scope, 'p'),
              eb('p.id', '>', afterId),
              ...(upToId === null ? [] : [eb('p.id', '<=', upToId)]),
              inAudience(launch.audience),
            ]),
          ),
      )
      .with('eligible', (db) =>
        db
          .selectFrom('batch as b')
          .selectAll('b')
          .where((eb) =>
            eb.not(
              suppressionCovers(
                suppressionTargetOf(scope, {
                  campaignId: eb.val(launch.campaignId),
                  emailLower: eb.ref('b.emailLower'),
                }),
              ),
            ),
          ),
      )
      .with('inserted', (db) =>
        db
          .insertInto('enrollments')
          .columns(['launchId', 'prospectId', 'partnerId', 'vendorId', 'status', 'nextStep', 'nextDueAt'])
          .expression((eb) =>
            eb
              .selectFrom('eligible as e')
              .innerJoin(
                unnest<{ zone: string; due: Date }, 'd'>('d', {
                  zone: { type: 'text', values: [...dues.keys()] },
                  due: { type: 'timestamptz', values: [...dues.values()] },
                }),
                'd.zone',
                'e.zone',
              )
              .select((s) => [
                s.val(launch.id).as('launchId'),
                'e.id',
                s.val(scope.partnerId).as('partnerId'),
                s.val(scope.vendorId).as('vendorId'),
                s.val('active').as('status'),
                s.lit(0).as('nextStep'),
                'd.due',
              ]),
          )
          .onConflict((oc) => oc.columns(['launchId', 'prospectId']).doNothing())
          .returning('id'),
      )
      .selectNoFrom((eb) => [
        eb
          .selectFrom('batch')
          .select((s) => s.fn.countAll<number>().as('n'))
          .as('scanned'),
        eb
          .selectFrom('eligible')
          .select((s) => s.fn.countAll<number>().as('n'))
          .as('eligible'),
        eb
          .selectFrom('inserted')
          .select((s) => s.fn.countAll<number>().as('n'))
          .as('inserted'),
      ])
      .executeTakeFirstOrThrow();
    return { scanned: Number(row.scanned), eligible: Number(row.eligible), inserted: Number(row.inserted) };
  }

  async countForLaunch(scope: TenantScope, launchId: string): Promise<number> {
    const row = await this.db
      .selectFrom('enrollments as e')
      .select((eb) => eb.fn.countAll<string>().as('n'))
      .where('e.launchId', '=', launchId)
      .where((eb) => partnerOwned(eb, scope, 'e'))
      .executeTakeFirstOrThrow();
    return Number(row.n);
  }

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

  /**
   * Exits every active enrollment of this prospect address in the scope (an unsubscribe): at
   * one partner, or with a vendor scope at all its partners; `campaignId` keeps it to the
   * launches of that campaign.
   */
  async exitForAddress(
    scope: TenantScope,
    emailLower: string,
    reason: string,
    campaignId: string | null = null,
  ): Promise<number> {
    let exiting = this.db
      .updateTable('enrollments as e')
      .set(exitWith(reason))
      .from('prospects as p')
      .whereRef('p.id', '=', 'e.prospectId')
      .where((eb) =>
        eb.and([partnerOwned(eb, scope, 'e'), eb('p.emailLower', '=', emailLower), eb('e.status', '=', 'active')]),
      );
    if (campaignId !== null)
      exiting = exiting.where('e.launchId', 'in', (eb) =>
        eb.selectFrom('launches as l').select('l.id').where('l.campaignId', '=', campaignId),
      );
    const exited = await exiting.executeTakeFirst();
    return Number(exited.numUpdatedRows);
  }

  /**
   * Exits the active enrollments whose sequence says "leave when this link is clicked", for
   * each (send, link name) a person clicked. Returns the enrollments that left.
   */
  async exitOnClicksForSystem(clicks: Array<{ sendId: string; linkName: string }>, tx?: Tx): Promise<string[]> {
    if (!clicks.length) return [];
    const rows = await executorOf(this.db, tx)
      .updateTable('enrollments as e')
      .set(exitWith('clicked'))
      .from(
        unnest<{ sendId: string; linkName: string }, 'c'>('c', {
          sendId: { type: 'bigint', values: clicks.map((c) => c.sendId) },
          linkName: { type: 'text', values: clicks.map((c) => c.linkName) },
        }),
      )
      .innerJoin('sends as s', 's.id', 'c.sendId')
      .innerJoin('launches as l', 'l.id', 's.launchId')
      .innerJoin('campaignVersions as v', 'v.id', 'l.campaignVersionId')
      .whereRef('e.id', '=', 's.enrollmentId')
      .where('e.status', '=', 'active')
      .where(sql<boolean>`${sql.ref('v.content')}->'sequence'->'exit'->>'clickedLink' = ${sql.ref('c.linkName')}`)
      .returning('e.id')
      .execute();
    return rows.map((r) => r.id);
  }

  /** Exits the prospect's active enrollments in these launches where the sequence exits on conversion. */
  async exitOnConversion(scope: PartnerScope, prospectId: string, launchIds: string[], tx?: Tx): Promise<number> {
    if (!launchIds.length) return 0;
    const exited = await executorOf(this.db, tx)
      .updateTable('enrollments as e')
      .set(exitWith('converted'))
      .from('launches as l')
      .innerJoin('campaignVersions as v', 'v.id', 'l.campaignVersionId')
      .whereRef('l.id', '=', 'e.launchId')
      .where((eb) =>
        eb.and([
          partnerOwned(eb, scope, 'e'),
          eb('e.prospectId', '=', prospectId),
          eb('e.launchId', 'in', launchIds),
          eb('e.status', '=', 'active'),
        ]),
      )
      .where(sql<boolean>`(${sql.ref('v.content')}->'sequence'->'exit'->>'converted')::boolean`)
      .executeTakeFirst();
    return Number(exited.numUpdatedRows);
  }

  /** The launches a prospect is or was enrolled in. */
  async launchesOfProspect(scope: PartnerScope, prospectId: string): Promise<string[]> {
    const rows = await this.db
      .selectFrom('enrollments as e')
      .select('e.launchId')
      .where('e.prospectId', '=', prospectId)
      .where((eb) => partnerOwned(eb, scope, 'e'))
      .execute();
    return rows.map((r) => r.launchId);
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
