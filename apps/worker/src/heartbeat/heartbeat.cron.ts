import { Injectable, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import { AppConfig } from '@tcma/config';
import { RedisClient } from '@tcma/queue';
import { hostname } from 'node:os';
import { CronScheduler } from '../cron/cron-scheduler';

const BEAT_EVERY = '*/10 * * * * *';
const TTL_SECONDS = 30;

/** Announces this worker and its roles in Redis, so the API's readiness can count live workers. */
@Injectable()
export class HeartbeatCron implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly key: string;

  constructor(
    private readonly cron: CronScheduler,
    private readonly redis: RedisClient,
    private readonly config: AppConfig,
  ) {
    this.key = `${config.queuePrefix}:workers:${hostname()}:${process.pid}`;
  }

  async onApplicationBootstrap(): Promise<void> {
    await this.beat();
    this.cron.schedule('heartbeat', BEAT_EVERY, () => this.beat());
  }

  async onApplicationShutdown(): Promise<void> {
    await this.redis.redis.del(this.key).catch(() => undefined);
  }

  private beat(): Promise<unknown> {
    return this.redis.redis.set(this.key, JSON.stringify({ roles: this.config.workerRoles, since: Date.now() }), 'EX', TTL_SECONDS);
  }
}
