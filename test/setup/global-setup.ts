import { execFileSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { Client } from 'pg';

const ROOT = path.resolve(__dirname, '../..');

/**
 * Builds the engine and the browser app it serves (integration tests start real API and
 * worker processes from dist/), creates a fresh database for this run, applies the
 * migrations once (or copies TEST_TEMPLATE_DATABASE_URL, a database already migrated), and hands
 * the settings to the test workers. TEST_DATABASE_URL / TEST_REDIS_URL choose the servers.
 */
export default async function globalSetup(): Promise<void> {
  // The medium and end-to-end projects share the run's database: the first project's setup makes it.
  if (process.env.TCMA_TEST_ENV_FILE && fs.existsSync(process.env.TCMA_TEST_ENV_FILE)) return;
  if (!process.env.SKIP_BUILD) execFileSync('npm', ['run', '--silent', 'build'], { cwd: ROOT, stdio: 'inherit' });
  const base = new URL(process.env.TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres');
  base.pathname = `/tcma_test_${Date.now().toString(36)}_${process.pid}`;
  const databaseUrl = base.toString();
  const template = process.env.TEST_TEMPLATE_DATABASE_URL;
  if (template) {
    // CI migrates one database for the whole run: a copy of it is this run's.
    const admin = new URL(template);
    admin.pathname = '/postgres';
    const client = new Client({ connectionString: admin.toString() });
    await client.connect();
    try {
      await client.query(
        `CREATE DATABASE "${base.pathname.slice(1)}" TEMPLATE "${new URL(template).pathname.slice(1)}"`,
      );
    } finally {
      await client.end();
    }
  } else {
    // In a process of its own: global setup runs in the process that runs the test files, and
    // whatever a library puts on its globalThis here, every test file's sandbox reads (Jest copies
    // the process's globals into each one). TypeORM keeps its entity metadata there: loaded here,
    // each file appended its own entity classes to this process's list, keeping every file's
    // modules alive.
    execFileSync(process.execPath, [path.join(ROOT, 'dist/apps/cli/src/main.js'), 'migrate'], {
      cwd: ROOT,
      env: { ...process.env, DATABASE_URL: databaseUrl, LOG_LEVEL: 'warn' },
      stdio: ['ignore', 'ignore', 'inherit'],
    });
  }

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
