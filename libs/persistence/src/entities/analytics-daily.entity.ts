import { Column, Entity, Index, PrimaryColumn } from 'typeorm';

/** The funnel counters, the same in the daily rows and the all-time totals. */
abstract class FunnelCountersEntity {
  @Column('uuid') vendorId!: string;
  @Column('uuid') partnerId!: string;
  @Column('uuid') campaignId!: string;
  @Column('integer') version!: number;
  @Column('integer', { default: 0 }) sent!: number;
  @Column('integer', { default: 0 }) accepted!: number;
  @Column('integer', { default: 0 }) bounced!: number;
  @Column('integer', { default: 0 }) opened!: number;
  @Column('integer', { default: 0 }) clicked!: number;
  @Column('integer', { default: 0 }) unsubscribed!: number;
  @Column('integer', { default: 0 }) converted!: number;
  @Column('integer', { default: 0 }) machineOpens!: number;
  @Column('integer', { default: 0 }) machineClicks!: number;
}

/**
 * The funnel, rolled up per launch, step and UTC day as events are judged: dashboards read
 * these rows, never the events. step -1 holds what belongs to no step (conversions).
 */
@Entity('analytics_daily')
@Index('analytics_daily_vendor_id_day_idx', ['vendorId', 'day'])
@Index('analytics_daily_partner_id_day_idx', ['partnerId', 'day'])
export class AnalyticsDailyEntity extends FunnelCountersEntity {
  @PrimaryColumn('uuid', { primaryKeyConstraintName: 'analytics_daily_pkey' }) launchId!: string;
  @PrimaryColumn('integer', { primaryKeyConstraintName: 'analytics_daily_pkey' }) step!: number;
  @PrimaryColumn('date', { primaryKeyConstraintName: 'analytics_daily_pkey' }) day!: string;
}

/** The same funnel per launch and step for all time: what dashboards without a date range read. */
@Entity('analytics_totals')
@Index('analytics_totals_vendor_id_idx', ['vendorId'])
@Index('analytics_totals_partner_id_idx', ['partnerId'])
export class AnalyticsTotalsEntity extends FunnelCountersEntity {
  @PrimaryColumn('uuid', { primaryKeyConstraintName: 'analytics_totals_pkey' }) launchId!: string;
  @PrimaryColumn('integer', { primaryKeyConstraintName: 'analytics_totals_pkey' }) step!: number;
}
