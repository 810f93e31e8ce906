import { ChildProcess, fork } from 'node:child_process';
import * as path from 'node:path';
import { parseArgs } from './args';
import { migrate } from './migrate.command';

const APPS_DIR = path.resolve(__dirname, '../../..');

/**
 * Runs the whole engine in one terminal: migrates first (so the processes don't queue up
 * on the migration lock), then the API and N workers as child processes. Signals are passed
 * on; if one process dies the others are stopped too, so the engine is never half up.
 */
export async function start(argv: string[]): Promise<void> {
  const args = parseArgs(argv, { workers: 'string' });
  const workers = args.workers === undefined ? 1 : Number(args.workers);
  if (!Number.isInteger(workers) || workers < 0 || workers > 32) throw new Error('--workers must be between 0 and 32');
  await migrate();

  const children: ChildProcess[] = [];
  let stopping = false;
  const stopAll = (signal: NodeJS.Signals) => {
    stopping = true;
    for (const child of children) if (child.exitCode === null) child.kill(signal);
  };
  const launch = (name: string, entry: string) => {
    const child = fork(path.join(APPS_DIR, entry), [], { env: { ...process.env, MIGRATIONS_RUN: 'false' }, stdio: 'inherit' });
    child.on('exit', (code, signal) => {
      if (!stopping) {
        console.error(`${name} exited (${signal ?? code}); stopping the engine`);
        process.exitCode = 1;
        stopAll('SIGTERM');
      }
      if (children.every((c) => c.exitCode !== null || c.signalCode !== null)) process.exit(process.exitCode ?? 0);
    });
    children.push(child);
  };
  launch('api', 'api/src/main.js');
  for (let i = 0; i < workers; i++) launch(`worker ${i + 1}`, 'worker/src/main.js');
  process.on('SIGINT', () => stopAll('SIGINT'));
  process.on('SIGTERM', () => stopAll('SIGTERM'));
}
