import { Module } from '@nestjs/common';
import { TenancyModule } from '@tcma/tenancy';
import { AnalyticsRollupRepository } from './analytics-rollup.repository';
import { AnalyticsRepository } from './analytics.repository';
import { AnalyticsService } from './analytics.service';

/** The funnel: rollups written as events are judged, and the queries over them. */
@Module({
  imports: [TenancyModule],
  providers: [AnalyticsRepository, AnalyticsRollupRepository, AnalyticsService],
  exports: [AnalyticsService, AnalyticsRollupRepository, AnalyticsRepository],
})
export class AnalyticsModule {}
