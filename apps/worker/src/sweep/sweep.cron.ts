import { Injectable, OnApplicationBootstrap } from '@nestjs/common';
import { AppConfig } from '@tcma/config';
import { SweepService } from '@tcma/nurture';
import { CronScheduler } from '../cron/cron-scheduler';

/** The sweep role: every SWEEP_INTERVAL_SECONDS, queue what is due and recover what was abandoned. */
@Injectable()
export class SweepCron implements OnApplicationBootstrap {
  constructor(
    private readonly cron: CronScheduler,
    private readonly sweep: SweepService,
    private readonly config: AppConfig,
  ) {}

  onApplicationBootstrap(): void {
    this.cron.every('sweep', this.config.sweepIntervalSeconds, () => this.sweep.sweep());
  }
}
