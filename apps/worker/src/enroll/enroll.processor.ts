import { Processor, WorkerHost } from '@nestjs/bullmq';
import { ImportRunnerService } from '@tcma/audience';
import { EnrollmentService } from '@tcma/nurture';
import { EnrollLaunchJob, ImportProspectsJob, JobName, QueueName } from '@tcma/queue';
import { Job, UnrecoverableError } from 'bullmq';
import { JobHandler } from '../jobs/job-handler';

/** The enroll role: prospect imports and launch enrollments, both bulk database work. */
@Processor(QueueName.Enroll, { concurrency: 2 })
export class EnrollProcessor extends WorkerHost implements JobHandler {
  readonly queue = QueueName.Enroll;
  readonly jobNames = [JobName.ImportProspects, JobName.EnrollLaunch] as const;

  constructor(
    private readonly imports: ImportRunnerService,
    private readonly enrollment: EnrollmentService,
  ) {
    super();
  }

  async process(job: Job<ImportProspectsJob | EnrollLaunchJob>): Promise<unknown> {
    switch (job.name) {
      case JobName.ImportProspects:
        return this.imports.run((job.data as ImportProspectsJob).importId);
      case JobName.EnrollLaunch:
        return this.enrollment.enroll((job.data as EnrollLaunchJob).launchId);
      default:
        throw new UnrecoverableError(`Unknown job ${job.name}`);
    }
  }
}
