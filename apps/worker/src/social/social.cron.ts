import { Injectable, OnApplicationBootstrap } from '@nestjs/common';
import { AppConfig } from '@tcma/config';
import { SocialConnectionsSweep } from '@tcma/social';
import { CronScheduler } from '../cron/cron-scheduler';

/** How often the sweep role refreshes social tokens and announces expiring or broken connections. */
export const SOCIAL_SWEEP_INTERVAL_SECONDS = 300;

/** The sweep role's social chore: keep partners' connections working ahead of their expiry (libs/social). */
@Injectable()
export class SocialCron implements OnApplicationBootstrap {
  constructor(
    private readonly cron: CronScheduler,
    private readonly sweep: SocialConnectionsSweep,
    private readonly config: AppConfig,
  ) {}

  onApplicationBootstrap(): void {
    this.cron.every(
      'social-connections',
      Math.max(this.config.sweepIntervalSeconds, SOCIAL_SWEEP_INTERVAL_SECONDS),
      () => this.sweep.sweep(),
    );
  }
}
