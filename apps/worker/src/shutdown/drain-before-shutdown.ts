import { BeforeApplicationShutdown, Inject, Injectable, Logger } from '@nestjs/common';
import { FleetService } from '@tcma/fleet';
import { CronScheduler } from '../cron/cron-scheduler';
import { JOB_HANDLERS, JobHandler } from '../jobs/job-handler';

/**
 * A stopping worker takes no new work and finishes what it holds before anything that work
 * uses is closed. Nest runs every beforeApplicationShutdown hook before any
 * onApplicationShutdown, where the SMTP pools, Postgres and Redis close; left to
 * @nestjs/bullmq, the queues would close in that same later phase, beside the SMTP pools, and
 * messages in flight would fail half-sent (counted uncertain) instead of being delivered.
 */
@Injectable()
export class DrainBeforeShutdown implements BeforeApplicationShutdown {
  private readonly logger = new Logger(DrainBeforeShutdown.name);

  constructor(
    @Inject(JOB_HANDLERS) private readonly handlers: JobHandler[],
    private readonly cron: CronScheduler,
    private readonly fleet: FleetService,
  ) {}

  async beforeApplicationShutdown(): Promise<void> {
    // BullMQ's close waits for the jobs in progress; closing again later is harmless.
    await Promise.all([...this.handlers.map((h) => h.worker.close()), this.cron.stop()]);
    // Holding nothing now, it leaves the fleet rather than be judged dead two beats later.
    await this.fleet.leave();
    this.logger.log('Drained: no job or sweep in progress');
  }
}
