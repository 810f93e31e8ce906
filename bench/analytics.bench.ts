import { AnalyticsRollupRepository, AnalyticsService } from '@tcma/analytics';
import { EventPartitionsService } from '@tcma/housekeeping';
import type { Actor } from '@tcma/tenancy';
import { benchEnvironment } from './bench-context';
import { percentile, print } from './bench-line';
import { benchTenant } from './bench-tenant';

const EVENTS = Number(process.env.BENCH_ANALYTICS_EVENTS ?? 10_000_000);
const PARTNERS = Number(process.env.BENCH_ANALYTICS_PARTNERS ?? 200);
const LAUNCHES_PER_PARTNER = 3;
const DAYS = 90;
const CHUNK = 1_000_000;
const RUNS = 50;

async function timed(fn: () => Promise<unknown>, runs: number): Promise<number[]> {
  const ms: number[] = [];
  for (let i = 0; i < runs; i++) {
    const start = process.hrtime.bigint();
    await fn();
    ms.push(Number(process.hrtime.bigint() - start) / 1e6);
  }
  return ms;
}

/**
 * `analytics_query`: the vendor dashboard (the funnel per partner across every launch, and the
 * partner activity table) over EVENTS events of PARTNERS partners across DAYS days, p95 of
 * RUNS runs. Baseline: the same per-partner funnel computed straight from the events table.
 */
