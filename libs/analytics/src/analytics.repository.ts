import { Injectable } from '@nestjs/common';
import { Database, LaunchStatus, partnerOwned, PartnerStatus, TenantScope, visiblePartners } from '@tcma/persistence';
import type { AliasedSelectQueryBuilder } from 'kysely';
import { FunnelCounts, Grouping, STORED_COUNTS, StoredCount } from './funnel';
import { DAILY_COUNTS, DailyPoint } from './launch-daily';

export interface FunnelFilter {
  campaignId?: string;
  launchId?: string;
  /** UTC days, inclusive. */
  from?: string;
  to?: string;
}

/** What names a funnel row; which keys are present depends on the grouping (see KEY_COLUMNS). */
export type FunnelKeys = {
  launchId?: string;
  launchedAt?: Date;
  launchStatus?: LaunchStatus;
  partnerId?: string;
  partnerName?: string;
  campaignId?: string;
  campaignName?: string;
  version?: number;
  /** 1 for the first email; null for what belongs to no step (a conversion). */
  step?: number | null;
  day?: string;
};

export type FunnelRow = FunnelKeys & FunnelCounts;

export type PartnerActivityRow = Record<StoredCount, number> & {
  partnerId: string;
  partnerName: string;
  tier: string;
  region: string;
  status: PartnerStatus;
  launches: number;
  campaigns: number;
  lastLaunchAt: Date | null;
  enrolled: number;
};

/** The columns a funnel reads of a rollup row, the same in both rollup tables. */
const ROLLUP_COLUMNS = ['vendorId', 'partnerId', 'campaignId', 'launchId', 'step', ...STORED_COUNTS] as const;

/**
 * A row of either rollup, analytics_totals (per launch and step, all time) or analytics_daily (the
 * same per UTC day): the table is chosen per query, and both answer this shape (`day` null in the
 * totals, which are read only when no day is asked about).
 */
type RollupRow = Record<StoredCount, number> & {
  vendorId: string;
  partnerId: string;
  campaignId: string;
  launchId: string;
  step: number;
  day: string | null;
};

/** Launch-level groupings, and the keys each shows (over launches l, partners p, campaigns c). */
const SHOWS_LAUNCH: Grouping[] = ['launch'];
const SHOWS_PARTNER: Grouping[] = ['partner', 'launch'];
const SHOWS_CAMPAIGN: Grouping[] = ['campaign', 'version', 'launch'];
const SHOWS_VERSION: Grouping[] = ['version', 'launch'];

/**
 * Funnel queries over the rollups (never the raw events), so a dashboard costs the same with
 * ten thousand events or ten million.
 */
@Injectable()
export class AnalyticsRepository {
  constructor(private readonly db: Database) {}

  funnel(scope: TenantScope, filter: FunnelFilter, groupBy: Grouping): Promise<FunnelRow[]> {
    // All-time questions read the per-launch totals (a few rows per launch); a date range or
    // a per-day answer needs the daily rows.
    const daily = Boolean(filter.from || filter.to || groupBy === 'day');
    // Either rollup, as the same typed rows: `day` is the daily rows' UTC day, null in the totals.
    const source: AliasedSelectQueryBuilder<RollupRow, 'a'> = daily
      ? this.db
          .selectFrom('analyticsDaily')
          .select([...ROLLUP_COLUMNS, 'day'])
          .as('a')
      : this.db
          .selectFrom('analyticsTotals')
          .select((eb) => [...ROLLUP_COLUMNS, eb.val(null).as('day')])
          .as('a');
    const rollups = this.db.selectFrom(source).where((eb) => {
      const conditions = [partnerOwned(eb, scope, 'a')];
      if (filter.campaignId) conditions.push(eb('a.campaignId', '=', filter.campaignId));
      if (filter.launchId) conditions.push(eb('a.launchId', '=', filter.launchId));
      if (filter.from) conditions.push(eb('a.day', '>=', filter.from));
      if (filter.to) conditions.push(eb('a.day', '<=', filter.to));
      return eb.and(conditions);
    });

    if (groupBy === 'step' || groupBy === 'day') {
      // Steps as the vendor numbers them, 1 for the first email; what belongs to no step (a
      // conversion) is kept at -1 in the rollups and shown under an empty step.
      return rollups
        .select((eb) => {
          const key =
            groupBy === 'step'
              ? eb
                  .case()
                  .when('a.step', '>=', eb.lit(0))
                  .then(eb('a.step', '+', eb.lit(1)))
                  .end()
                  .as('step')
              : eb.fn<string>('to_char', ['a.day', eb.val('YYYY-MM-DD')]).as('day');
          return [
            key,
            eb.cast<number | null>(eb.lit(null), 'integer').as('enrolled'),
            ...STORED_COUNTS.map((f) => eb.cast<number>(eb.fn.sum(`a.${f}`), 'integer').as(f)),
          ];
        })
        .$call((qb) =>
          groupBy === 'step'
            ? qb.groupBy((eb) =>
                eb
                  .case()
                  .when('a.step', '>=', eb.lit(0))
                  .then(eb('a.step', '+', eb.lit(1)))
                  .end(),
              )
            : qb.groupBy('a.day'),
        )
        .$call((qb) =>
          groupBy === 'step'
            ? qb.orderBy((eb) =>
                eb
                  .case()
                  .when('a.step', '>=', eb.lit(0))
                  .then(eb('a.step', '+', eb.lit(1)))
                  .end(),
              )
            : qb.orderBy('a.day'),
        )
        .execute();
    }

    const shows = (groupings: Grouping[]) => groupings.includes(groupBy);
    return this.db
      .with('f', () =>
        rollups
          .select((eb) => [
            'a.launchId',
            ...STORED_COUNTS.map((f) => eb.cast<number>(eb.fn.sum(`a.${f}`), 'integer').as(f)),
          ])
          .groupBy('a.launchId'),
      )
      .selectFrom('launches as l')
      .innerJoin('partners as p', 'p.id', 'l.partnerId')
      .innerJoin('campaigns as c', 'c.id', 'l.campaignId')
      .leftJoin('f', 'f.launchId', 'l.id')
      .$if(shows(SHOWS_LAUNCH), (qb) =>
        qb
          .select(['l.id as launchId', 'l.createdAt as launchedAt', 'l.status as launchStatus'])
          .groupBy(['l.id', 'l.createdAt', 'l.status']),
      )
      .$if(shows(SHOWS_PARTNER), (qb) =>
        qb.select(['p.id as partnerId', 'p.companyName as partnerName']).groupBy(['p.id', 'p.companyName']),
      )
      .$if(shows(SHOWS_CAMPAIGN), (qb) =>
        qb.select(['c.id as campaignId', 'c.name as campaignName']).groupBy(['c.id', 'c.name']),
      )
      .$if(shows(SHOWS_VERSION), (qb) => qb.select('l.version').groupBy('l.version'))
      .select((eb) => [
        eb.cast<number>(eb.fn.coalesce(eb.fn.sum('l.enrolled'), eb.lit(0)), 'integer').as('enrolled'),
        ...STORED_COUNTS.map((f) => eb.cast<number>(eb.fn.coalesce(eb.fn.sum(`f.${f}`), eb.lit(0)), 'integer').as(f)),
      ])
      .where((eb) => {
        const conditions = [partnerOwned(eb, scope, 'l')];
        if (filter.campaignId) conditions.push(eb('l.campaignId', '=', filter.campaignId));
        if (filter.launchId) conditions.push(eb('l.id', '=', filter.launchId));
        return eb.and(conditions);
      })
      .execute();
  }

