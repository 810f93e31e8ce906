import { execFileSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';

const ROOT = path.resolve(__dirname, '../..');

/**
 * Builds the engine and the browser app it serves (integration tests start real API and
 * worker processes from dist/), creates a fresh database for this run, applies the
 * migrations once, and hands the settings to the test workers. TEST_DATABASE_URL /
 * TEST_REDIS_URL choose the servers.
 */
export default async function globalSetup(): Promise<void> {
  if (!process.env.SKIP_BUILD) execFileSync('npm', ['run', '--silent', 'build'], { cwd: ROOT, stdio: 'inherit' });
  // Global setup runs outside Jest's module mapping: use the build, where aliases are resolved.
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const { ensureDatabase, openDataSource } = require(
    path.join(ROOT, 'dist/libs/persistence/src'),
  ) as typeof import('../../libs/persistence/src');

  const base = new URL(process.env.TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres');
  base.pathname = `/tcma_test_${Date.now().toString(36)}_${process.pid}`;
  const databaseUrl = base.toString();
  await ensureDatabase(databaseUrl);
  const dataSource = await openDataSource({ databaseUrl, migrate: true });
  await dataSource.destroy();

  const env = {
    DATABASE_URL: databaseUrl,
    REDIS_URL: process.env.TEST_REDIS_URL ?? 'redis://127.0.0.1:6379/0',
    QUEUE_PREFIX: `tcma-test-${process.pid}`,
    DATA_DIR: fs.mkdtempSync(path.join(os.tmpdir(), 'tcma-test-data-')),
    LOG_LEVEL: process.env.LOG_LEVEL ?? 'warn',
    // One secret for every engine of the run, so the SMTP sink can read the opaque send references.
    SIGNING_SECRET: randomBytes(36).toString('base64url'),
  };
  const file = path.join(os.tmpdir(), `tcma-test-env-${process.pid}.json`);
  fs.writeFileSync(file, JSON.stringify(env));
  process.env.TCMA_TEST_ENV_FILE = file;
}
