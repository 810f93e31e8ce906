import { InjectQueue } from '@nestjs/bullmq';
import { Injectable, Logger } from '@nestjs/common';
import { availabilityProblem } from '@tcma/campaigns';
import { Clock } from '@tcma/clock';
import { jobOptions, JobName, NotifyPendingLaunchJob, QueueName, traced } from '@tcma/queue';
import { Queue } from 'bullmq';
import { PendingLaunchOffersRepository } from './pending-launch-offers.repository';

export interface FanOutResult {
  /** New open pending launches (each with its notification queued). */
  offered: number;
  /** Why nothing was offered, when nothing was. */
  skipped?: 'not_found' | 'unavailable';
}

/** Notification jobs queued per round trip to Redis. */
const NOTIFY_BATCH = 1000;

/**
 * Offers a published version to every subscriber of the programmes holding its campaign: the
 * pending launches in one statement, then one notification job each. Running it twice (the
 * publish handled twice, two workers racing, the sweep re-offering) creates nothing new.
 */
@Injectable()
export class ProgrammeFanoutService {
  private readonly logger = new Logger(ProgrammeFanoutService.name);

  constructor(
    @InjectQueue(QueueName.Programmes) private readonly queue: Queue,
    private readonly offers: PendingLaunchOffersRepository,
    private readonly clock: Clock,
  ) {}

  async fanOut(campaignVersionId: string): Promise<FanOutResult> {
    const now = this.clock.now();
    const campaign = await this.offers.campaignOfVersionForSystem(campaignVersionId);
    if (!campaign || campaign.status !== 'published') return { offered: 0, skipped: 'not_found' };
    // Outside its catalogue dates: the sweep offers it when it becomes available.
    if (availabilityProblem(campaign, now)) return { offered: 0, skipped: 'unavailable' };
    const ids = await this.offers.fanOutForSystem(campaignVersionId, now);
    for (let i = 0; i < ids.length; i += NOTIFY_BATCH) {
      await this.queue.addBulk(
        ids.slice(i, i + NOTIFY_BATCH).map((pendingLaunchId) => {
          const data: NotifyPendingLaunchJob = traced({ pendingLaunchId });
          return {
            name: JobName.NotifyPendingLaunch,
            data,
            opts: jobOptions[JobName.NotifyPendingLaunch](pendingLaunchId),
          };
        }),
      );
    }
    if (ids.length) this.logger.log(`Version ${campaignVersionId}: offered to ${ids.length} subscribers`);
    return { offered: ids.length };
  }
}
