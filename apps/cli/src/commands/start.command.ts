import { loadConfigOrExit, startLogging } from '@tcma/runtime';
import * as path from 'node:path';
import { parseArgs } from './args';
import { migrate } from './migrate.command';
import { Supervisor } from './supervisor';

const APPS_DIR = path.resolve(__dirname, '../../..');

/**
 * Runs the whole engine in one terminal: migrates first (so the processes don't queue up
 * on the migration lock), then the API and N workers as child processes under a supervisor
 * that starts a crashed one again and passes a signal to itself on to all of them.
 */
export async function start(argv: string[]): Promise<void> {
  const args = parseArgs(argv, { workers: 'string' });
  const workers = args.workers === undefined ? 1 : Number(args.workers);
  if (!Number.isInteger(workers) || workers < 0 || workers > 32) throw new Error('--workers must be between 0 and 32');
  const config = loadConfigOrExit();
  await migrate();

  const supervisor = new Supervisor(startLogging(config, 'cli', 'Supervisor').logger, {
    ...process.env,
    MIGRATIONS_RUN: 'false',
  });
  process.on('SIGINT', () => supervisor.stop('SIGINT'));
  process.on('SIGTERM', () => supervisor.stop('SIGTERM'));
  supervisor.add('api', path.join(APPS_DIR, 'api/src/main.js'));
  for (let i = 0; i < workers; i++) supervisor.add(`worker ${i + 1}`, path.join(APPS_DIR, 'worker/src/main.js'));
  process.exitCode = await supervisor.done;
}
