import { Injectable, OnApplicationBootstrap } from '@nestjs/common';
import { AppConfig } from '@tcma/config';
import { CrmSweepService } from '@tcma/crm';
import { CronScheduler } from '../cron/cron-scheduler';

/** The sweep role's CRM chores: every SWEEP_INTERVAL_SECONDS, queue due records, take back abandoned ones, refresh tokens. */
@Injectable()
export class CrmCron implements OnApplicationBootstrap {
  constructor(
    private readonly cron: CronScheduler,
    private readonly sweep: CrmSweepService,
    private readonly config: AppConfig,
  ) {}

  onApplicationBootstrap(): void {
    this.cron.every('crm-sweep', this.config.sweepIntervalSeconds, () => this.sweep.sweep());
  }
}
