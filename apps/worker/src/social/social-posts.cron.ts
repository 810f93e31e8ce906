import { Injectable, OnApplicationBootstrap } from '@nestjs/common';
import { AppConfig } from '@tcma/config';
import { SocialSweepService } from '@tcma/social-posts';
import { CronScheduler } from '../cron/cron-scheduler';

/** The sweep role's posts chores: every SWEEP_INTERVAL_SECONDS, queue due posts and settle uncertain ones. */
@Injectable()
export class SocialPostsCron implements OnApplicationBootstrap {
  constructor(
    private readonly cron: CronScheduler,
    private readonly sweep: SocialSweepService,
    private readonly config: AppConfig,
  ) {}

  onApplicationBootstrap(): void {
    this.cron.every('social-sweep', this.config.sweepIntervalSeconds, () => this.sweep.sweep());
  }
}
