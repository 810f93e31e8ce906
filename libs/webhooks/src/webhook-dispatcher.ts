import { InjectQueue } from '@nestjs/bullmq';
import { Injectable, Logger } from '@nestjs/common';
import { AppConfig } from '@tcma/config';
import { EventType, PartnerScope, Tx, WebhookEventType } from '@tcma/persistence';
import {
  DeliverWebhookJob,
  DeliverWebhooksJob,
  jobOptions,
  JobName,
  QueueName,
  traced,
  webhookAfterFirstTry,
} from '@tcma/queue';
import { Queue } from 'bullmq';
import { createHash, randomUUID } from 'node:crypto';
import { WEBHOOK_DELIVERIES_PER_JOB } from './endpoint-gate';
import { WebhooksRepository } from './webhooks.repository';

/**
 * Which of the engine's recorded events a webhook carries, and as what: a send accepted by the
 * server is `sent` (outcome `accepted`), one handed over whose answer was lost is `sent` too
 * (outcome `uncertain`). `unsubscribed`, `form_submitted` and the lead events are recorded
 * where they happen, not from the events table. Machine clicks are left out by the caller.
 */
export const EVENT_WEBHOOKS: Partial<Record<EventType, { type: WebhookEventType; outcome: string | null }>> = {
  accepted: { type: 'sent', outcome: 'accepted' },
  sent: { type: 'sent', outcome: 'uncertain' },
  bounced: { type: 'bounced', outcome: null },
  clicked: { type: 'clicked', outcome: null },
  converted: { type: 'converted', outcome: null },
};

/**
 * Events become deliveries in the transaction that made them (so none is lost and none is
 * sent for something rolled back), and jobs once it has committed. Each job's id is its
 * delivery's, so queueing twice is harmless.
 */
@Injectable()
export class WebhookDispatcher {
  private readonly logger = new Logger(WebhookDispatcher.name);

  constructor(
    private readonly webhooks: WebhooksRepository,
    @InjectQueue(QueueName.Webhooks) private readonly queue: Queue,
    private readonly config: AppConfig,
  ) {}

  /** The event's deliveries, in the caller's transaction. Payloads follow Standard Webhooks: { type, timestamp, data }. */
  record(
    scope: PartnerScope,
    type: WebhookEventType,
    data: Record<string, unknown>,
    at: Date,
    personal: boolean,
    tx?: Tx,
  ): Promise<string[]> {
    return this.recordMany(scope, type, [{ data, at }], personal, tx);
  }

  /** Several events of one type, their deliveries in one statement (a batch of form submissions). */
  recordMany(
    scope: PartnerScope,
    type: WebhookEventType,
    events: Array<{ data: Record<string, unknown>; at: Date }>,
    personal: boolean,
    tx?: Tx,
  ): Promise<string[]> {
    const payloads = events.map(({ data, at }) => ({ type, timestamp: at.toISOString(), data }));
    return this.webhooks.enqueue(scope, type, payloads, personal, tx);
  }

  /** Deliveries of judged events (EVENT_WEBHOOKS), in the judging transaction. */
  recordEventsForSystem(events: Array<{ id: string; type: EventType }>, tx: Tx): Promise<string[]> {
    return this.webhooks.enqueueForEventsForSystem(
      events.flatMap((e) => {
        const hook = EVENT_WEBHOOKS[e.type];
        return hook ? [{ eventId: e.id, ...hook }] : [];
      }),
      tx,
    );
  }

  /**
   * A partner turned private: its deliveries of events naming a person (PERSONAL_WEBHOOK_EVENTS)
   * to the vendor's own endpoints are deleted, attempts with them, in the caller's transaction,
   * as if the partner had been private when they happened (none is made then). Answers how many.
   */
  forgetPeopleSentToVendor(scope: PartnerScope, tx: Tx): Promise<number> {
    return this.webhooks.deletePersonalDeliveriesToVendor(scope, tx);
  }

  /** `launch_completed` deliveries, in the transaction that completed the launches. */
  recordCompletedLaunchesForSystem(launchIds: string[], at: Date, tx: Tx): Promise<string[]> {
    return this.webhooks.enqueueForCompletedLaunchesForSystem(launchIds, at, tx);
  }

  /**
   * After commit. Several deliveries go in jobs of up to WEBHOOK_DELIVERIES_PER_JOB (their first
   * tries together), one alone in a job of its own. A replay's jobs have ids of their own, so a
   * finished job of the same deliveries does not hide them. A failure to queue is logged: the
   * delivery stays pending and can be replayed.
   */
  async dispatch(deliveryIds: string[], replay = false): Promise<void> {
    if (!deliveryIds.length) return;
    try {
      await this.queue.addBulk(
        chunks(deliveryIds, WEBHOOK_DELIVERIES_PER_JOB).map((ids) =>
          ids.length === 1 ? this.single(ids[0], replay) : this.together(ids, replay),
        ),
      );
    } catch (e) {
      this.logger.error(
        `Could not queue ${deliveryIds.length} webhook deliveries (they stay pending; replay them): ${(e as Error).message}`,
      );
    }
  }

  /**
   * A delivery of the DeliverWebhooks job `batchJobId` that its first try did not deliver, as a
   * job of its own (webhookAfterFirstTry). Throws when it cannot be queued: the batch job is then
   * tried again.
   */
  async again(
    deliveryId: string,
    batchJobId: string,
    outcome: { kind: 'retry' } | { kind: 'busy'; delayMs: number },
  ): Promise<void> {
    await this.queue.add(
      JobName.DeliverWebhook,
      traced({ deliveryId, ...(outcome.kind === 'busy' ? { busy: 1 } : {}) }) satisfies DeliverWebhookJob,
      webhookAfterFirstTry(deliveryId, batchJobId, this.config.webhookRetryBaseMs, outcome),
    );
  }

  private single(deliveryId: string, replay: boolean) {
    return {
      name: JobName.DeliverWebhook,
      data: traced({ deliveryId }) satisfies DeliverWebhookJob,
      opts: jobOptions[JobName.DeliverWebhook](
        replay ? `${deliveryId}-replay-${randomUUID()}` : deliveryId,
        this.config.webhookRetryBaseMs,
      ),
    };
  }

  private together(deliveryIds: string[], replay: boolean) {
    const digest = createHash('sha256').update(deliveryIds.join(',')).digest('base64url').slice(0, 32);
    return {
      name: JobName.DeliverWebhooks,
      data: traced({ deliveryIds }) satisfies DeliverWebhooksJob,
      opts: jobOptions[JobName.DeliverWebhooks](`deliveries-${digest}${replay ? `-replay-${randomUUID()}` : ''}`),
    };
  }
}

function chunks<T>(items: T[], size: number): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}