  /** A launch's counts per UTC day (all its steps together), from the daily rollups; only the days that have any. */
  dailyForLaunch(scope: TenantScope, launchId: string): Promise<DailyPoint[]> {
    return this.db
      .selectFrom('analyticsDaily as a')
      .select((eb) => [
        eb.fn<string>('to_char', ['a.day', eb.val('YYYY-MM-DD')]).as('day'),
        ...DAILY_COUNTS.map((f) => eb.cast<number>(eb.fn.sum(`a.${f}`), 'integer').as(f)),
      ])
      .where('a.launchId', '=', launchId)
      .where((eb) => partnerOwned(eb, scope, 'a'))
      .groupBy('a.day')
      .orderBy('a.day')
      .execute();
  }

  /** All-time totals of the given launches of the scope, by launch (a launch with no counts yet is absent). */
  async totalsByLaunch(scope: TenantScope, launchIds: string[]): Promise<Map<string, Record<StoredCount, number>>> {
    if (!launchIds.length) return new Map();
    const rows = await this.db
      .selectFrom('analyticsTotals as a')
      .select((eb) => [
        'a.launchId',
        ...STORED_COUNTS.map((f) => eb.cast<number>(eb.fn.sum(`a.${f}`), 'integer').as(f)),
      ])
      .where('a.launchId', '=', (eb) => eb.fn.any(eb.val(launchIds)))
      .where((eb) => partnerOwned(eb, scope, 'a'))
      .groupBy('a.launchId')
      .execute();
    return new Map(rows.map(({ launchId, ...counts }) => [launchId, counts]));
  }

  /** Each partner the scope may see: launches, the last one, and what they produced. */
  partnerActivity(scope: TenantScope): Promise<PartnerActivityRow[]> {
    return this.db
      .with('f', (db) =>
        db
          .selectFrom('analyticsTotals as a')
          .select((eb) => [
            'a.partnerId',
            ...STORED_COUNTS.map((f) => eb.cast<number>(eb.fn.sum(`a.${f}`), 'integer').as(f)),
          ])
          .where((eb) => partnerOwned(eb, scope, 'a'))
          .groupBy('a.partnerId'),
      )
      .with('ls', (db) =>
        db
          .selectFrom('launches')
          .select((eb) => [
            'partnerId',
            eb.cast<number>(eb.fn.countAll(), 'integer').as('launches'),
            eb.cast<number>(eb.fn.count('campaignId').distinct(), 'integer').as('campaigns'),
            eb.fn.max('createdAt').as('lastLaunchAt'),
            eb.cast<number>(eb.fn.sum('enrolled'), 'integer').as('enrolled'),
          ])
          .where((eb) => partnerOwned(eb, scope, 'launches'))
          .groupBy('partnerId'),
      )
      .selectFrom('partners')
      .leftJoin('ls', 'ls.partnerId', 'partners.id')
      .leftJoin('f', 'f.partnerId', 'partners.id')
      .select((eb) => [
        'partners.id as partnerId',
        'partners.companyName as partnerName',
        'partners.tier',
        'partners.region',
        'partners.status',
        eb.fn.coalesce('ls.launches', eb.lit(0)).as('launches'),
        eb.fn.coalesce('ls.campaigns', eb.lit(0)).as('campaigns'),
        'ls.lastLaunchAt',
        eb.fn.coalesce('ls.enrolled', eb.lit(0)).as('enrolled'),
        ...STORED_COUNTS.map((f) => eb.cast<number>(eb.fn.coalesce(`f.${f}`, eb.lit(0)), 'integer').as(f)),
      ])
      .where((eb) => visiblePartners(eb, scope, 'partners'))
      .execute();
  }
}
