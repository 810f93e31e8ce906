import { Injectable, Logger } from '@nestjs/common';
import { Clock } from '@tcma/clock';
import { AppConfig } from '@tcma/config';
import { EnrollmentsRepository } from './enrollments.repository';
import { LaunchesRepository } from './launches.repository';
import { nextStep } from './next-step';
import { SendLedgerRepository } from './send-ledger.repository';
import { SendProfiles } from './send-profiles';
import { SendQueue } from './send-queue';

export interface SweepResult {
  queued: number;
  abandoned: number;
  completedLaunches: number;
}

/** Enrollments claimed per statement; a sweep loops until nothing due is left. */
const SWEEP_BATCH = 2000;

/**
 * The safety net under the queue: finds steps due soon that are not queued (never queued,
 * or queued long ago and still not done: a worker died, Redis lost its data) and queues
 * them; turns sends abandoned after being handed to SMTP into "uncertain"; closes finished
 * launches. Only steps due within the horizon go to Redis, so Redis holds no future work.
 */
@Injectable()
export class SweepService {
  private readonly logger = new Logger(SweepService.name);

  constructor(
    private readonly enrollments: EnrollmentsRepository,
    private readonly ledger: SendLedgerRepository,
    private readonly launches: LaunchesRepository,
    private readonly profiles: SendProfiles,
    private readonly queue: SendQueue,
    private readonly clock: Clock,
    private readonly config: AppConfig,
  ) {}

  async sweep(): Promise<SweepResult> {
    const now = this.clock.now();
    const abandoned = await this.recoverAbandoned(now);
    let queued = 0;
    for (;;) {
      const due = await this.enrollments.claimDue(now, new Date(now.getTime() + this.config.queueHorizonMs), new Date(now.getTime() - this.config.requeueAfterMs), SWEEP_BATCH);
      await this.queue.enqueue(due, now);
      queued += due.length;
      if (due.length < SWEEP_BATCH) break;
    }
    const completedLaunches = await this.launches.completeFinished();
    if (queued || abandoned) this.logger.log(`Swept: ${queued} steps queued, ${abandoned} abandoned sends counted uncertain`);
    return { queued, abandoned, completedLaunches };
  }

  /** Sends whose worker vanished after handing them to SMTP: counted uncertain, the enrollment moves on. */
  private async recoverAbandoned(now: Date): Promise<number> {
    const stale = await this.ledger.takeAbandonedHanded(now, 1000);
    for (const send of stale) {
      const ctx = await this.enrollments.context(send.enrollmentId);
      const sequence = ctx && (await this.profiles.content(ctx.campaignVersionId))?.sequence;
      if (!ctx || !sequence || ctx.nextStep !== send.step) continue;
      const at = send.handedAt ?? now;
      await this.enrollments.advance(send.enrollmentId, send.step, nextStep(sequence, send.step, at, ctx.zone, now, this.config.queueHorizonMs), at);
    }
    return stale.length;
  }
}
