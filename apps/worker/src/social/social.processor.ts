import { Processor, WorkerHost } from '@nestjs/bullmq';
import { JobName, PublishSocialPostJob, QueueName } from '@tcma/queue';
import { SocialPublisher } from '@tcma/social-posts';
import { Job, UnrecoverableError } from 'bullmq';
import { inJobContext } from '../jobs/job-context';
import { JobHandler } from '../jobs/job-handler';

/** Social posts published at once per worker (each is a few slow calls to a network, and one image render). */
export const SOCIAL_CONCURRENCY = 4;

/**
 * Publishing social posts, run by the send role. A job names one ledger row; the publisher
 * claims it before calling the network, so a duplicate or stale job does nothing.
 */
@Processor(QueueName.Social, { concurrency: SOCIAL_CONCURRENCY })
export class SocialProcessor extends WorkerHost implements JobHandler {
  readonly queue = QueueName.Social;
  readonly jobNames = [JobName.PublishSocialPost] as const;

  constructor(private readonly publisher: SocialPublisher) {
    super();
  }

  process(job: Job<PublishSocialPostJob>): Promise<unknown> {
    return inJobContext(job, () => {
      if (job.name !== JobName.PublishSocialPost) throw new UnrecoverableError(`Unknown job ${job.name}`);
      return this.publisher.publish(job.data.deliveryId);
    });
  }
}
