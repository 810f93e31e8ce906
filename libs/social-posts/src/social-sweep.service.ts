import { Injectable, Logger } from '@nestjs/common';
import { Clock } from '@tcma/clock';
import { AppConfig } from '@tcma/config';
import { FleetService, SweepHealth, WORKER_ID } from '@tcma/fleet';
import { SocialPublisher } from './social-publisher.service';
import { SocialDeliveriesRepository } from './social-deliveries.repository';
import { SocialQueue } from './social-queue';

export interface SocialSweepResult {
  queued: number;
  settled: number;
  requeuedAfterLoss: number;
}

/** Deliveries queued per statement; a sweep loops until nothing due is left. */
const SWEEP_BATCH = 500;
/** Deliveries checked with the networks per sweep (each is one API call). */
const SETTLE_BATCH = 50;
/**
 * A delivery publishing for longer than this is taken as abandoned even if its worker still
 * beats (a call hung past every time limit): longer than the three calls of a LinkedIn post.
 */
export const STALE_PUBLISHING_MS = 10 * 60_000;

/**
 * The social posts' safety net, run by the sweep role: queues the deliveries that are due (the
 * due time lives in Postgres, Redis only holds what is due now), queues everything again when
 * Redis lost its queues, and settles uncertain deliveries and those of workers that died
 * mid-publish by asking the network (SocialPublisher.settle), never by posting again.
 */
@Injectable()
export class SocialSweepService {
  private readonly logger = new Logger(SocialSweepService.name);
  private readonly health = new SweepHealth();

  constructor(
    private readonly deliveries: SocialDeliveriesRepository,
    private readonly queue: SocialQueue,
    private readonly publisher: SocialPublisher,
    private readonly fleet: FleetService,
    private readonly clock: Clock,
    private readonly config: AppConfig,
  ) {}

  sweep(): Promise<SocialSweepResult> {
    return this.health.track(() => this.run());
  }

  private async run(): Promise<SocialSweepResult> {
    const now = this.clock.now();
    const requeuedAfterLoss = (await this.queue.lost()) ? await this.deliveries.unqueueAllForSystem() : 0;
    if (requeuedAfterLoss)
      this.logger.warn(`Redis lost its queues: ${requeuedAfterLoss} social posts are queued again`);
    let queued = 0;
    for (;;) {
      const due = await this.deliveries.claimDueForSystem(
        now,
        new Date(now.getTime() - this.config.requeueAfterMs),
        SWEEP_BATCH,
      );
      await this.queue.enqueue(due);
      queued += due.length;
      if (due.length < SWEEP_BATCH) break;
    }
    // As the nurture sweep: judging others dead takes a sweeper that has itself been up for two
    // heartbeats (after a Postgres outage every worker missed beats and must beat again first).
    const judgeDead = this.health.settled(this.fleet.deadAfterMs);
    const toSettle = await this.deliveries.claimToSettleForSystem(
      WORKER_ID,
      now,
      judgeDead ? this.fleet.deadAfterMs : null,
      STALE_PUBLISHING_MS,
      SETTLE_BATCH,
    );
    for (const delivery of toSettle) await this.publisher.settle(delivery);
    if (queued || toSettle.length)
      this.logger.log(`Social sweep: ${queued} posts queued, ${toSettle.length} checked with their network`);
    return { queued, settled: toSettle.length, requeuedAfterLoss };
  }
}
