import { ChildProcess, fork } from 'node:child_process';

/** Starts a server process of the built engine (or a baseline); `ready` answers its port. */
export function forkServer(
  entry: string,
  env: Record<string, string>,
  ready: (child: ChildProcess) => Promise<number>,
  options: { stdout?: number } = {},
): Promise<{ child: ChildProcess; port: number }> {
  // BENCH_PROFILE=<dir>: a CPU profile of each server, to see where a request's time goes.
  const execArgv = process.env.BENCH_PROFILE ? ['--cpu-prof', `--cpu-prof-dir=${process.env.BENCH_PROFILE}`] : [];
  const child = fork(entry, [], {
    env: { ...process.env, ...env },
    execArgv,
    stdio: ['ignore', options.stdout ?? 'inherit', 'inherit', 'ipc'],
  });
  return ready(child).then((port) => ({ child, port }));
}

/** Waits until the API in another process answers /health. */
export async function waitForHealth(port: number): Promise<void> {
  for (let i = 0; i < 300; i++) {
    const ok = await fetch(`http://127.0.0.1:${port}/health`).then(
      (r) => r.ok,
      () => false,
    );
    if (ok) return;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error('The API did not start');
}

/**
 * The settings the observability benchmarks compare: access logs and metrics as an operator
 * runs them (JSON lines at info level, one per request, written to a file; Prometheus series),
 * and both turned off (README "Performance").
 */
export const OBSERVABILITY = {
  on: { LOG_LEVEL: 'log', LOG_FORMAT: 'json', ACCESS_LOG: 'on', METRICS: 'on' },
  off: { LOG_LEVEL: 'log', LOG_FORMAT: 'json', ACCESS_LOG: 'off', METRICS: 'off' },
} as const;
