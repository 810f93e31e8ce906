import { InjectQueue } from '@nestjs/bullmq';
import { Injectable } from '@nestjs/common';
import { AppConfig } from '@tcma/config';
import { jobOptions, JobName, PublishSocialPostJob, QueueName, RedisClient, traced } from '@tcma/queue';
import { Queue } from 'bullmq';
import { randomUUID } from 'node:crypto';

/**
 * Puts social deliveries into the social queue, one job each. The job id is the delivery and its
 * attempt count, so the sweep queueing it twice queues it once; the ledger's claim decides anyway.
 */
@Injectable()
export class SocialQueue {
  private readonly markerKey: string;

  constructor(
    @InjectQueue(QueueName.Social) private readonly queue: Queue<PublishSocialPostJob>,
    private readonly redis: RedisClient,
    config: AppConfig,
  ) {
    this.markerKey = `${config.queuePrefix}:social-queue-epoch`;
  }

  async enqueue(items: Array<{ id: string; attempts: number }>): Promise<void> {
    if (!items.length) return;
    await this.queue.addBulk(
      items.map((d) => ({
        name: JobName.PublishSocialPost,
        data: traced({ deliveryId: d.id }),
        // Retries are the ledger's (publish-outcome.ts); a failed job's delivery is found again by the sweep.
        opts: jobOptions[JobName.PublishSocialPost](d.id, d.attempts),
      })),
    );
  }

  /**
   * True when Redis lost the social queue's jobs (a marker beside them vanished): the caller
   * forgets what was queued, so it is queued again at once.
   */
  async lost(): Promise<boolean> {
    return (await this.redis.redis.set(this.markerKey, randomUUID(), 'NX')) === 'OK';
  }
}
