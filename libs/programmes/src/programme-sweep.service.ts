import { InjectQueue } from '@nestjs/bullmq';
import { Injectable, Logger } from '@nestjs/common';
import { Clock } from '@tcma/clock';
import { AppConfig } from '@tcma/config';
import { PartnerScope } from '@tcma/persistence';
import { FanOutProgrammeVersionJob, jobOptions, JobName, QueueName } from '@tcma/queue';
import { Queue } from 'bullmq';
import { PendingLaunchOffersRepository } from './pending-launch-offers.repository';
import { PendingLaunchesRepository } from './pending-launches.repository';
import { PendingLaunchStarter } from './pending-launch-starter.service';
import { SubscriptionsRepository } from './subscriptions.repository';

/** Pending launches started per statement; a sweep loops until none is due. */
const START_BATCH = 200;
/** Pending launches an older engine left started without a launch, finished per sweep. */
const STRANDED_BATCH = 200;
/** Versions published or made available this recently and never offered are offered by the sweep. */
const REOFFER_WITHIN_MS = 24 * 3_600_000;

export interface ProgrammeSweepResult {
  reoffered: number;
  /** Started without a launch by an older engine: linked to the launch it wrote, or opened again to start now. */
  stranded: { linked: number; reopened: number };
  started: number;
  waiting: number;
}

/**
 * The programmes' sweep (the sweep role, at the injected clock's time): starts every pending
 * launch whose review period is over (or checks again one waiting for readiness), and queues
 * the offer of versions that were never offered (a lost job, a campaign that became available).
 * First it finishes what an engine older than the one-transaction start left marked started
 * without a launch: the reopened ones are due now, so this same sweep starts them.
 */
@Injectable()
export class ProgrammeSweepService {
  private readonly logger = new Logger(ProgrammeSweepService.name);

  constructor(
    @InjectQueue(QueueName.Programmes) private readonly queue: Queue,
    private readonly pending: PendingLaunchesRepository,
    private readonly offers: PendingLaunchOffersRepository,
    private readonly subscriptions: SubscriptionsRepository,
    private readonly starter: PendingLaunchStarter,
    private readonly clock: Clock,
    private readonly config: AppConfig,
  ) {}

  async sweep(): Promise<ProgrammeSweepResult> {
    const now = this.clock.now();
    const stranded = await this.pending.finishStrandedForSystem(now, STRANDED_BATCH);
    if (stranded.linked || stranded.reopened)
      this.logger.warn(
        `Programmes: ${stranded.reopened} pending launches marked started without a launch opened again, ${stranded.linked} linked to their launch`,
      );
    const versions = await this.offers.versionsToOfferForSystem(now, REOFFER_WITHIN_MS);
    for (const campaignVersionId of versions) {
      const job: FanOutProgrammeVersionJob = { campaignVersionId };
      await this.queue.add(
        JobName.FanOutProgrammeVersion,
        job,
        jobOptions[JobName.FanOutProgrammeVersion](campaignVersionId),
      );
    }
    let started = 0;
    let waiting = 0;
    for (;;) {
      const due = await this.pending.claimDueForSystem(now, this.config.programmeStartLeaseMs, START_BATCH);
      for (const id of due) {
        const outcome = await this.startOne(id).catch((e: Error) => {
          this.logger.error(`Pending launch ${id} failed to start: ${e.message}`, e.stack);
          return null;
        });
        if (outcome === 'started') started++;
        if (outcome === 'waiting') waiting++;
      }
      if (due.length < START_BATCH) break;
    }
    if (started || waiting)
      this.logger.log(
        `Programmes: ${started} pending launches started, ${waiting} waiting for the partner's brand kit`,
      );
    return { reoffered: versions.length, stranded, started, waiting };
  }

  /** Starts one due pending launch in the name of its subscriber. */
  private async startOne(id: string): Promise<string> {
    const pl = await this.pending.findForSystem(id);
    if (!pl) return 'gone';
    const subscription = await this.subscriptions.findForSystem(pl.subscriptionId);
    const user = await this.pending.actingUser(
      new PartnerScope(pl.vendorId, pl.partnerId),
      subscription?.createdBy ?? null,
    );
    // No one left to act as: it waits (an hour at a time) for the partner to have a user again.
    if (!user) return 'no_user';
    const outcome = await this.starter.start(
      pl,
      { userId: user.id, vendorId: pl.vendorId, partnerId: pl.partnerId, role: user.role },
      'system',
      null,
    );
    return outcome.outcome;
  }
}
