import { EnrollmentService, LaunchesService } from '@tcma/nurture';
import { TrackingLinks } from '@tcma/tracking';
import { ChildProcess, fork } from 'node:child_process';
import { Agent, request } from 'node:http';
import * as path from 'node:path';
import { benchEnvironment } from './bench-context';
import { percentile, print } from './bench-line';
import { benchTenant, seedProspects } from './bench-tenant';

const DURATION_MS = Number(process.env.BENCH_TRACK_MS ?? 10_000);
const CONCURRENCY = Number(process.env.BENCH_TRACK_CONCURRENCY ?? 64);

/** Requests `url` from CONCURRENCY keep-alive connections for DURATION_MS: requests per second and latencies. */
async function load(url: string, agentName: string): Promise<{ rps: number; latencies: number[]; statuses: Map<number, number> }> {
  const agent = new Agent({ keepAlive: true, maxSockets: CONCURRENCY });
  const latencies: number[] = [];
  const statuses = new Map<number, number>();
  const once = () =>
    new Promise<void>((resolve, reject) => {
      const started = process.hrtime.bigint();
      const req = request(url, { agent, headers: { 'User-Agent': agentName } }, (res) => {
        res.resume();
        res.on('end', () => {
          latencies.push(Number(process.hrtime.bigint() - started) / 1e6);
          statuses.set(res.statusCode ?? 0, (statuses.get(res.statusCode ?? 0) ?? 0) + 1);
          resolve();
        });
      });
      req.on('error', reject);
      req.end();
    });
  // Warm up the connections and the server's code paths.
  await Promise.all(Array.from({ length: CONCURRENCY }, once));
  latencies.length = 0;
  statuses.clear();
  const start = Date.now();
  await Promise.all(
    Array.from({ length: CONCURRENCY }, async () => {
      while (Date.now() - start < DURATION_MS) await once();
    }),
  );
  const elapsed = Date.now() - start;
  agent.destroy();
  return { rps: (latencies.length * 1000) / elapsed, latencies, statuses };
}

function forkServer(entry: string, env: Record<string, string>, ready: (child: ChildProcess) => Promise<number>): Promise<{ child: ChildProcess; port: number }> {
  // BENCH_PROFILE=<dir>: a CPU profile of each server, to see where a request's time goes.
  const execArgv = process.env.BENCH_PROFILE ? ['--cpu-prof', `--cpu-prof-dir=${process.env.BENCH_PROFILE}`] : [];
  const child = fork(entry, [], { env: { ...process.env, ...env }, execArgv, stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
  return ready(child).then((port) => ({ child, port }));
}

async function waitForHealth(port: number): Promise<void> {
  for (let i = 0; i < 300; i++) {
    const ok = await fetch(`http://127.0.0.1:${port}/health`).then((r) => r.ok, () => false);
    if (ok) return;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error('The API did not start');
}

/**
 * `track_redirect`: the click redirect of the engine's API (its own process: verify the
 * signature, write the event, answer 302) under load from this process; vs Node's bare HTTP
 * server answering the same 302 in the same run.
 */
export async function trackBench(): Promise<void> {
  const bench = await benchEnvironment('track', { SIGNING_SECRET: 'bench-signing-secret-0123456789abcdef' });
  const children: ChildProcess[] = [];
  try {
    const app = bench.app;
    const tenant = await benchTenant(bench, { wait: { type: 'duration', minutes: 0 } });
    await seedProspects(bench, tenant, 0, 1);
    const launch = await app.get(LaunchesService).create(tenant.partnerActor, { campaignId: tenant.campaignId, audience: { type: 'all' } });
    await app.get(EnrollmentService).enroll(launch.id);
    const db = bench.db;
    const [{ id: sendId }] = await db.query<Array<{ id: string }>>(
      `INSERT INTO sends (enrollment_id, step, launch_id, partner_id, vendor_id, prospect_id, status, due_at, claimed_at, sent_at)
       SELECT id, 0, launch_id, partner_id, vendor_id, prospect_id, 'sent', now(), now(), now() FROM enrollments WHERE launch_id = $1 RETURNING id::text`,
      [launch.id],
    );
    const click = new URL(app.get(TrackingLinks).click(sendId, { index: 0, url: 'https://acme-backup.example/trial', name: 'trial' }));

    const port = 20_000 + (process.pid % 20_000);
    const api = await forkServer(path.resolve(__dirname, '../apps/api/src/main.js'), { ...bench.env, PORT: String(port), HOST: '127.0.0.1', MIGRATIONS_RUN: 'false', LOG_LEVEL: 'error'}, async () => {
      await waitForHealth(port);
      return port;
    });
    children.push(api.child);
    const engine = await load(`http://127.0.0.1:${port}${click.pathname}${click.search}`, 'Mozilla/5.0 (bench)');
    const [{ recorded }] = await db.query<Array<{ recorded: number }>>("SELECT count(*)::int AS recorded FROM events WHERE send_id = $1 AND type = 'clicked'", [sendId]);

    const raw = await forkServer(path.join(__dirname, 'redirect-baseline.process.js'), {}, (child) => new Promise((resolve) => child.once('message', (m: { port: number }) => resolve(m.port))));
    children.push(raw.child);
    const baseline = await load(`http://127.0.0.1:${raw.port}/c/1/0/x?u=https://acme-backup.example/trial`, 'Mozilla/5.0 (bench)');

    const answered = engine.latencies.length + CONCURRENCY;
    print({
      bench: 'track_redirect',
      value: engine.rps,
      unit: 'requests/s',
      baseline: 'node_http_bare_302',
      baseline_value: baseline.rps,
      p50_ms: percentile(engine.latencies, 50),
      p99_ms: percentile(engine.latencies, 99),
      baseline_p99_ms: percentile(baseline.latencies, 99),
      concurrency: CONCURRENCY,
      seconds: DURATION_MS / 1000,
      non_302: engine.latencies.length - (engine.statuses.get(302) ?? 0),
      events_recorded: recorded,
      events_expected: answered,
    });
  } finally {
    for (const c of children) c.kill('SIGTERM');
    await Promise.all(children.map((c) => new Promise((r) => (c.exitCode !== null ? r(null) : c.once('exit', r)))));
    await bench.close();
  }
}
