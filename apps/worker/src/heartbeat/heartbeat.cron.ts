import { Injectable, OnApplicationBootstrap } from '@nestjs/common';
import { AppConfig } from '@tcma/config';
import { FleetService } from '@tcma/fleet';
import { CronScheduler } from '../cron/cron-scheduler';

/** Every WORKER_HEARTBEAT_SECONDS, this worker tells Postgres it is alive (it leaves once drained: see DrainBeforeShutdown). */
@Injectable()
export class HeartbeatCron implements OnApplicationBootstrap {
  constructor(
    private readonly cron: CronScheduler,
    private readonly fleet: FleetService,
    private readonly config: AppConfig,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    await this.fleet.beat();
    this.cron.every('heartbeat', this.config.workerHeartbeatSeconds, () => this.fleet.beat());
  }
}
