import { Processor, WorkerHost } from '@nestjs/bullmq';
import { OnModuleInit } from '@nestjs/common';
import { AppConfig } from '@tcma/config';
import { Metrics } from '@tcma/metrics';
import { SendQueue, SendStepService, StepOutcome } from '@tcma/nurture';
import { JobName, QueueName, SendStepsJob } from '@tcma/queue';
import { Job, UnrecoverableError } from 'bullmq';
import { inJobContext } from '../jobs/job-context';
import { JobHandler } from '../jobs/job-handler';

/**
 * The send role: each job carries steps due at about the same time. Steps that must wait
 * (early, waiting for their slot of the sender's rate, refused for now) go back to the queue,
 * each with its delay and the slot it holds.
 */
/**
 * A killed worker's jobs are taken up by another within seconds: its lock lapses after
 * SEND_JOB_LOCK_MS (renewed every half of it while it lives) and the others look for stalled
 * jobs every SEND_STALLED_CHECK_MS. BullMQ's defaults (30 s each) would cost up to a minute.
 * A job stalled more than SEND_MAX_STALLS times is dropped; the sweep finds its steps again.
 */
const SEND_JOB_LOCK_MS = 10_000;
const SEND_STALLED_CHECK_MS = 5_000;
const SEND_MAX_STALLS = 3;

@Processor(QueueName.Send, {
  lockDuration: SEND_JOB_LOCK_MS,
  stalledInterval: SEND_STALLED_CHECK_MS,
  maxStalledCount: SEND_MAX_STALLS,
})
export class SendStepsProcessor extends WorkerHost implements JobHandler, OnModuleInit {
  readonly queue = QueueName.Send;
  readonly jobNames = [JobName.SendSteps] as const;

  constructor(
    private readonly sends: SendStepService,
    private readonly sendQueue: SendQueue,
    private readonly config: AppConfig,
    private readonly metrics: Metrics,
  ) {
    super();
  }

  onModuleInit(): void {
    this.worker.concurrency = this.config.sendConcurrency;
  }

  async process(job: Job<SendStepsJob>): Promise<Record<string, number>> {
    if (job.name !== JobName.SendSteps) throw new UnrecoverableError(`Unknown job ${job.name}`);
    return inJobContext(job, () => this.send(job));
  }

  private async send(job: Job<SendStepsJob>): Promise<Record<string, number>> {
    const outcomes = await this.sends.executeMany(job.data.steps);
    const later = outcomes.flatMap((o, i) =>
      o.kind === 'later'
        ? [
            {
              ref: {
                enrollmentId: job.data.steps[i].enrollmentId,
                step: job.data.steps[i].step,
                ...(o.slotAt !== undefined ? { slotAt: o.slotAt } : {}),
              },
              ms: o.ms,
            },
          ]
        : [],
    );
    await this.sendQueue.later(later);
    const counts = tally(outcomes);
    for (const [outcome, n] of Object.entries(counts)) this.metrics.sendOutcomes.inc({ outcome }, n);
    return counts;
  }
}

function tally(outcomes: StepOutcome[]): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const o of outcomes) counts[o.kind] = (counts[o.kind] ?? 0) + 1;
  return counts;
}
