import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import { counterColumn, STORED_COUNTS, StoredCount } from './funnel';

/** Which judged events each funnel counter counts (see EventEntity). */
const COUNTED: Record<StoredCount, string> = {
  sent: "e.type IN ('sent', 'accepted', 'bounced')",
  accepted: "e.type = 'accepted'",
  bounced: "e.type = 'bounced'",
  opened: "e.type = 'opened' AND e.counted",
  clicked: "e.type = 'clicked' AND e.counted",
  unsubscribed: "e.type = 'unsubscribed'",
  converted: "e.type = 'converted'",
  machineOpens: "e.type = 'opened' AND e.machine IS NOT NULL",
  machineClicks: "e.type = 'clicked' AND e.machine IS NOT NULL",
};
const COLUMNS = STORED_COUNTS.map(counterColumn);
const COUNTS = STORED_COUNTS.map((f) => `count(*) FILTER (WHERE ${COUNTED[f]}) AS ${counterColumn(f)}`).join(', ');
const increment = (table: string) => COLUMNS.map((c) => `${c} = ${table}.${c} + EXCLUDED.${c}`).join(', ');

/**
 * Folds judged events into the funnel rollups (per launch, step and UTC day; and per launch
 * and step for all time), in the same transaction that judges them, so every event is
 * counted exactly once.
 */
@Injectable()
export class AnalyticsRollupRepository {
  constructor(private readonly dataSource: DataSource) {}

  /** Adds the given events (by id) to the rollups. */
  async addEvents(ids: string[], tx?: EntityManager): Promise<void> {
    if (ids.length) await this.add('e.id = ANY($1::bigint[])', [ids], tx);
  }

  /** Adds events with ids in [fromId, toId] (bulk loads and rebuilds). */
  async addRange(fromId: string, toId: string, tx?: EntityManager): Promise<void> {
    await this.add('e.id BETWEEN $1 AND $2', [fromId, toId], tx);
  }

  private async add(where: string, params: unknown[], tx?: EntityManager): Promise<void> {
    await (tx ?? this.dataSource.manager).query(
      `WITH c AS (
         SELECT e.launch_id, COALESCE(e.step, -1) AS step, (e.occurred_at AT TIME ZONE 'UTC')::date AS day, l.vendor_id, l.partner_id, l.campaign_id, l.version, ${COUNTS}
           FROM events e JOIN launches l ON l.id = e.launch_id
          WHERE ${where}
          GROUP BY 1, 2, 3, 4, 5, 6, 7
       ), daily AS (
         INSERT INTO analytics_daily (launch_id, step, day, vendor_id, partner_id, campaign_id, version, ${COLUMNS.join(', ')})
         SELECT * FROM c
         ON CONFLICT (launch_id, step, day) DO UPDATE SET ${increment('analytics_daily')}
       )
       INSERT INTO analytics_totals (launch_id, step, vendor_id, partner_id, campaign_id, version, ${COLUMNS.join(', ')})
       SELECT launch_id, step, vendor_id, partner_id, campaign_id, version, ${COLUMNS.map((c) => `sum(${c})`).join(', ')} FROM c GROUP BY 1, 2, 3, 4, 5, 6
       ON CONFLICT (launch_id, step) DO UPDATE SET ${increment('analytics_totals')}`,
      params,
    );
  }
}
