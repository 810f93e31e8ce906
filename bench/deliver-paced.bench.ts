import { SweepService } from '@tcma/nurture';
import { ChildProcess, fork } from 'node:child_process';
import * as path from 'node:path';
import { benchEnvironment } from './bench-context';
import { print } from './bench-line';
import { prepare, startSink, until, workersUp } from './deliver.bench';

/** How long each run sends for, at its rate. */
const SECONDS = Number(process.env.BENCH_PACED_SECONDS ?? 30);
const WORKERS = 2;

/**
 * `deliver_paced`: a launch whose steps all fall due at once, larger than its sender may send
 * in a second, with the sender's rate below what the machine can deliver: how close the
 * engine comes to the configured rate (achieved / configured, target >= 0.95) with nothing
 * failed or lost. Run at the default SEND_RATE_PER_SECOND with every other setting at its
 * default too, and at a tuned rate.
 */
export async function deliverPacedBench(): Promise<void> {
  await pacedRun('deliver_paced', null, 100);
  await pacedRun('deliver_paced_400', 400, 400);
}

/** `vendorRate` null: the vendor sets none, so the engine's default applies (`configured`). */
async function pacedRun(name: string, vendorRate: number | null, configured: number): Promise<void> {
  const steps = configured * SECONDS;
  const sink = await startSink();
  const bench = await benchEnvironment(name);
  const workers: ChildProcess[] = [];
  try {
    const { launchId } = await prepare(bench, sink.port, steps, vendorRate);
    const entry = path.resolve(__dirname, '../apps/worker/src/main.js');
    // Every setting at its default: only the roles are chosen.
    for (let i = 0; i < WORKERS; i++)
      workers.push(
        fork(entry, [], {
          env: { ...process.env, ...bench.env, WORKER_ROLES: 'send', MIGRATIONS_RUN: 'false', RENDER_THREADS: '0' },
          stdio: 'inherit',
        }),
      );
    await workersUp(bench, WORKERS);

    const due = Date.now();
    await bench.app.get(SweepService).sweep();
    await until(async () => (await sink.ask<{ count: number }>('count')).count >= steps, (SECONDS * 3 + 60) * 1000);
    const { received } = await sink.ask<{ received: Array<[string, number]> }>('report');
    const last = Math.max(...received.map(([, at]) => at));
    const ids = new Set(received.map(([id]) => id));
    const statuses = await bench.db.query<Array<{ status: string; n: number }>>(
      'SELECT status, count(*)::int AS n FROM sends WHERE launch_id = $1 GROUP BY status',
      [launchId],
    );
    const count = (status: string) => statuses.find((s) => s.status === status)?.n ?? 0;
    // The busiest second, to show pacing rather than bursts.
    const perSecond = new Map<number, number>();
    for (const [, at] of received)
      perSecond.set(Math.floor((at - due) / 1000), (perSecond.get(Math.floor((at - due) / 1000)) ?? 0) + 1);
    print({
      bench: name,
      value: (steps * 1000) / (last - due),
      unit: 'steps/s',
      baseline: 'configured_rate',
      baseline_value: configured,
      steps,
      workers: WORKERS,
      settings: vendorRate === null ? 'all defaults' : `vendor rate ${vendorRate}/s, other settings default`,
      seconds: (last - due) / 1000,
      busiest_second: Math.max(...perSecond.values()),
      sent: count('sent'),
      failed: count('failed'),
      lost: steps - ids.size,
      duplicates: received.length - ids.size,
      target: 'ratio >= 0.95, failed = 0, lost = 0, duplicates = 0',
    });
  } finally {
    for (const w of workers) w.kill('SIGTERM');
    await Promise.all(workers.map((w) => new Promise((r) => (w.exitCode !== null ? r(null) : w.once('exit', r)))));
    sink.child.kill();
    await bench.close();
  }
}
