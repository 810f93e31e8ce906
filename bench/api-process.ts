import { ChildProcess, fork } from 'node:child_process';
import { readFileSync } from 'node:fs';

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

/**
 * CPU milliseconds (user + system) a process has used so far, from Linux's /proc (clock ticks of
 * 10 ms); NaN elsewhere. A server's CPU time per request is steadier than its rate on a machine
 * whose speed drifts, and says what an optimisation saved where a rate's noise hides it.
 */
export function cpuMs(pid: number | undefined): number {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    // Fields after the command's closing parenthesis: utime and stime are the 12th and 13th.
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return (Number(fields[11]) + Number(fields[12])) * 10;
  } catch {
    return NaN;
  }
}
