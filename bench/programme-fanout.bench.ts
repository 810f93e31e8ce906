import { getQueueToken } from '@nestjs/bullmq';
import { CampaignDraftsService, CampaignPublishingService } from '@tcma/campaigns';
import { ProgrammeFanoutService, ProgrammesService } from '@tcma/programmes';
import { QueueName } from '@tcma/queue';
import type { Queue } from 'bullmq';
import { loadDemo } from '../apps/cli/src/demo/demo-manifest';
import { benchEnvironment } from './bench-context';
import { print, rssMb } from './bench-line';
import { benchTenant } from './bench-tenant';

const PARTNERS = Number(process.env.BENCH_PROGRAMME_PARTNERS ?? 5000);

/**
 * `programme_fanout`: a new version of a campaign of a programme with PARTNERS subscribed
 * partners is published, then offered: the time from the publish to every pending launch
 * written and every notification job queued (what the fan-out job does in the worker); vs a
 * plain INSERT … SELECT of the same number of rows into a copy of the table, in the same run.
 */
export async function programmeFanoutBench(): Promise<void> {
  const bench = await benchEnvironment('programme_fanout');
  try {
    const app = bench.app;
    const db = bench.db;
    const tenant = await benchTenant(bench, { wait: { type: 'duration', days: 1 } });
    const programme = await app
      .get(ProgrammesService)
      .create(tenant.admin, { name: 'Bench programme', campaignIds: [tenant.campaignId] });

    // PARTNERS subscribed partners, each with one user, written in bulk (creating them is not measured).
    await db.query(
      `INSERT INTO partners (vendor_id, company_name, tier, region, timezone) SELECT $1, 'Bench partner ' || n, 'gold', 'emea', 'Europe/Warsaw' FROM generate_series(1, $2) AS n`,
      [tenant.vendorId, PARTNERS],
    );
    await db.query(
      `INSERT INTO users (vendor_id, partner_id, email, name, role) SELECT p.vendor_id, p.id, 'user-' || p.id || '@bench.example', 'User', 'partner_user' FROM partners p WHERE p.vendor_id = $1 AND p.company_name LIKE 'Bench partner %'`,
      [tenant.vendorId],
    );
    await db.query(
      `INSERT INTO programme_subscriptions (vendor_id, partner_id, programme_id, audience, review_hours) SELECT p.vendor_id, p.id, $2, '{"type":"all"}', 72 FROM partners p WHERE p.vendor_id = $1 AND p.company_name LIKE 'Bench partner %'`,
      [tenant.vendorId, programme.id],
    );
    const queue = app.get<Queue>(getQueueToken(QueueName.Programmes));
    const rssBefore = rssMb();
    const queuedBefore = (await queue.getJobCounts('waiting')).waiting;

    // A new edition: an edit opens a draft, which is published, then offered.
    await app.get(CampaignDraftsService).putLinks(tenant.admin, tenant.campaignId, loadDemo().manifest.links);
    const started = process.hrtime.bigint();
    const version = await app.get(CampaignPublishingService).publish(tenant.admin, tenant.campaignId);
    const published = process.hrtime.bigint();
    const [{ id: versionId }] = await db.query<Array<{ id: string }>>(
      'SELECT id FROM campaign_versions WHERE campaign_id = $1 AND version = $2',
      [tenant.campaignId, version.version],
    );
    const result = await app.get(ProgrammeFanoutService).fanOut(versionId);
    const finished = process.hrtime.bigint();
    const seconds = Number(finished - started) / 1e9;

    const [{ pending }] = await db.query<Array<{ pending: number }>>(
      "SELECT count(*)::int AS pending FROM pending_launches WHERE campaign_version_id = $1 AND state = 'pending'",
      [versionId],
    );
    const notifications = (await queue.getJobCounts('waiting')).waiting - queuedBefore - 1; // less the fan-out job the publish queued
    if (result.offered !== PARTNERS || pending !== PARTNERS || notifications !== PARTNERS)
      throw new Error(
        `Offered ${result.offered}, ${pending} pending launches and ${notifications} notifications queued for ${PARTNERS} subscribers`,
      );

    // The raw limit: as many rows written by one INSERT … SELECT into a copy of the table (same indexes), nothing checked.
    await db.query('CREATE TABLE bench_pending_launches (LIKE pending_launches INCLUDING ALL)');
    const baselineStart = process.hrtime.bigint();
    await db.query(
      `INSERT INTO bench_pending_launches (vendor_id, partner_id, subscription_id, campaign_id, campaign_version_id, version, audience, due_at)
       SELECT s.vendor_id, s.partner_id, s.id, $2, $3, $4, s.audience, now() FROM programme_subscriptions s WHERE s.vendor_id = $1`,
      [tenant.vendorId, tenant.campaignId, versionId, version.version],
    );
    const baselineSeconds = Number(process.hrtime.bigint() - baselineStart) / 1e9;

    print({
      bench: 'programme_fanout',
      value: seconds,
      unit: 's',
      baseline: 'pg_insert_select_same_rows',
      baseline_value: baselineSeconds,
      partners: PARTNERS,
      pending_launches: pending,
      notifications_queued: notifications,
      publish_seconds: Number(published - started) / 1e9,
      fanout_seconds: Number(finished - published) / 1e9,
      rss_mb_before: rssBefore,
      rss_mb_after: rssMb(),
      target: '<= 10 s',
    });
  } finally {
    await bench.close();
  }
}
