import { InjectQueue } from '@nestjs/bullmq';
import { Injectable, Logger } from '@nestjs/common';
import { Clock } from '@tcma/clock';
import { AppConfig } from '@tcma/config';
import { FleetService, SweepHealth } from '@tcma/fleet';
import { Transactions } from '@tcma/persistence';
import { EnrollLaunchJob, jobOptions, JobName, QueueName } from '@tcma/queue';
import { WebhookDispatcher } from '@tcma/webhooks';
import { Queue } from 'bullmq';
import { EnrollmentsRepository } from './enrollments.repository';
import { RunningLaunchesRepository } from './running-launches.repository';
import { nextStep } from './next-step';
import { FinishInput, SendLedgerRepository } from './send-ledger.repository';
import { SendProfiles } from './send-profiles';
import { SendQueue } from './send-queue';
import { QueueStateMarker } from './queue-state.marker';

export interface SweepResult {
  queued: number;
  /** Claims of dead workers released for others to take. */
  released: number;
  /** Sends dead workers had handed to SMTP, now counted uncertain. */
  abandoned: number;
  /** Steps put back because Redis lost its queues. */
  requeuedAfterLoss: number;
  completedLaunches: number;
  /** Launches still enrolling whose enrollment was queued again (a no-op while their job exists). */
  enrollingRequeued: number;
}

/** Enrollments claimed per statement; a sweep loops until nothing due is left. */
const SWEEP_BATCH = 2000;
/** Abandoned sends recovered per sweep. */
const RECOVERY_BATCH = 1000;
/** Enrolling launches whose enrollment is queued again per sweep (oldest first). */
const ENROLLING_BATCH = 500;
/** Workers silent this long are forgotten (whatever they held was recovered long before). */
const FORGET_WORKERS_AFTER_MS = 24 * 3_600_000;

/**
 * The safety net under the queue, run by every worker with the sweep role:
 * - queues steps due soon that are not queued (never queued, or queued long ago and still
 *   not done), so Redis holds no future work and a lost job costs a delay, never a step;
 * - notices a Redis that lost its queues (QueueStateMarker) and queues everything again;
 * - recovers what workers that stopped beating held: their claims are released for others
 *   at once, and their sends already handed to SMTP are counted uncertain (never repeated);
 * - queues again the enrollment of every launch still enrolling (a process that wrote a launch
 *   and stopped before queueing it leaves it with no job); the job id is the launch's, so this
 *   adds nothing while its job exists, and enrolling twice inserts nobody twice;
 * - closes finished launches.
 */
@Injectable()
export class SweepService {
  private readonly logger = new Logger(SweepService.name);
  private readonly health = new SweepHealth();

  constructor(
    private readonly enrollments: EnrollmentsRepository,
    private readonly ledger: SendLedgerRepository,
    private readonly launches: RunningLaunchesRepository,
    private readonly profiles: SendProfiles,
    private readonly queue: SendQueue,
    private readonly marker: QueueStateMarker,
    private readonly fleet: FleetService,
    private readonly clock: Clock,
    private readonly config: AppConfig,
    private readonly transactions: Transactions,
    private readonly webhooks: WebhookDispatcher,
    @InjectQueue(QueueName.Enroll) private readonly enrollQueue: Queue,
  ) {}

  sweep(): Promise<SweepResult> {
    return this.health.track(() => this.run());
  }

