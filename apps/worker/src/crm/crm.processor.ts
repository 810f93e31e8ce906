import { Processor, WorkerHost } from '@nestjs/bullmq';
import { CrmActivitySyncService, CrmSyncService } from '@tcma/crm';
import { JobName, QueueName, SyncCrmActivityJob, SyncCrmRecordJob } from '@tcma/queue';
import { Job, UnrecoverableError } from 'bullmq';
import { inJobContext } from '../jobs/job-context';
import { JobHandler } from '../jobs/job-handler';

/**
 * Leads written to CRMs at once per worker: each waits mostly on the CRM (a search, a write, a
 * note), so many overlap; HubSpot allows 100–190 calls per 10 s per app and account.
 */
export const CRM_CONCURRENCY = 16;

/**
 * Writing leads and their engagement milestones to CRMs, run by the webhook role (third parties,
 * away from sending). A job names one ledger row (a record or an activity), claimed before any call.
 */
@Processor(QueueName.Crm, { concurrency: CRM_CONCURRENCY })
export class CrmProcessor extends WorkerHost implements JobHandler {
  readonly queue = QueueName.Crm;
  readonly jobNames = [JobName.SyncCrmRecord, JobName.SyncCrmActivity] as const;

  constructor(
    private readonly sync: CrmSyncService,
    private readonly activities: CrmActivitySyncService,
  ) {
    super();
  }

  process(job: Job<SyncCrmRecordJob | SyncCrmActivityJob>): Promise<unknown> {
    return inJobContext(job, () => {
      if (job.name === JobName.SyncCrmRecord) return this.sync.sync((job.data as SyncCrmRecordJob).recordId);
      if (job.name === JobName.SyncCrmActivity)
        return this.activities.sync((job.data as SyncCrmActivityJob).activityId);
      throw new UnrecoverableError(`Unknown job ${job.name}`);
    });
  }
}
