import { Injectable } from '@nestjs/common';
import { queryRows } from '@tcma/persistence';
import { DataSource } from 'typeorm';
import { counterColumn, Grouping, STORED_COUNTS } from './funnel';

export interface FunnelScope {
  vendorId: string;
  /** Set for partner users (their own), or a vendor user's filter. */
  partnerId: string | null;
  campaignId?: string;
  launchId?: string;
  /** UTC days, inclusive. */
  from?: string;
  to?: string;
}

export type FunnelRow = Record<string, unknown>;

const SUMS = STORED_COUNTS.map((f) => `sum(a.${counterColumn(f)})::int AS "${f}"`).join(', ');

/** Launch-level groupings: the key columns (over launches l, partners p, campaigns c). */
const LAUNCH_KEYS: Record<Exclude<Grouping, 'step' | 'day'>, string[]> = {
  vendor: [],
  partner: ['p.id AS "partnerId"', 'p.company_name AS "partnerName"'],
  campaign: ['c.id AS "campaignId"', 'c.name AS "campaignName"'],
  version: ['c.id AS "campaignId"', 'c.name AS "campaignName"', 'l.version AS "version"'],
  launch: ['l.id AS "launchId"', 'l.created_at AS "launchedAt"', 'l.status AS "launchStatus"', 'p.id AS "partnerId"', 'p.company_name AS "partnerName"', 'c.id AS "campaignId"', 'c.name AS "campaignName"', 'l.version AS "version"'],
};

/**
 * Funnel queries over the rollups (never the raw events), so a dashboard costs the same with
 * ten thousand events or ten million.
 */
@Injectable()
export class AnalyticsRepository {
  constructor(private readonly dataSource: DataSource) {}

  funnel(scope: FunnelScope, groupBy: Grouping): Promise<FunnelRow[]> {
    const params: unknown[] = [scope.vendorId];
    const p = (v: unknown) => {
      params.push(v);
      return `$${params.length}`;
    };
    const rollupWhere = ['a.vendor_id = $1'];
    const launchWhere = ['l.vendor_id = $1'];
    if (scope.partnerId) {
      const ref = p(scope.partnerId);
      rollupWhere.push(`a.partner_id = ${ref}`);
      launchWhere.push(`l.partner_id = ${ref}`);
    }
    if (scope.campaignId) {
      const ref = p(scope.campaignId);
      rollupWhere.push(`a.campaign_id = ${ref}`);
      launchWhere.push(`l.campaign_id = ${ref}`);
    }
    if (scope.launchId) {
      const ref = p(scope.launchId);
      rollupWhere.push(`a.launch_id = ${ref}`);
      launchWhere.push(`l.id = ${ref}`);
    }
    if (scope.from) rollupWhere.push(`a.day >= ${p(scope.from)}::date`);
    if (scope.to) rollupWhere.push(`a.day <= ${p(scope.to)}::date`);

    // All-time questions read the per-launch totals (a few rows per launch); a date range or
    // a per-day answer needs the daily rows.
    const table = scope.from || scope.to || groupBy === 'day' ? 'analytics_daily' : 'analytics_totals';
    if (groupBy === 'step' || groupBy === 'day') {
      // Steps as the vendor numbers them, 1 for the first email; what belongs to no step (a
      // conversion) is kept at -1 in the rollups and shown under an empty step.
      const key = groupBy === 'step' ? 'CASE WHEN a.step >= 0 THEN a.step + 1 END' : "to_char(a.day, 'YYYY-MM-DD')";
      return queryRows(this.dataSource, `SELECT ${key} AS "${groupBy}", NULL::int AS "enrolled", ${SUMS} FROM ${table} a WHERE ${rollupWhere.join(' AND ')} GROUP BY 1 ORDER BY 1`, params);
    }
    const keys = LAUNCH_KEYS[groupBy];
    const groupCols = keys.map((_, i) => i + 1);
    return queryRows<FunnelRow>(
      this.dataSource,
      `WITH f AS (SELECT a.launch_id, ${SUMS} FROM ${table} a WHERE ${rollupWhere.join(' AND ')} GROUP BY a.launch_id)
       SELECT ${[...keys, 'COALESCE(sum(l.enrolled), 0)::int AS "enrolled"', ...STORED_COUNTS.map((z) => `COALESCE(sum(f."${z}"), 0)::int AS "${z}"`)].join(', ')}
         FROM launches l JOIN partners p ON p.id = l.partner_id JOIN campaigns c ON c.id = l.campaign_id LEFT JOIN f ON f.launch_id = l.id
        WHERE ${launchWhere.join(' AND ')}
        ${groupCols.length ? `GROUP BY ${groupCols.join(', ')}` : ''}`,
      params,
    );
  }

  /** Each partner of the vendor: launches, the last one, and what they produced. */
  partnerActivity(vendorId: string): Promise<FunnelRow[]> {
    return queryRows(
      this.dataSource,
      `WITH f AS (SELECT a.partner_id, ${SUMS} FROM analytics_totals a WHERE a.vendor_id = $1 GROUP BY a.partner_id),
            ls AS (SELECT partner_id, count(*)::int AS launches, count(DISTINCT campaign_id)::int AS campaigns, max(created_at) AS last_launch_at, sum(enrolled)::int AS enrolled
                     FROM launches WHERE vendor_id = $1 GROUP BY partner_id)
       SELECT p.id AS "partnerId", p.company_name AS "partnerName", p.tier, p.region, p.status,
              COALESCE(ls.launches, 0) AS "launches", COALESCE(ls.campaigns, 0) AS "campaigns", ls.last_launch_at AS "lastLaunchAt", COALESCE(ls.enrolled, 0) AS "enrolled",
              ${STORED_COUNTS.map((z) => `COALESCE(f."${z}", 0)::int AS "${z}"`).join(', ')}
         FROM partners p LEFT JOIN ls ON ls.partner_id = p.id LEFT JOIN f ON f.partner_id = p.id
        WHERE p.vendor_id = $1`,
      [vendorId],
    );
  }
}
