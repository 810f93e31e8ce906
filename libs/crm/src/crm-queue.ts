import { InjectQueue } from '@nestjs/bullmq';
import { Injectable, Logger } from '@nestjs/common';
import { AppConfig } from '@tcma/config';
import { jobOptions, JobName, QueueName, RedisClient, SyncCrmActivityJob, SyncCrmRecordJob, traced } from '@tcma/queue';
import { Queue } from 'bullmq';
import { randomUUID } from 'node:crypto';
import type { CrmLedgerTable } from './crm-ledger-claims.repository';

type CrmJob = SyncCrmRecordJob | SyncCrmActivityJob;

/** Each ledger's job: its name, payload and options (the id carries the row's tries). */
const JOB_OF: Record<CrmLedgerTable, (id: string, attempts: number) => { name: string; data: CrmJob; opts: object }> = {
  crmRecords: (id, attempts) => ({
    name: JobName.SyncCrmRecord,
    data: traced({ recordId: id }),
    opts: jobOptions[JobName.SyncCrmRecord](id, attempts),
  }),
  crmActivities: (id, attempts) => ({
    name: JobName.SyncCrmActivity,
    data: traced({ activityId: id }),
    opts: jobOptions[JobName.SyncCrmActivity](id, attempts),
  }),
};

/** Puts CRM ledger rows (leads and their milestones) into the CRM queue, one job each; the row's claim decides what a job does. */
@Injectable()
export class CrmQueue {
  private readonly logger = new Logger(CrmQueue.name);
  private readonly markerKey: string;

  constructor(
    @InjectQueue(QueueName.Crm) private readonly queue: Queue<CrmJob>,
    private readonly redis: RedisClient,
    config: AppConfig,
  ) {
    this.markerKey = `${config.queuePrefix}:crm-queue-epoch`;
  }

  async enqueue(items: Array<{ id: string; attempts: number }>, ledger: CrmLedgerTable = 'crmRecords'): Promise<void> {
    if (!items.length) return;
    await this.queue.addBulk(items.map((r) => JOB_OF[ledger](r.id, r.attempts)));
  }

  /** After the commit that made the rows. A failure to queue is logged: the sweep queues the rows later. */
  async dispatch(ids: string[], ledger: CrmLedgerTable = 'crmRecords'): Promise<void> {
    try {
      await this.enqueue(
        ids.map((id) => ({ id, attempts: 0 })),
        ledger,
      );
    } catch (e) {
      this.logger.warn(`Queueing ${ids.length} CRM rows failed; the sweep queues them: ${(e as Error).message}`);
    }
  }

  /** True when Redis lost the CRM queue's jobs (a marker beside them vanished). */
  async lost(): Promise<boolean> {
    return (await this.redis.redis.set(this.markerKey, randomUUID(), 'NX')) === 'OK';
  }
}
