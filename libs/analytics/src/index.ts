export { AnalyticsModule } from './analytics.module';
export { AnalyticsRollupRepository } from './analytics-rollup.repository';
export { AnalyticsRepository } from './analytics.repository';
export type { FunnelFilter, FunnelKeys, FunnelRow, PartnerActivityRow } from './analytics.repository';
export { AnalyticsService } from './analytics.service';
export type { AnalyticsTable, FunnelQuery, PartnerActivityQuery } from './analytics.service';
export { COUNT_COLUMNS, funnelRates, GROUPINGS, KEY_COLUMNS, RATE_COLUMNS } from './funnel';
export type { FunnelCounts, FunnelRates, Grouping } from './funnel';
