import { Processor, WorkerHost } from '@nestjs/bullmq';
import { Metrics } from '@tcma/metrics';
import { LeadNotices } from '@tcma/pages';
import { PartnerScope } from '@tcma/persistence';
import { DeliverWebhookJob, DeliverWebhooksJob, JobName, NotifyLeadJob, QueueName } from '@tcma/queue';
import { DeliveryOutcome, WEBHOOK_CONCURRENCY, WebhookDeliveryService, WebhookDispatcher } from '@tcma/webhooks';
import { DelayedError, Job, UnrecoverableError } from 'bullmq';
import { inJobContext } from '../jobs/job-context';
import { JobHandler } from '../jobs/job-handler';

/**
 * How long a delivery whose endpoint is slow and has its share in flight (EndpointGate) waits
 * before it comes up again: not an attempt (its attempts and backoff are untouched), doubled each
 * time up to WEBHOOK_BUSY_MAX_DELAY_MS and jittered, so a slow receiver's backlog costs the worker
 * a few looks a second rather than a spin.
 */
export const WEBHOOK_BUSY_DELAY_MS = 500;
export const WEBHOOK_BUSY_MAX_DELAY_MS = 10_000;

/**
 * The webhook role: a lead's news going out, to programs (webhook deliveries) and to people (the
 * partner's lead notices, NotifyLead). A delivery is one attempt per job run. A failed attempt throws so that BullMQ retries it
 * with exponential backoff (WEBHOOK_MAX_ATTEMPTS, WEBHOOK_RETRY_BASE_MS); a refused target
 * (private address) is not retried. Its own queue: a slow or dead receiver never delays sending.
 */
@Processor(QueueName.Webhooks, { concurrency: WEBHOOK_CONCURRENCY })
export class DeliverWebhookProcessor extends WorkerHost implements JobHandler {
  readonly queue = QueueName.Webhooks;
  readonly jobNames = [JobName.DeliverWebhook, JobName.DeliverWebhooks, JobName.NotifyLead] as const;

  constructor(
    private readonly deliveries: WebhookDeliveryService,
    private readonly dispatcher: WebhookDispatcher,
    private readonly leadNotices: LeadNotices,
    private readonly metrics: Metrics,
  ) {
    super();
  }

  async process(
    job: Job<DeliverWebhookJob | DeliverWebhooksJob | NotifyLeadJob>,
    token?: string,
  ): Promise<string | number> {
    if (job.name === JobName.NotifyLead) {
      const { vendorId, partnerId, leadId } = job.data as NotifyLeadJob;
      return inJobContext(job, () => this.leadNotices.sendForLead(new PartnerScope(vendorId, partnerId), leadId));
    }
    if (job.name === JobName.DeliverWebhooks)
      return inJobContext(job, () =>
        this.deliverTogether(String(job.id), (job.data as DeliverWebhooksJob).deliveryIds),
      );
    if (job.name !== JobName.DeliverWebhook) throw new UnrecoverableError(`Unknown job ${job.name}`);
    return inJobContext(job, () => this.deliver(job as Job<DeliverWebhookJob>, token));
  }

  private async deliver(job: Job<DeliverWebhookJob>, token: string | undefined): Promise<string> {
    const last = job.attemptsMade + 1 >= (job.opts.attempts ?? 1);
    const outcome = await this.attempt(job.data.deliveryId, last);
    if (outcome === 'busy') {
      // Back to the queue's delayed set, its attempts untouched: the slot goes to another endpoint's delivery.
      const busy = (job.data.busy ?? 0) + 1;
      const wait = busyWait(busy);
      await job.updateData({ ...job.data, busy });
      await job.moveToDelayed(Date.now() + wait, token);
      throw new DelayedError();
    }
    if (outcome === 'refused') throw new UnrecoverableError('The webhook target is a private address');
    if (outcome === 'retry') throw new Error('The receiver did not accept the delivery');
    return outcome;
  }

  /** One try of a delivery, counted by its outcome (`error` when it threw). */
  private async attempt(deliveryId: string, last: boolean): Promise<DeliveryOutcome> {
    const outcome = await this.deliveries.deliver(deliveryId, last).catch((e: unknown) => {
      this.metrics.webhookDeliveries.inc({ outcome: 'error' });
      throw e;
    });
    this.metrics.webhookDeliveries.inc({ outcome });
    return outcome;
  }

  /**
   * First tries of deliveries made together, all at once (EndpointGate bounds what goes out); one
   * not delivered goes on as a job of its own (retried, or tried again when its endpoint is less
   * busy). A failure of the database fails the job: it is run again, and what was delivered meanwhile is
   * `gone` then, never sent twice.
   */
  private async deliverTogether(jobId: string, deliveryIds: string[]): Promise<string> {
    const settled = await Promise.allSettled(
      deliveryIds.map(async (deliveryId) => {
        const outcome = await this.attempt(deliveryId, false);
        if (outcome === 'busy') await this.dispatcher.again(deliveryId, jobId, { kind: 'busy', delayMs: busyWait(1) });
        if (outcome === 'retry') await this.dispatcher.again(deliveryId, jobId, { kind: 'retry' });
        return outcome;
      }),
    );
    // Each settled first (none left in flight behind a failed job), then the first failure fails the job.
    const failed = settled.find((s) => s.status === 'rejected');
    if (failed) throw failed.reason;
    const outcomes = settled.map((s) => (s as PromiseFulfilledResult<DeliveryOutcome>).value);
    const counts = new Map<string, number>();
    for (const outcome of outcomes) counts.set(outcome, (counts.get(outcome) ?? 0) + 1);
    return [...counts].map(([outcome, n]) => `${n} ${outcome}`).join(', ');
  }
}

/** The wait of a delivery whose endpoint was busy `times` times in a row: doubling, capped, jittered. */
function busyWait(times: number): number {
  return Math.min(WEBHOOK_BUSY_MAX_DELAY_MS, WEBHOOK_BUSY_DELAY_MS * 2 ** (times - 1)) * (0.5 + Math.random());
}