export async function analyticsBench(): Promise<void> {
  const bench = await benchEnvironment('analytics');
  try {
    const app = bench.app;
    const db = bench.db;
    const tenant = await benchTenant(bench, { wait: { type: 'duration', days: 1 } });
    const [{ version_id: versionId }] = await db.query<Array<{ version_id: string }>>(
      'SELECT id AS version_id FROM campaign_versions WHERE campaign_id = $1',
      [tenant.campaignId],
    );
    // Partners and their launches, written directly: the bench is about the events.
    await db.query(
      `INSERT INTO partners (vendor_id, company_name, tier, region, status, timezone)
       SELECT $1, 'Partner ' || g, CASE WHEN g % 3 = 0 THEN 'gold' ELSE 'silver' END, 'emea', 'active', 'Europe/Warsaw' FROM generate_series(1, $2) g`,
      [tenant.vendorId, PARTNERS - 1],
    );
    await db.query(
      `INSERT INTO launches (vendor_id, partner_id, campaign_id, campaign_version_id, version, audience, start_at, timezone, status, enrolled, created_at)
       SELECT p.vendor_id, p.id, $2, $3, 1, '{"type":"all"}', now() - (k || ' days')::interval, 'Europe/Warsaw', 'active', 5000, now() - (k * 20 || ' days')::interval
         FROM partners p CROSS JOIN generate_series(1, $4) k WHERE p.vendor_id = $1`,
      [tenant.vendorId, tenant.campaignId, versionId, LAUNCHES_PER_PARTNER],
    );
    const launches = (
      await db.query<Array<{ id: string; partner_id: string }>>(
        'SELECT id, partner_id FROM launches WHERE vendor_id = $1 ORDER BY id',
        [tenant.vendorId],
      )
    ).map((l) => l.id);

    // The events' month partitions for the days loaded, as an installation that has run that long has them.
    const partitions = await app
      .get(EventPartitionsService)
      .ensure(new Date(Date.now() - DAYS * 86_400_000), new Date());
    // Events as the judge leaves them: a realistic mix of types, a share of machine opens and clicks.
    const loadStart = Date.now();
    for (let from = 0; from < EVENTS; from += CHUNK) {
      await db.query(
        `INSERT INTO events (type, occurred_at, vendor_id, partner_id, launch_id, prospect_id, send_id, step, link_index, machine, counted, processed_at)
         SELECT t.type, now() - floor(random() * $4) * interval '1 day' - floor(random() * 86400) * interval '1 second', l.vendor_id, l.partner_id, l.id, g, g / 3, floor(random() * 3)::int,
                CASE WHEN t.type = 'clicked' THEN g % 4 END,
                CASE WHEN t.type IN ('opened', 'clicked') AND g % 5 = 0 THEN 'scanner_user_agent' END,
                NOT (t.type IN ('opened', 'clicked') AND (g % 5 = 0 OR g % 7 = 0)), now()
           FROM generate_series($1::bigint, $2::bigint) g
           JOIN LATERAL (SELECT CASE WHEN g % 100 < 45 THEN 'accepted' WHEN g % 100 < 47 THEN 'bounced' WHEN g % 100 < 75 THEN 'opened' WHEN g % 100 < 92 THEN 'clicked'
                                     WHEN g % 100 < 93 THEN 'unsubscribed' WHEN g % 100 < 94 THEN 'converted' ELSE 'sent' END AS type) t ON true
           JOIN LATERAL (SELECT id, vendor_id, partner_id FROM launches WHERE id = ($3::uuid[])[floor(random() * array_length($3::uuid[], 1))::int + 1 + (g * 0)::int]) l ON true`,
        [from + 1, Math.min(EVENTS, from + CHUNK), launches, DAYS],
      );
    }
    const [{ min, max }] = await db.query<Array<{ min: string; max: string }>>(
      'SELECT min(id)::text AS min, max(id)::text AS max FROM events',
    );
    const rollups = app.get(AnalyticsRollupRepository);
    for (let from = BigInt(min); from <= BigInt(max); from += BigInt(CHUNK))
      await rollups.addRangeForSystem(String(from), String(from + BigInt(CHUNK) - 1n));
    const loadSeconds = (Date.now() - loadStart) / 1000;
    await db.query('ANALYZE events, analytics_daily, analytics_totals, launches, partners');
    const [{ daily, totals }] = await db.query<Array<{ daily: number; totals: number }>>(
      'SELECT (SELECT count(*)::int FROM analytics_daily) AS daily, (SELECT count(*)::int FROM analytics_totals) AS totals',
    );

    const vendor: Actor = tenant.admin;
    const analytics = app.get(AnalyticsService);
    const byPartner = await analytics.funnel(vendor, { groupBy: 'partner' });
    const dashboard = await timed(
      () =>
        Promise.all([
          analytics.funnel(vendor, { groupBy: 'partner', sort: 'sent', order: 'desc' }),
          analytics.partnerActivity(vendor, { inactiveDays: 30 }),
        ]),
      RUNS,
    );
    const byDay = await timed(() => analytics.funnel(vendor, { groupBy: 'day' }), RUNS);
    const lastMonth = new Date(Date.now() - 30 * 86_400_000).toISOString().slice(0, 10);
    const ranged = await timed(() => analytics.funnel(vendor, { groupBy: 'partner', from: lastMonth }), RUNS);

    // The naive way: the same per-partner funnel from the raw events.
    const naive = await timed(
      () =>
        db.query(
          `SELECT partner_id, count(*) FILTER (WHERE type IN ('sent', 'accepted', 'bounced')) AS sent, count(*) FILTER (WHERE type = 'accepted') AS accepted,
                  count(*) FILTER (WHERE type = 'bounced') AS bounced, count(*) FILTER (WHERE type = 'opened' AND counted) AS opened,
                  count(*) FILTER (WHERE type = 'clicked' AND counted) AS clicked, count(*) FILTER (WHERE type = 'unsubscribed') AS unsubscribed,
                  count(*) FILTER (WHERE type = 'converted') AS converted FROM events WHERE vendor_id = $1 GROUP BY partner_id`,
          [tenant.vendorId],
        ),
      5,
    );

    print({
      bench: 'analytics_query',
      value: percentile(dashboard, 95),
      unit: 'ms p95',
      baseline: 'aggregate_raw_events_same_funnel',
      baseline_value: percentile(naive, 95),
      events: EVENTS,
      partners: byPartner.rows.length,
      launches: launches.length,
      daily_rollup_rows: daily,
      total_rollup_rows: totals,
      dashboard_p50_ms: percentile(dashboard, 50),
      by_day_p95_ms: percentile(byDay, 95),
      last_30_days_by_partner_p95_ms: percentile(ranged, 95),
      load_seconds: loadSeconds,
      month_partitions_made: partitions.length,
      target: '< 200 ms p95 with 10,000,000 events',
    });
  } finally {
    await bench.close();
  }
}
