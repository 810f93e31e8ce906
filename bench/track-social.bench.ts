import { LaunchesService } from '@tcma/launches';
import { EnrollmentService } from '@tcma/nurture';
import { SocialLinks, TrackingLinks } from '@tcma/tracking';
import type { ChildProcess } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { forkServer, OBSERVABILITY, waitForHealth } from './api-process';
import { benchEnvironment } from './bench-context';
import { median, percentile, print } from './bench-line';
import { benchTenant, seedProspects } from './bench-tenant';
import { load } from './track.bench';

/** Rounds of one run of each link, interleaved (which goes first alternates); the median round ratio counts. */
const ROUNDS = Number(process.env.BENCH_TRACK_ROUNDS ?? 5);

const exited = (c: ChildProcess) =>
  new Promise((r) => (c.exitCode !== null || c.signalCode !== null ? r(null) : c.once('exit', r)));

/**
 * `track_social_redirect`: a social post's short tracked link (`/s/<code>`: read the target,
 * write the click, answer 302) against the email click redirect (`/c/…`: verify the signature,
 * write the event, answer 302), both on the same API process in its own process, loaded in
 * interleaved rounds from this one (BENCH_TRACK_MS each, 64 keep-alive connections; access
 * logs and metrics on, the defaults). `ratio` is the median of the rounds' social ÷ email.
 */
export async function trackSocialBench(): Promise<void> {
  const bench = await benchEnvironment('track_social', { SIGNING_SECRET: 'bench-signing-secret-0123456789abcdef' });
  let api: { child: ChildProcess; port: number } | undefined;
  try {
    const app = bench.app;
    const db = bench.db;
    const tenant = await benchTenant(bench, { wait: { type: 'duration', minutes: 0 } });
    await seedProspects(bench, tenant, 0, 1);
    const launch = await app
      .get(LaunchesService)
      .create(tenant.partnerActor, { campaignId: tenant.campaignId, audience: { type: 'all' } });
    await app.get(EnrollmentService).enroll(launch.id);
    const [{ id: sendId }] = await db.query<Array<{ id: string }>>(
      `INSERT INTO sends (enrollment_id, step, launch_id, partner_id, vendor_id, prospect_id, status, due_at, claimed_at, sent_at)
       SELECT id, 0, launch_id, partner_id, vendor_id, prospect_id, 'sent', now(), now(), now() FROM enrollments WHERE launch_id = $1 RETURNING id::text`,
      [launch.id],
    );
    const email = new URL(
      app.get(TrackingLinks).click(sendId, { index: 0, url: 'https://acme-backup.example/trial', name: 'trial' }),
    );
    // A published post of the campaign with one tracked link, as SocialPostsService writes them.
    const code = app.get(SocialLinks).newCode();
    await db.query(
      `WITH v AS (SELECT id, version FROM campaign_versions WHERE campaign_id = $2 ORDER BY version DESC LIMIT 1),
       p AS (INSERT INTO social_posts (vendor_id, partner_id, campaign_id, campaign_version_id, version, asset_id, copy, due_at, time_zone, source)
             SELECT $1, $3, $2, v.id, v.version, 'bench', '{}'::jsonb, now(), 'UTC', 'manual' FROM v RETURNING id)
       INSERT INTO social_post_links (id, post_id, vendor_id, partner_id, campaign_id, network, link_index, target)
       SELECT $4, p.id, $1, $3, $2, 'linkedin', 0, 'https://acme-backup.example/trial?utm_source=linkedin&utm_medium=social' FROM p`,
      [tenant.vendorId, tenant.campaignId, tenant.partnerId, code],
    );
    const social = new URL(app.get(SocialLinks).url(code));

    const port = 20_000 + (process.pid % 20_000);
    // The access lines are written (as a log shipper would read them), then dropped.
    const quiet = fs.openSync('/dev/null', 'w');
    api = await forkServer(
      path.resolve(__dirname, '../apps/api/src/main.js'),
      { ...bench.env, PORT: String(port), HOST: '127.0.0.1', MIGRATIONS_RUN: 'false', ...OBSERVABILITY.on },
      async () => {
        await waitForHealth(port);
        return port;
      },
      { stdout: quiet },
    );
    const base = `http://127.0.0.1:${port}`;
    const runs: Record<'social' | 'email', Array<Awaited<ReturnType<typeof load>>>> = { social: [], email: [] };
    const ratios: number[] = [];
    for (let round = 0; round < ROUNDS; round++) {
      const order: Array<'social' | 'email'> = round % 2 ? ['email', 'social'] : ['social', 'email'];
      const got: Partial<Record<'social' | 'email', Awaited<ReturnType<typeof load>>>> = {};
      for (const which of order)
        got[which] = await load(
          which === 'social' ? `${base}${social.pathname}` : `${base}${email.pathname}${email.search}`,
          'Mozilla/5.0 (bench)',
        );
      runs.social.push(got.social!);
      runs.email.push(got.email!);
      ratios.push(got.social!.rps / got.email!.rps);
    }
    const [{ recorded }] = await db.query<Array<{ recorded: number }>>(
      'SELECT count(*)::int AS recorded FROM social_post_clicks WHERE link_id = $1',
      [code],
    );
    const answered = runs.social.reduce((n, r) => n + r.latencies.length, 0);
    const all = (which: 'social' | 'email') => runs[which].flatMap((r) => r.latencies);
    print({
      bench: 'track_social_redirect',
      value: median(runs.social.map((r) => r.rps)),
      unit: 'requests/s',
      baseline: 'email_click_redirect_same_process',
      baseline_value: median(runs.email.map((r) => r.rps)),
      ratio: median(ratios),
      round_ratios: ratios.map((r) => Math.round(r * 1000) / 1000),
      p50_ms: percentile(all('social'), 50),
      p99_ms: percentile(all('social'), 99),
      baseline_p99_ms: percentile(all('email'), 99),
      non_302: runs.social.reduce((n, r) => n + r.latencies.length - (r.statuses.get(302) ?? 0), 0),
      // Warm-up requests are recorded too (CONCURRENCY per run), so at least every measured one.
      clicks_recorded: recorded,
      clicks_measured: answered,
      link_chars: social.href.length,
      target: 'ratio >= 0.9',
    });
  } finally {
    if (api) {
      api.child.kill('SIGTERM');
      await exited(api.child);
    }
    await bench.close();
  }
}
