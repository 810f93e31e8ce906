import { Injectable } from '@nestjs/common';
import { Clock } from '@tcma/clock';
import { csvRow } from '@tcma/csv';
import { BadRequestError } from '@tcma/errors';
import { Actor, PartnersService, scopeOf, scopeOfPartner } from '@tcma/tenancy';
import { AnalyticsRepository } from './analytics.repository';
import { COUNT_COLUMNS, FunnelCounts, funnelRates, Grouping, KEY_COLUMNS, RATE_COLUMNS } from './funnel';

export interface FunnelQuery {
  groupBy: Grouping;
  partnerId?: string;
  campaignId?: string;
  launchId?: string;
  from?: string;
  to?: string;
  sort?: string;
  order?: 'asc' | 'desc';
}

export interface PartnerActivityQuery {
  /** Only partners whose last launch is older than this many days, or who never launched. */
  inactiveDays?: number;
  sort?: string;
  order?: 'asc' | 'desc';
}

/** A value of a result table: a name, a count or rate, a time; empty when null or absent. */
export type AnalyticsCell = string | number | Date | null | undefined;

/** A table of results: its columns in order, and its rows. */
export interface AnalyticsTable {
  columns: string[];
  rows: Array<Record<string, AnalyticsCell>>;
}

const ACTIVITY_KEYS = ['partnerId', 'partnerName', 'tier', 'region', 'status', 'launches', 'campaigns', 'lastLaunchAt'];
const DEFAULT_SORT: Record<Grouping, string> = {
  vendor: 'sent',
  partner: 'partnerName',
  campaign: 'campaignName',
  version: 'version',
  launch: 'launchedAt',
  step: 'step',
  day: 'day',
};

/**
 * The funnel for vendors (all their partners, or one) and partners (only their own), with
 * rates, sorted, as JSON or CSV. Machine opens and clicks are shown apart and in no rate.
 */
@Injectable()
export class AnalyticsService {
  constructor(
    private readonly analytics: AnalyticsRepository,
    private readonly partners: PartnersService,
    private readonly clock: Clock,
  ) {}

  async funnel(actor: Actor, q: FunnelQuery): Promise<AnalyticsTable> {
    // A named partner must be one the actor may see (404 otherwise); else the actor's scope.
    const scope = q.partnerId ? scopeOfPartner(await this.partners.get(actor, q.partnerId)) : scopeOf(actor);
    const rows = await this.analytics.funnel(
      scope,
      { campaignId: q.campaignId, launchId: q.launchId, from: q.from, to: q.to },
      q.groupBy,
    );
    const columns = [...KEY_COLUMNS[q.groupBy], ...COUNT_COLUMNS, ...RATE_COLUMNS];
    return {
      columns,
      rows: sortRows(
        rows.map(withRates),
        columns,
        q.sort ?? DEFAULT_SORT[q.groupBy],
        q.order ?? (q.groupBy === 'launch' ? 'desc' : 'asc'),
      ),
    };
  }

  /** Vendor users only: every partner, what it launched and produced; optionally only the inactive ones. */
  async partnerActivity(actor: Actor, q: PartnerActivityQuery): Promise<AnalyticsTable> {
    let rows = await this.analytics.partnerActivity(scopeOf(actor));
    if (q.inactiveDays !== undefined) {
      const since = this.clock.now().getTime() - q.inactiveDays * 86_400_000;
      rows = rows.filter((r) => !r.lastLaunchAt || r.lastLaunchAt.getTime() < since);
    }
    const columns = [...ACTIVITY_KEYS, ...COUNT_COLUMNS, ...RATE_COLUMNS];
    return { columns, rows: sortRows(rows.map(withRates), columns, q.sort ?? 'partnerName', q.order ?? 'asc') };
  }

  /** The table as CSV, formula-safe (see @tcma/csv). */
  toCsv(table: AnalyticsTable): string {
    return csvRow(table.columns) + table.rows.map((r) => csvRow(table.columns.map((c) => r[c]))).join('');
  }
}

function withRates(row: FunnelCounts & Record<string, AnalyticsCell>): Record<string, AnalyticsCell> {
  return { ...row, ...funnelRates(row) };
}

function sortRows(
  rows: Array<Record<string, AnalyticsCell>>,
  columns: string[],
  sort: string,
  order: 'asc' | 'desc',
): Array<Record<string, AnalyticsCell>> {
  if (!columns.includes(sort))
    throw new BadRequestError(`Cannot sort by ${sort}`, [
      { path: 'sort', message: `must be one of ${columns.join(', ')}` },
    ]);
  const sign = order === 'desc' ? -1 : 1;
  const value = (v: AnalyticsCell) => (v instanceof Date ? v.getTime() : v);
  return [...rows].sort((a, b) => {
    const x = value(a[sort]);
    const y = value(b[sort]);
    // Empty values last, whichever the order.
    if (x === null || x === undefined) return y === null || y === undefined ? 0 : 1;
    if (y === null || y === undefined) return -1;
    return sign * (typeof x === 'string' && typeof y === 'string' ? x.localeCompare(y) : Number(x) - Number(y));
  });
}
