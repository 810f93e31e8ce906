import { Processor, WorkerHost } from '@nestjs/bullmq';
import { CrmSyncService } from '@tcma/crm';
import { JobName, QueueName, SyncCrmRecordJob } from '@tcma/queue';
import { Job, UnrecoverableError } from 'bullmq';
import { inJobContext } from '../jobs/job-context';
import { JobHandler } from '../jobs/job-handler';

/**
 * Leads written to CRMs at once per worker: each waits mostly on the CRM (a search, a write, a
 * note), so many overlap; HubSpot allows 100–190 calls per 10 s per app and account.
 */
export const CRM_CONCURRENCY = 16;

/** Writing leads to CRMs, run by the webhook role (third parties, away from sending). A job names one ledger row, claimed before any call. */
@Processor(QueueName.Crm, { concurrency: CRM_CONCURRENCY })
export class CrmProcessor extends WorkerHost implements JobHandler {
  readonly queue = QueueName.Crm;
  readonly jobNames = [JobName.SyncCrmRecord] as const;

  constructor(private readonly sync: CrmSyncService) {
    super();
  }

  process(job: Job<SyncCrmRecordJob>): Promise<unknown> {
    return inJobContext(job, () => {
      if (job.name !== JobName.SyncCrmRecord) throw new UnrecoverableError(`Unknown job ${job.name}`);
      return this.sync.sync(job.data.recordId);
    });
  }
}
