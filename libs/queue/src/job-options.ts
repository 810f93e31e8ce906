import type { JobsOptions } from 'bullmq';
import { JobName } from './jobs';

/** Failed jobs stay a week: the queue dashboard shows them, and an operator can see why they failed. */
const KEEP_FAILED_A_WEEK = { age: 7 * 86_400 };

/**
 * Work a database hiccup (a restart, a lost connection, a full pool) may fail: five tries, the
 * waits doubling from 5 s (5, 10, 20, 40 s), so about a minute and a quarter of outage is ridden
 * out. A finished job is forgotten at once: Postgres records what it did.
 */
const RIDE_OUT_DATABASE_HICCUPS: JobsOptions = {
  attempts: 5,
  backoff: { type: 'exponential', delay: 5_000 },
  removeOnComplete: true,
  removeOnFail: KEEP_FAILED_A_WEEK,
};

/**
 * One try per job: retries are a ledger's to decide (the send ledger's per step, the social
 * ledger's per delivery), and a failed job's work is found again by its sweep.
 */
const LEDGER_DECIDES_RETRIES: JobsOptions = {
  attempts: 1,
  removeOnComplete: true,
  removeOnFail: KEEP_FAILED_A_WEEK,
};

/**
 * One try (asking again retries a failed render); finished jobs are kept an hour so whoever waits
 * for one finds its result.
 */
const RENDER_ONCE: JobsOptions = {
  attempts: 1,
  removeOnComplete: { age: 3600, count: 1000 },
  removeOnFail: { age: 3600 },
};

/**
 * Attempts per webhook delivery. With WEBHOOK_RETRY_BASE_MS at 30 s doubling, the last retry
 * comes about 17 hours after the first attempt (30 s × (2¹¹ − 1)): a receiver down for most of a
 * day still gets its events. Delivered jobs are kept a day (at most 10,000) for the dashboard.
 */
const WEBHOOK_MAX_ATTEMPTS = 12;
const webhookRetries = (retryBaseMs: number): JobsOptions => ({
  attempts: WEBHOOK_MAX_ATTEMPTS,
  backoff: { type: 'exponential', delay: retryBaseMs },
  removeOnComplete: { age: 86_400, count: 10_000 },
  removeOnFail: KEEP_FAILED_A_WEEK,
});

/**
 * The options of every job type, in one place: how often it is tried, how long between tries,
 * how long it stays in Redis once finished or failed, and its id. Ids are deterministic where
 * queueing the same work twice must queue it once (immich's getJobOptions): a publish handled
 * twice, a sweep re-offering a version, a render asked for twice.
 */
export const jobOptions = {
  [JobName.RenderAsset]: (renderKey: string): JobsOptions => ({ jobId: renderKey, ...RENDER_ONCE }),
  /** The import retries only a transient database failure; anything else fails it at once (ImportRunnerService). */
  [JobName.ImportProspects]: (importId: string): JobsOptions => ({
    ...RIDE_OUT_DATABASE_HICCUPS,
    jobId: `import-${importId}`,
  }),
  [JobName.EnrollLaunch]: (launchId: string): JobsOptions => ({
    jobId: `enroll-${launchId}`,
    ...RIDE_OUT_DATABASE_HICCUPS,
  }),
  /** Steps due at about the same time travel in one job, run when the last of them is due. */
  [JobName.SendSteps]: (delayMs: number): JobsOptions => ({ delay: delayMs, ...LEDGER_DECIDES_RETRIES }),
  /** A replay is a new job of the same delivery (its own id), so a finished one does not hide it. */
  [JobName.DeliverWebhook]: (jobId: string, retryBaseMs: number): JobsOptions => ({
    jobId,
    ...webhookRetries(retryBaseMs),
  }),
  /**
   * Deliveries' first tries together (their ids' digest is the job's id, so queueing the same
   * ones twice queues them once). The job itself is tried again only when the database failed it:
   * a delivery that was not delivered left as a job of its own (webhookAfterFirstTry). Finished
   * ones are kept a day (at most 10,000) for the dashboard, as a single delivery's are.
   */
  [JobName.DeliverWebhooks]: (jobId: string): JobsOptions => ({
    jobId,
    ...RIDE_OUT_DATABASE_HICCUPS,
    removeOnComplete: { age: 86_400, count: 10_000 },
  }),
  [JobName.FanOutProgrammeVersion]: (campaignVersionId: string): JobsOptions => ({
    ...RIDE_OUT_DATABASE_HICCUPS,
    jobId: `fan-out-${campaignVersionId}`,
  }),
  [JobName.NotifyPendingLaunch]: (pendingLaunchId: string): JobsOptions => ({
    ...RIDE_OUT_DATABASE_HICCUPS,
    jobId: `notify-${pendingLaunchId}`,
  }),
  /** The id carries the delivery's attempt count: the sweep queueing the same attempt twice queues it once. */
  [JobName.PublishSocialPost]: (deliveryId: string, attempts: number): JobsOptions => ({
    jobId: `social-${deliveryId}-${attempts}`,
    ...LEDGER_DECIDES_RETRIES,
  }),
  /** As social posts: the CRM ledger decides retries; the id carries the row's tries. */
  [JobName.SyncCrmRecord]: (recordId: string, attempts: number): JobsOptions => ({
    jobId: `crm-${recordId}-${attempts}`,
    ...LEDGER_DECIDES_RETRIES,
  }),
  /** As a record's: the activities ledger decides retries. */
  [JobName.SyncCrmActivity]: (activityId: string, attempts: number): JobsOptions => ({
    jobId: `crm-activity-${activityId}-${attempts}`,
    ...LEDGER_DECIDES_RETRIES,
  }),
  /**
   * Once per lead; a notice whose database or mail server hiccups is tried again (a user told
   * twice at worst). Sent ones are kept a day (at most 10,000) for the dashboard, as deliveries are.
   */
  [JobName.NotifyLead]: (leadId: string): JobsOptions => ({
    ...RIDE_OUT_DATABASE_HICCUPS,
    removeOnComplete: { age: 86_400, count: 10_000 },
    jobId: `lead-notice-${leadId}`,
  }),
} satisfies Record<JobName, (...args: never[]) => JobsOptions>;

/**
 * A delivery whose first try, in the DeliverWebhooks job `batchJobId`, did not deliver it: as its
 * own job from then on, with the retries it has left, each wait as a DeliverWebhook job's would
 * have been (`retry`: the first after the base wait, then doubling), or (`busy`: its endpoint was
 * busy, so that try did not count) all its tries after `delayMs`. The id names the batch job, so
 * that job run twice leaves one, and a later replay's batch a new one.
 */
export function webhookAfterFirstTry(
  deliveryId: string,
  batchJobId: string,
  retryBaseMs: number,
  outcome: { kind: 'retry' } | { kind: 'busy'; delayMs: number },
): JobsOptions {
  const options = jobOptions[JobName.DeliverWebhook](`${deliveryId}-after-${batchJobId}`, retryBaseMs);
  if (outcome.kind === 'busy') return { ...options, delay: outcome.delayMs };
  return {
    ...options,
    attempts: WEBHOOK_MAX_ATTEMPTS - 1,
    delay: retryBaseMs,
    backoff: { type: 'exponential', delay: 2 * retryBaseMs },
  };
}
