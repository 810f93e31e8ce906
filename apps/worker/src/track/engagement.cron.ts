import { Injectable, OnApplicationBootstrap } from '@nestjs/common';
import { Clock } from '@tcma/clock';
import { AppConfig } from '@tcma/config';
import { EngagementService } from '@tcma/engagement';
import { CronScheduler } from '../cron/cron-scheduler';

/** The track role: every TRACK_INTERVAL_SECONDS, judge new opens and clicks, apply exit rules, roll up the funnel. */
@Injectable()
export class EngagementCron implements OnApplicationBootstrap {
  constructor(
    private readonly cron: CronScheduler,
    private readonly engagement: EngagementService,
    private readonly clock: Clock,
    private readonly config: AppConfig,
  ) {}

  onApplicationBootstrap(): void {
    this.cron.every('engagement', this.config.trackIntervalSeconds, () => this.engagement.process(this.clock.now()));
  }
}
