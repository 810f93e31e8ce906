import { Inject, Injectable, Logger, OnApplicationBootstrap } from '@nestjs/common';
import { JOB_QUEUE, JobName, QueueErrorLog } from '@tcma/queue';
import { JOB_HANDLERS, JobHandler } from './job-handler';

/**
 * Fails start-up, not a job at 3 a.m.: every job name of a queue this worker consumes must
 * have exactly one handler.
 */
@Injectable()
export class JobRegistryCheck implements OnApplicationBootstrap {
  private readonly logger = new Logger(JobRegistryCheck.name);

  constructor(
    @Inject(JOB_HANDLERS) private readonly handlers: JobHandler[],
    private readonly errors: QueueErrorLog,
  ) {}

  onApplicationBootstrap(): void {
    const consumed = new Set(this.handlers.map((h) => h.queue));
    const problems: string[] = [];
    for (const [name, queue] of Object.entries(JOB_QUEUE) as Array<[JobName, string]>) {
      if (!consumed.has(queue)) continue;
      const count = this.handlers.filter((h) => h.queue === queue && h.jobNames.includes(name)).length;
      if (count !== 1) problems.push(`job ${name} on queue ${queue} has ${count} handlers`);
    }
    if (problems.length) throw new Error(`Job handlers are misconfigured: ${problems.join('; ')}`);
    // Consumers report trouble (a flushed Redis) as events too: one logged line each, not a console stack.
    for (const h of this.handlers)
      h.worker.on('error', (e) => this.errors.failures.failed(`${h.queue} worker`, e.message));
    this.logger.log(`Consuming queues: ${[...consumed].join(', ') || 'none'}`);
  }
}
