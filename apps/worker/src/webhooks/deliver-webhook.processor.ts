import { Processor, WorkerHost } from '@nestjs/bullmq';
import { Metrics } from '@tcma/metrics';
import { LeadNotices } from '@tcma/pages';
import { PartnerScope } from '@tcma/persistence';
import { DeliverWebhookJob, JobName, NotifyLeadJob, QueueName } from '@tcma/queue';
import { WebhookDeliveryService } from '@tcma/webhooks';
import { Job, UnrecoverableError } from 'bullmq';
import { inJobContext } from '../jobs/job-context';
import { JobHandler } from '../jobs/job-handler';

/** Deliveries in flight per worker: a slow receiver holds one slot for at most WEBHOOK_TIMEOUT_MS. */
export const WEBHOOK_CONCURRENCY = 16;

/**
 * The webhook role: a lead's news going out, to programs (webhook deliveries) and to people (the
 * partner's lead notices, NotifyLead). A delivery is one attempt per job run. A failed attempt throws so that BullMQ retries it
 * with exponential backoff (WEBHOOK_MAX_ATTEMPTS, WEBHOOK_RETRY_BASE_MS); a refused target
 * (private address) is not retried. Its own queue: a slow or dead receiver never delays sending.
 */
@Processor(QueueName.Webhooks, { concurrency: WEBHOOK_CONCURRENCY })
export class DeliverWebhookProcessor extends WorkerHost implements JobHandler {
  readonly queue = QueueName.Webhooks;
  readonly jobNames = [JobName.DeliverWebhook, JobName.NotifyLead] as const;

  constructor(
    private readonly deliveries: WebhookDeliveryService,
    private readonly leadNotices: LeadNotices,
    private readonly metrics: Metrics,
  ) {
    super();
  }

  async process(job: Job<DeliverWebhookJob | NotifyLeadJob>): Promise<string | number> {
    if (job.name === JobName.NotifyLead) {
      const { vendorId, partnerId, leadId } = job.data as NotifyLeadJob;
      return inJobContext(job, () => this.leadNotices.sendForLead(new PartnerScope(vendorId, partnerId), leadId));
    }
    if (job.name !== JobName.DeliverWebhook) throw new UnrecoverableError(`Unknown job ${job.name}`);
    return inJobContext(job, () => this.deliver(job as Job<DeliverWebhookJob>));
  }

  private async deliver(job: Job<DeliverWebhookJob>): Promise<string> {
    const last = job.attemptsMade + 1 >= (job.opts.attempts ?? 1);
    const outcome = await this.deliveries.deliver(job.data.deliveryId, last).catch((e: unknown) => {
      this.metrics.webhookDeliveries.inc({ outcome: 'error' });
      throw e;
    });
    this.metrics.webhookDeliveries.inc({ outcome });
    if (outcome === 'refused') throw new UnrecoverableError('The webhook target is a private address');
    if (outcome === 'retry') throw new Error('The receiver did not accept the delivery');
    return outcome;
  }
}
