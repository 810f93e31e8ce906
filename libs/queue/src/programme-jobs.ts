import type { JobsOptions } from 'bullmq';

/**
 * Job options of the programmes queue. Ids are deterministic, so queueing the same work twice
 * (a publish handled twice, the sweep re-offering a version) queues it once; the database's
 * unique key makes a repeat after completion harmless too.
 */
const RETRIES: JobsOptions = {
  attempts: 5,
  backoff: { type: 'exponential', delay: 5000 },
  removeOnComplete: true,
  removeOnFail: { age: 7 * 86_400 },
};

export const fanOutJobOptions = (campaignVersionId: string): JobsOptions => ({
  ...RETRIES,
  jobId: `fan-out-${campaignVersionId}`,
});
export const notifyJobOptions = (pendingLaunchId: string): JobsOptions => ({
  ...RETRIES,
  jobId: `notify-${pendingLaunchId}`,
});
