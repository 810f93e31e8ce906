import { Injectable } from '@nestjs/common';
import { AppConfig } from '@tcma/config';
import { RedisClient } from '@tcma/queue';
import { randomUUID } from 'node:crypto';

/**
 * Notices when Redis lost its data (flushed, or restarted without persistence): a marker key
 * lives beside the queues and vanishes with them. Whoever finds it missing recreates it and
 * learns that the queued steps are gone, so they can be queued again at once rather than
 * after REQUEUE_AFTER_MS. The first start of an installation finds it missing too, harmlessly.
 */
@Injectable()
export class QueueStateMarker {
  private readonly key: string;

  constructor(
    private readonly redis: RedisClient,
    config: AppConfig,
  ) {
    this.key = `${config.queuePrefix}:queue-epoch`;
  }

  /** True when the marker was missing (this caller recreated it): Redis lost its queues. */
  async lost(): Promise<boolean> {
    return (await this.redis.redis.set(this.key, randomUUID(), 'NX')) === 'OK';
  }
}
