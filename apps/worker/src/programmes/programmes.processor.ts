import { Processor, WorkerHost } from '@nestjs/bullmq';
import { PendingLaunchNotifier, ProgrammeFanoutService } from '@tcma/programmes';
import { FanOutProgrammeVersionJob, JobName, NotifyPendingLaunchJob, QueueName } from '@tcma/queue';
import { Job, UnrecoverableError } from 'bullmq';
import { inJobContext } from '../jobs/job-context';
import { JobHandler } from '../jobs/job-handler';

/** Notification emails in flight per worker (each renders one co-branded preview). */
export const PROGRAMME_CONCURRENCY = 4;

/**
 * Programmes, run by the enroll role (bulk database work): offering a version to every
 * subscriber, and the email per pending launch. Both re-read the database and are idempotent.
 */
@Processor(QueueName.Programmes, { concurrency: PROGRAMME_CONCURRENCY })
export class ProgrammesProcessor extends WorkerHost implements JobHandler {
  readonly queue = QueueName.Programmes;
  readonly jobNames = [JobName.FanOutProgrammeVersion, JobName.NotifyPendingLaunch] as const;

  constructor(
    private readonly fanout: ProgrammeFanoutService,
    private readonly notifier: PendingLaunchNotifier,
  ) {
    super();
  }

  process(job: Job<FanOutProgrammeVersionJob | NotifyPendingLaunchJob>): Promise<unknown> {
    return inJobContext(job, () => this.run(job));
  }

  private run(job: Job<FanOutProgrammeVersionJob | NotifyPendingLaunchJob>): Promise<unknown> {
    switch (job.name) {
      case JobName.FanOutProgrammeVersion:
        return this.fanout.fanOut((job.data as FanOutProgrammeVersionJob).campaignVersionId);
      case JobName.NotifyPendingLaunch:
        return this.notifier.notify((job.data as NotifyPendingLaunchJob).pendingLaunchId);
      default:
        throw new UnrecoverableError(`Unknown job ${job.name}`);
    }
  }
}
