import { InjectQueue } from '@nestjs/bullmq';
import { Injectable, Logger } from '@nestjs/common';
import { AppConfig } from '@tcma/config';
import { jobOptions, JobName, QueueName, RedisClient, SyncCrmRecordJob, traced } from '@tcma/queue';
import { Queue } from 'bullmq';
import { randomUUID } from 'node:crypto';

/** Puts CRM ledger rows into the CRM queue, one job each; the row's claim decides what a job does. */
@Injectable()
export class CrmQueue {
  private readonly logger = new Logger(CrmQueue.name);
  private readonly markerKey: string;

  constructor(
    @InjectQueue(QueueName.Crm) private readonly queue: Queue<SyncCrmRecordJob>,
    private readonly redis: RedisClient,
    config: AppConfig,
  ) {
    this.markerKey = `${config.queuePrefix}:crm-queue-epoch`;
  }

  async enqueue(items: Array<{ id: string; attempts: number }>): Promise<void> {
    if (!items.length) return;
    await this.queue.addBulk(
      items.map((r) => ({
        name: JobName.SyncCrmRecord,
        data: traced({ recordId: r.id }),
        opts: jobOptions[JobName.SyncCrmRecord](r.id, r.attempts),
      })),
    );
  }

  /** After the lead's commit. A failure to queue is logged: the sweep queues the rows later. */
  async dispatch(ids: string[]): Promise<void> {
    try {
      await this.enqueue(ids.map((id) => ({ id, attempts: 0 })));
    } catch (e) {
      this.logger.warn(`Queueing ${ids.length} CRM records failed; the sweep queues them: ${(e as Error).message}`);
    }
  }

  /** True when Redis lost the CRM queue's jobs (a marker beside them vanished). */
  async lost(): Promise<boolean> {
    return (await this.redis.redis.set(this.markerKey, randomUUID(), 'NX')) === 'OK';
  }
}
