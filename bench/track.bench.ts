import { LaunchesService } from '@tcma/launches';
import { EnrollmentService } from '@tcma/nurture';
import { TrackingLinks } from '@tcma/tracking';
import type { ChildProcess } from 'node:child_process';
import * as fs from 'node:fs';
import { Agent, request } from 'node:http';
import * as os from 'node:os';
import * as path from 'node:path';
import { cpuMs, forkServer, OBSERVABILITY, waitForHealth } from './api-process';
import { benchEnvironment } from './bench-context';
import { interleavedRuns, median, medianRoundRatio, percentile, print } from './bench-line';
import { benchTenant, seedProspects } from './bench-tenant';

const DURATION_MS = Number(process.env.BENCH_TRACK_MS ?? 10_000);
const CONCURRENCY = Number(process.env.BENCH_TRACK_CONCURRENCY ?? 64);
/** Rounds of one run each with access logs and metrics on, off, and of the bare server (interleavedRuns); median round ratios count. */
const ROUNDS = Number(process.env.BENCH_TRACK_ROUNDS ?? 5);

/** Requests `url` from CONCURRENCY keep-alive connections for DURATION_MS: requests per second and latencies. */
export async function load(
  url: string,
  agentName: string,
): Promise<{ rps: number; latencies: number[]; statuses: Map<number, number> }> {
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

/** A load on a server process, with the server's CPU microseconds per request answered (warm-up included). */
async function measured(
  server: ChildProcess,
  loaded: () => ReturnType<typeof load>,
): Promise<Awaited<ReturnType<typeof load>> & { cpuUsPerRequest: number }> {
  const before = cpuMs(server.pid);
  const result = await loaded();
  const requests = result.latencies.length + CONCURRENCY;
  return { ...result, cpuUsPerRequest: ((cpuMs(server.pid) - before) * 1000) / requests };
}

const exited = (c: ChildProcess) =>
  new Promise((r) => (c.exitCode !== null || c.signalCode !== null ? r(null) : c.once('exit', r)));

/**
 * `track_redirect`: the click redirect of the engine's API (its own process: verify the
 * signature, write the event, answer 302) under load from this process; vs Node's bare HTTP
 * server answering the same 302, one run of each in each of ROUNDS interleaved rounds; the median
 * of the rounds' engine ÷ bare ratios is the figure. `track_redirect_observability`: the same
 * engine with access logs (a JSON line per request, into a file) and metrics on, against both
 * off, in the same rounds; the median of the rounds' on ÷ off ratios is the figure.
 */
export async function trackBench(): Promise<void> {
  const bench = await benchEnvironment('track', { SIGNING_SECRET: 'bench-signing-secret-0123456789abcdef' });
  const children: ChildProcess[] = [];
  try {
    const app = bench.app;
    const tenant = await benchTenant(bench, { wait: { type: 'duration', minutes: 0 } });
    await seedProspects(bench, tenant, 0, 1);
    const launch = await app
      .get(LaunchesService)
      .create(tenant.partnerActor, { campaignId: tenant.campaignId, audience: { type: 'all' } });
    await app.get(EnrollmentService).enroll(launch.id);
    const db = bench.db;
    const [{ id: sendId }] = await db.query<Array<{ id: string }>>(
      `INSERT INTO sends (enrollment_id, step, launch_id, partner_id, vendor_id, prospect_id, status, due_at, claimed_at, sent_at)
       SELECT id, 0, launch_id, partner_id, vendor_id, prospect_id, 'sent', now(), now(), now() FROM enrollments WHERE launch_id = $1 RETURNING id::text`,
      [launch.id],
    );
    const click = new URL(
      app.get(TrackingLinks).click(sendId, { index: 0, url: 'https://acme-backup.example/trial', name: 'trial' }),
    );

    const port = 20_000 + (process.pid % 20_000);
    const logFile = path.join(os.tmpdir(), `tcma-bench-track-${process.pid}.log`);
    /** The API in its own process with `settings`, loaded for DURATION_MS; its log lines go to a file, as a log shipper would read them. */
    const run = async (settings: Record<string, string>) => {
      const fd = fs.openSync(logFile, 'w');
      const api = await forkServer(
        path.resolve(__dirname, '../apps/api/src/main.js'),
        { ...bench.env, PORT: String(port), HOST: '127.0.0.1', MIGRATIONS_RUN: 'false', ...settings },
        async () => {
          await waitForHealth(port);
          return port;
        },
        { stdout: fd },
      );
      children.push(api.child);
      let result: Awaited<ReturnType<typeof load>> & { cpuUsPerRequest: number };
      try {
        result = await measured(api.child, () =>
          load(`http://127.0.0.1:${port}${click.pathname}${click.search}`, 'Mozilla/5.0 (bench)'),
        );
      } finally {
        api.child.kill('SIGTERM');
        await exited(api.child);
        fs.closeSync(fd);
      }
      // Counted once the process has ended: its last lines are written by then.
      return {
        ...result,
        logLines: fs
          .readFileSync(logFile, 'utf8')
          .split('\n')
          .filter((l) => l.includes('"request completed"')).length,
      };
    };
    // The raw limit runs in every round beside the engine (interleavedRuns): a ratio of runs
    // seconds apart, not of an engine and a baseline measured minutes from each other.
    const raw = await forkServer(
      path.join(__dirname, 'redirect-baseline.process.js'),
      {},
      (child) => new Promise((resolve) => child.once('message', (m: { port: number }) => resolve(m.port))),
    );
    children.push(raw.child);
    const bare = () =>
      measured(raw.child, () =>
        load(`http://127.0.0.1:${raw.port}/c/1/0/x?u=https://acme-backup.example/trial`, 'Mozilla/5.0 (bench)'),
      ).then((r) => ({ ...r, logLines: 0 }));
    const runs = await interleavedRuns(ROUNDS, ['on', 'off', 'bare'] as const, (variant) =>
      variant === 'bare' ? bare() : run(OBSERVABILITY[variant]),
    );
    fs.rmSync(logFile, { force: true });
    const { on, off } = runs;
    const observability = medianRoundRatio(on, off, (r) => r.rps);
    const headline = medianRoundRatio(on, runs.bare, (r) => r.rps);
    // The headline figures: the median "on" run and the median bare run.
    const middle = <T extends { rps: number }>(rs: T[]) =>
      [...rs].sort((x, y) => x.rps - y.rps)[Math.floor(rs.length / 2)];
    const engine = middle(on);
    const baseline = middle(runs.bare);
    const [{ recorded }] = await db.query<Array<{ recorded: number }>>(
      "SELECT count(*)::int AS recorded FROM events WHERE send_id = $1 AND type = 'clicked'",
      [sendId],
    );

    // Every request of every run, warm-up included, recorded its click.
    const answered = [...on, ...off].reduce((n, r) => n + r.latencies.length + CONCURRENCY, 0);
    print({
      bench: 'track_redirect',
      value: engine.rps,
      unit: 'requests/s',
      baseline: 'node_http_bare_302',
      baseline_value: baseline.rps,
      // The median of the rounds' engine ÷ bare ratios, not the ratio of the medians.
      ratio: headline.ratio,
      rounds: ROUNDS,
      runs_engine: on.map((r) => Math.round(r.rps)),
      runs_bare: runs.bare.map((r) => Math.round(r.rps)),
      round_ratios: headline.ratios.map((r) => Math.round(r * 1000) / 1000),
      // The server process's own CPU per request (median of the runs): steadier than a rate.
      cpu_us_per_request: median(on.map((r) => r.cpuUsPerRequest)),
      baseline_cpu_us_per_request: median(runs.bare.map((r) => r.cpuUsPerRequest)),
      p50_ms: percentile(engine.latencies, 50),
      p99_ms: percentile(engine.latencies, 99),
      baseline_p99_ms: percentile(baseline.latencies, 99),
      concurrency: CONCURRENCY,
      seconds: DURATION_MS / 1000,
      non_302: engine.latencies.length - (engine.statuses.get(302) ?? 0),
      events_recorded: recorded,
      events_expected: answered,
      access_log: 'on',
      metrics: 'on',
    });
    print({
      bench: 'track_redirect_observability',
      value: median(on.map((r) => r.rps)),
      unit: 'requests/s',
      baseline: 'same_engine_access_log_and_metrics_off',
      baseline_value: median(off.map((r) => r.rps)),
      // The median of the rounds' ratios, not the ratio of the medians.
      ratio: observability.ratio,
      rounds: ROUNDS,
      seconds_per_run: DURATION_MS / 1000,
      p99_ms: median(on.map((r) => percentile(r.latencies, 99))),
      baseline_p99_ms: median(off.map((r) => percentile(r.latencies, 99))),
      runs_on: on.map((r) => Math.round(r.rps)),
      runs_off: off.map((r) => Math.round(r.rps)),
      cpu_us_per_request: median(on.map((r) => r.cpuUsPerRequest)),
      baseline_cpu_us_per_request: median(off.map((r) => r.cpuUsPerRequest)),
      round_ratios: observability.ratios.map((r) => Math.round(r * 1000) / 1000),
      // The access log wrote a line per answered request (warm-up included); off, none.
      access_lines_on: on.reduce((n, r) => n + r.logLines, 0),
      access_lines_off: off.reduce((n, r) => n + r.logLines, 0),
      answered_on: on.reduce((n, r) => n + r.latencies.length + CONCURRENCY, 0),
      target: 'median round ratio >= 0.9',
    });
  } finally {
    for (const c of children) c.kill('SIGTERM');
    await Promise.all(children.map(exited));
    await bench.close();
  }
}
