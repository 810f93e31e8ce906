import { Processor, WorkerHost } from '@nestjs/bullmq';
import { OnModuleInit } from '@nestjs/common';
import { AppConfig } from '@tcma/config';
import { SendQueue, SendStepService, StepOutcome } from '@tcma/nurture';
import { JobName, QueueName, SendStepsJob } from '@tcma/queue';
import { Job, UnrecoverableError } from 'bullmq';
import { JobHandler } from '../jobs/job-handler';

/**
 * The send role: each job carries steps due at about the same time. Steps that must wait
 * (early, over the sender's rate, refused for now) go back to the queue, each with its delay.
 */
@Processor(QueueName.Send)
export class SendStepsProcessor extends WorkerHost implements JobHandler, OnModuleInit {
  readonly queue = QueueName.Send;
  readonly jobNames = [JobName.SendSteps] as const;

  constructor(
    private readonly sends: SendStepService,
    private readonly sendQueue: SendQueue,
    private readonly config: AppConfig,
  ) {
    super();
  }

  onModuleInit(): void {
    this.worker.concurrency = this.config.sendConcurrency;
  }

  async process(job: Job<SendStepsJob>): Promise<Record<string, number>> {
    if (job.name !== JobName.SendSteps) throw new UnrecoverableError(`Unknown job ${job.name}`);
    const outcomes = await this.sends.executeMany(job.data.steps);
    const later = outcomes.flatMap((o, i) => (o.kind === 'later' ? [{ ref: job.data.steps[i], ms: o.ms }] : []));
    await this.sendQueue.later(later);
    return tally(outcomes);
  }
}

function tally(outcomes: StepOutcome[]): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const o of outcomes) counts[o.kind] = (counts[o.kind] ?? 0) + 1;
  return counts;
}
