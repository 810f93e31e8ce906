import { Logger } from '@nestjs/common';
import { runWithRequestId } from '@tcma/logging';
import type { TracedJob } from '@tcma/queue';
import type { Job } from 'bullmq';

const logger = new Logger('Jobs');

/**
 * Runs a job's work in its own log context: every line it writes carries the queue, the job id
 * and, when a request queued it (directly or through other jobs), that request's id; the jobs
 * it queues in turn carry the same id.
 */
export async function inJobContext<T>(job: Job<TracedJob>, work: () => Promise<T>): Promise<T> {
  return runWithRequestId(
    job.data?.requestId,
    async () => {
      const started = Date.now();
      const result = await work();
      logger.debug(`${job.name} job ${job.id} done in ${Date.now() - started} ms`);
      return result;
    },
    { queue: job.queueName, jobId: job.id },
  );
}
