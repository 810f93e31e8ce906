import { Processor, WorkerHost } from '@nestjs/bullmq';
import { Logger } from '@nestjs/common';
import { ImportAttempt, importProgressOf, ImportRunnerService } from '@tcma/audience';
import { Metrics } from '@tcma/metrics';
import { EnrollmentService } from '@tcma/nurture';
import { EnrollLaunchJob, ImportProspectsJob, JobName, QueueName } from '@tcma/queue';
import { Job, UnrecoverableError } from 'bullmq';
import { inJobContext } from '../jobs/job-context';
import { JobHandler } from '../jobs/job-handler';

/** The enroll role: prospect imports and launch enrollments, both bulk database work. */
@Processor(QueueName.Enroll, { concurrency: 2 })
export class EnrollProcessor extends WorkerHost implements JobHandler {
  private readonly logger = new Logger(EnrollProcessor.name);
  readonly queue = QueueName.Enroll;
  readonly jobNames = [JobName.ImportProspects, JobName.EnrollLaunch] as const;

  constructor(
    private readonly imports: ImportRunnerService,
    private readonly enrollment: EnrollmentService,
    private readonly metrics: Metrics,
  ) {
    super();
  }

  process(job: Job<ImportProspectsJob | EnrollLaunchJob>): Promise<unknown> {
    return inJobContext(job, () => this.run(job));
  }

  private async run(job: Job<ImportProspectsJob | EnrollLaunchJob>): Promise<unknown> {
    switch (job.name) {
      case JobName.ImportProspects: {
        const outcome = await this.imports.run((job.data as ImportProspectsJob).importId, this.importAttempt(job));
        if (outcome)
          for (const result of ['inserted', 'merged', 'rejected'] as const)
            this.metrics.importRows.inc({ result }, outcome[result]);
        return outcome;
      }
      case JobName.EnrollLaunch:
        return this.enrollment.enroll((job.data as EnrollLaunchJob).launchId);
      default:
        throw new UnrecoverableError(`Unknown job ${job.name}`);
    }
  }

  /** An import's progress lives in its job, so a retry (or a take-over after a crash) resumes it. */
  private importAttempt(job: Job): ImportAttempt {
    return {
      progress: importProgressOf(job.progress),
      saveProgress: (progress) =>
        job
          .updateProgress(progress as object)
          .catch((e: Error) =>
            this.logger.warn(
              `Import job ${job.id}: progress not saved (${e.message}); a retry would write its last batches again`,
            ),
          ),
      willRetry: job.attemptsMade + 1 < (job.opts.attempts ?? 1),
    };
  }
}
