import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';

/** What counts, per funnel column, from judged events (see EventEntity). */
const COUNTS = `
  count(*) FILTER (WHERE e.type IN ('sent', 'accepted', 'bounced')) AS sent,
  count(*) FILTER (WHERE e.type = 'accepted') AS accepted,
  count(*) FILTER (WHERE e.type = 'bounced') AS bounced,
  count(*) FILTER (WHERE e.type = 'opened' AND e.counted) AS opened,
  count(*) FILTER (WHERE e.type = 'clicked' AND e.counted) AS clicked,
  count(*) FILTER (WHERE e.type = 'unsubscribed') AS unsubscribed,
  count(*) FILTER (WHERE e.type = 'converted') AS converted,
  count(*) FILTER (WHERE e.type = 'opened' AND e.machine IS NOT NULL) AS machine_opens,
  count(*) FILTER (WHERE e.type = 'clicked' AND e.machine IS NOT NULL) AS machine_clicks`;

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
    const counters = ['sent', 'accepted', 'bounced', 'opened', 'clicked', 'unsubscribed', 'converted', 'machine_opens', 'machine_clicks'];
    const increment = (table: string) => counters.map((c) => `${c} = ${table}.${c} + EXCLUDED.${c}`).join(', ');
    await (tx ?? this.dataSource.manager).query(
      `WITH c AS (
         SELECT e.launch_id, COALESCE(e.step, -1) AS step, (e.occurred_at AT TIME ZONE 'UTC')::date AS day, l.vendor_id, l.partner_id, l.campaign_id, l.version, ${COUNTS}
           FROM events e JOIN launches l ON l.id = e.launch_id
          WHERE ${where}
          GROUP BY 1, 2, 3, 4, 5, 6, 7
       ), daily AS (
         INSERT INTO analytics_daily (launch_id, step, day, vendor_id, partner_id, campaign_id, version, ${counters.join(', ')})
         SELECT * FROM c
         ON CONFLICT (launch_id, step, day) DO UPDATE SET ${increment('analytics_daily')}
       )
       INSERT INTO analytics_totals (launch_id, step, vendor_id, partner_id, campaign_id, version, ${counters.join(', ')})
       SELECT launch_id, step, vendor_id, partner_id, campaign_id, version, ${counters.map((c) => `sum(${c})`).join(', ')} FROM c GROUP BY 1, 2, 3, 4, 5, 6
       ON CONFLICT (launch_id, step) DO UPDATE SET ${increment('analytics_totals')}`,
      params,
    );
  }
}
