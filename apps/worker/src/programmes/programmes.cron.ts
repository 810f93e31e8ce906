import { Injectable, OnApplicationBootstrap } from '@nestjs/common';
import { AppConfig } from '@tcma/config';
import { ProgrammeDigestService, ProgrammeSweepService } from '@tcma/programmes';
import { CronScheduler } from '../cron/cron-scheduler';

/** When the weekly digest goes out: Mondays at 08:00 (the worker's time zone). */
export const DIGEST_SCHEDULE = '0 0 8 * * 1';

/**
 * The sweep role's programme chores: every SWEEP_INTERVAL_SECONDS, start the pending launches
 * whose review period is over; weekly, the digest to partners that have not launched lately.
 */
@Injectable()
export class ProgrammesCron implements OnApplicationBootstrap {
  constructor(
    private readonly cron: CronScheduler,
    private readonly sweep: ProgrammeSweepService,
    private readonly digest: ProgrammeDigestService,
    private readonly config: AppConfig,
  ) {}

  onApplicationBootstrap(): void {
    this.cron.every('programme-sweep', this.config.sweepIntervalSeconds, () => this.sweep.sweep());
    this.cron.schedule('programme-digest', DIGEST_SCHEDULE, () => this.digest.sendDigests());
  }
}