  private async run(): Promise<SweepResult> {
    const now = this.clock.now();
    const requeuedAfterLoss = (await this.marker.lost()) ? await this.enrollments.unqueueAllForSystem() : 0;
    if (requeuedAfterLoss)
      this.logger.warn(`Redis lost its queues: ${requeuedAfterLoss} queued steps are queued again`);
    // Judging others dead takes a sweeper that has itself been up for two heartbeats: after a
    // Postgres outage every worker missed beats, and must have a chance to beat again first.
    const settled = this.health.settled(this.fleet.deadAfterMs);
    const released = settled ? await this.ledger.releaseClaimsOfDeadForSystem(this.fleet.deadAfterMs) : 0;
    const abandoned = settled ? await this.recoverAbandoned(now) : 0;
    // A worker died holding work: what it queued in the instant before may have no job.
    const requeuedAfterDeath = released || abandoned ? await this.enrollments.unqueueDueForSystem(now) : 0;
    if (requeuedAfterDeath) this.logger.warn(`A worker stopped: ${requeuedAfterDeath} queued steps are queued again`);
    let queued = 0;
    for (;;) {
      const due = await this.enrollments.claimDueForSystem(
        now,
        new Date(now.getTime() + this.config.queueHorizonMs),
        new Date(now.getTime() - this.config.requeueAfterMs),
        SWEEP_BATCH,
      );
      await this.queue.enqueue(due, now);
      queued += due.length;
      if (due.length < SWEEP_BATCH) break;
    }
    const enrollingRequeued = await this.requeueEnrolling();
    const completed = await this.transactions.run(async (tx) => {
      const ids = await this.launches.completeFinishedForSystem(tx);
      return { ids, deliveries: await this.webhooks.recordCompletedLaunchesForSystem(ids, now, tx) };
    });
    await this.webhooks.dispatch(completed.deliveries);
    const completedLaunches = completed.ids.length;
    if (settled) await this.fleet.forgetSilent(FORGET_WORKERS_AFTER_MS);
    if (queued || released || abandoned)
      this.logger.log(
        `Swept: ${queued} steps queued; from stopped workers ${released} claims released, ${abandoned} handed sends counted uncertain`,
      );
    return { queued, released, abandoned, requeuedAfterLoss, completedLaunches, enrollingRequeued };
  }

  /**
   * Launches still enrolling get their enrollment job again, under its deterministic id: BullMQ
   * ignores an add whose id it holds (waiting, running, or kept after it ended), so only a launch
   * whose job was never queued, or was lost with Redis, gets a new one.
   */
  private async requeueEnrolling(): Promise<number> {
    const ids = await this.launches.enrollingForSystem(ENROLLING_BATCH);
    for (const launchId of ids) {
      const job: EnrollLaunchJob = { launchId };
      await this.enrollQueue.add(JobName.EnrollLaunch, job, jobOptions[JobName.EnrollLaunch](launchId));
    }
    return ids.length;
  }

  /** Sends whose worker stopped after handing them to SMTP: counted uncertain, the enrollment moves on. */
  private async recoverAbandoned(now: Date): Promise<number> {
    const stale = await this.ledger.abandonedHandedForSystem(this.fleet.deadAfterMs, RECOVERY_BATCH);
    if (!stale.length) return 0;
    const contexts = await this.enrollments.contextsForSystem(stale.map((s) => s.enrollmentId));
    const finishes: FinishInput[] = [];
    for (const [i, send] of stale.entries()) {
      const ctx = contexts[i];
      const sequence = ctx && (await this.profiles.content(ctx.campaignVersionId))?.sequence;
      const at = send.handedAt ?? now;
      // An enrollment that moved on (or vanished) keeps its place; the send is still recorded.
      const to =
        ctx && sequence && ctx.nextStep === send.step
          ? nextStep(sequence, send.step, at, ctx.zone, now, this.config.queueHorizonMs)
          : { nextStep: send.step + 1, nextDueAt: null, status: 'exited' as const, queuedAt: null };
      finishes.push({
        sendId: send.sendId,
        outcome: 'uncertain',
        at,
        response: 'worker stopped after handing the message to SMTP',
        enrollmentId: send.enrollmentId,
        step: send.step,
        to,
      });
    }
    const moved = await this.ledger.finishManyForSystem(finishes);
    const next = finishes
      .filter((f, i) => moved[i] && f.to.queuedAt && f.to.nextDueAt)
      .map((f) => ({ id: f.enrollmentId, step: f.to.nextStep, due: f.to.nextDueAt! }));
    await this.queue.enqueue(next, now);
    return stale.length;
  }
}
