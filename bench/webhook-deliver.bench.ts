import { PartnerScope } from '@tcma/persistence';
import { WEBHOOK_IN_FLIGHT_PER_ENDPOINT, WebhookDispatcher, WebhooksService } from '@tcma/webhooks';
import { ChildProcess, fork } from 'node:child_process';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import * as path from 'node:path';
import { benchEnvironment } from './bench-context';
import { percentile, print } from './bench-line';
import { benchTenant } from './bench-tenant';
import { postRounds } from './webhook-baseline';

const DELIVERIES = Number(process.env.BENCH_WEBHOOK_DELIVERIES ?? 2_000);
const BASELINE_ROUNDS = 3;
/** As many at once as one worker sends to one receiver (WEBHOOK_IN_FLIGHT_PER_ENDPOINT). */
const CONCURRENCY = WEBHOOK_IN_FLIGHT_PER_ENDPOINT;

const exited = (c: ChildProcess) =>
  new Promise((r) => (c.exitCode !== null || c.signalCode !== null ? r(null) : c.once('exit', r)));

/**
 * `webhook_deliver`: `lead_created` deliveries recorded and queued by this process, sent by one
 * worker process (the `webhook` role: resolve and check the target, sign, POST, log the attempt)
 * to a receiver in this process answering 204, after a warm-up delivery: deliveries per second
 * from queueing them all to the last arrival, and p99 from a job queued to its delivery's arrival
 * (the deliveries are recorded before the clock starts; `recorded_ms` says how long). Raw limit,
 * same run: this process POSTing the same signed bodies to the same receiver over keep-alive
 * connections, CONCURRENCY at a time (webhook-baseline.ts).
 */
export async function webhookDeliverBench(): Promise<void> {
  const bench = await benchEnvironment('webhook', {
    WEBHOOK_ALLOWED_PRIVATE_TARGETS: '127.0.0.1',
    SIGNING_SECRET: 'bench-signing-secret-0123456789abcdef',
  });
  const children: ChildProcess[] = [];
  const arrivals = new Map<string, number>();
  let onArrival = () => undefined as void;
  const receiver = createServer((req, res) => {
    req.resume();
    req.on('end', () => {
      arrivals.set(String(req.headers['webhook-id']), Date.now());
      res.writeHead(204).end();
      onArrival();
    });
  });
  try {
    await new Promise<void>((resolve) => receiver.listen(0, '127.0.0.1', resolve));
    const url = `http://127.0.0.1:${(receiver.address() as AddressInfo).port}/hook`;
    const tenant = await benchTenant(bench, { wait: { type: 'duration', minutes: 0 } });
    const { secret } = await bench.app
      .get(WebhooksService)
      .register(tenant.admin, { url, eventTypes: ['lead_created'] });
    const worker = fork(path.resolve(__dirname, '../apps/worker/src/main.js'), [], {
      env: { ...process.env, ...bench.env, WORKER_ROLES: 'webhook', MIGRATIONS_RUN: 'false' },
      stdio: 'inherit',
      // BENCH_PROFILE=<dir>: a CPU profile of the worker too.
      execArgv: process.env.BENCH_PROFILE ? ['--cpu-prof', `--cpu-prof-dir=${process.env.BENCH_PROFILE}`] : [],
    });
    children.push(worker);

    const dispatcher = bench.app.get(WebhookDispatcher);
    const scope = new PartnerScope(tenant.vendorId, tenant.partnerId);
    // The worker boots (about 1.2 s of its CPU) before it takes a job: the clock starts once one
    // warm-up delivery has arrived, so the figure is a running worker's, as the baseline's is.
    const warmUp = await dispatcher.record(scope, 'lead_created', { leadId: 'warm-up' }, new Date(), false);
    await new Promise<void>((resolve) => {
      onArrival = () => void (arrivals.has(warmUp[0]) && resolve());
      void dispatcher.dispatch(warmUp);
    });
    arrivals.clear();
    // Every delivery recorded first (as events would have recorded them), then queued at once: the
    // clock times the worker alone. Recorded one by one here, they arrived as fast as this process
    // could record them (3.5 s of the 3.6 s run), and that was the figure.
    const ids: string[] = [];
    const recordStart = Date.now();
    for (let k = 0; k < DELIVERIES; k++) {
      const data = {
        leadId: `lead-${k}`,
        partnerId: tenant.partnerId,
        prospect: { email: `visitor${k}@bench.example`, firstName: `First${k}` },
        status: 'new',
      };
      ids.push(...(await dispatcher.record(scope, 'lead_created', data, new Date(), false)));
    }
    const recordedMs = Date.now() - recordStart;
    const queuedAt = new Map<string, number>();
    const all = new Promise<void>((resolve) => (onArrival = () => void (arrivals.size >= DELIVERIES && resolve())));
    const start = Date.now();
    for (let i = 0; i < ids.length; i += 100) {
      const batch = ids.slice(i, i + 100);
      await dispatcher.dispatch(batch);
      for (const id of batch) queuedAt.set(id, Date.now());
    }
    await all;
    const elapsed = Math.max(...arrivals.values()) - start;
    const latencies = [...queuedAt].map(([id, at]) => (arrivals.get(id) ?? NaN) - at);
    const arrived = arrivals.size;
    // The worker logs each attempt just after its answer: wait (at most 30 s) for the log to catch up.
    let delivered = 0;
    for (let i = 0; i < 300 && delivered < DELIVERIES; i++) {
      if (i) await new Promise((r) => setTimeout(r, 100));
      [{ delivered }] = await bench.db.query<Array<{ delivered: number }>>(
        "SELECT count(*)::int AS delivered FROM webhook_deliveries WHERE status = 'delivered' AND payload->'data'->>'leadId' <> 'warm-up'",
      );
    }
    worker.kill('SIGTERM');
    await exited(worker);

    // The raw limit: the same signed POSTs straight from this process (webhook-baseline.ts).
    const baseline = await postRounds({
      url,
      secret,
      deliveries: DELIVERIES,
      concurrency: CONCURRENCY,
      rounds: BASELINE_ROUNDS,
    });
    // The median of three rounds (one round of 2,000 POSTs lasts a few tenths of a second, and
    // single rounds moved by a third between runs; the first is the slowest, connections opening).
    const baselineElapsed = [...baseline.roundsMs].sort((a, b) => a - b)[Math.floor(BASELINE_ROUNDS / 2)];

    print({
      bench: 'webhook_deliver',
      value: (DELIVERIES * 1000) / elapsed,
      unit: 'deliveries/s',
      baseline: 'node_http_signed_posts_same_receiver',
      baseline_value: (DELIVERIES * 1000) / baselineElapsed,
      p50_ms: percentile(latencies, 50),
      // From the delivery's job being queued to its arrival at the receiver (all queued at once: mostly the queue).
      p99_ms: percentile(latencies, 99),
      baseline_p99_ms: percentile(baseline.latencies, 99),
      deliveries: DELIVERIES,
      delivered_logged: delivered,
      arrived_distinct: arrived,
      in_flight: CONCURRENCY,
      baseline_rounds_ms: baseline.roundsMs,
      // The first round alone (connections opened, code not yet optimised): the baseline before 28 November.
      baseline_first_round_value: (DELIVERIES * 1000) / baseline.roundsMs[0],
      recorded_ms: recordedMs,
    });
  } finally {
    for (const c of children) c.kill('SIGTERM');
    await Promise.all(children.map(exited));
    await new Promise((resolve) => receiver.close(resolve));
    await bench.close();
  }
}
