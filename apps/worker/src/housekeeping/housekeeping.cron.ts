import { Injectable, OnApplicationBootstrap } from '@nestjs/common';
import { AppConfig } from '@tcma/config';
import { HousekeepingService } from '@tcma/housekeeping';
import { CronScheduler } from '../cron/cron-scheduler';

/** The sweep role's slow chores, every HOUSEKEEPING_INTERVAL_MINUTES: event partitions and retention, stored files. */
@Injectable()
export class HousekeepingCron implements OnApplicationBootstrap {
  constructor(
    private readonly cron: CronScheduler,
    private readonly housekeeping: HousekeepingService,
    private readonly config: AppConfig,
  ) {}

  onApplicationBootstrap(): void {
    const minutes = this.config.housekeepingIntervalMinutes;
    this.cron.schedule('housekeeping', minutes === 60 ? '0 0 * * * *' : `0 */${minutes} * * * *`, () =>
      this.housekeeping.run(),
    );
  }
}
