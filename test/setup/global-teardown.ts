import { dropQueueKeys } from '../../libs/queue/src/queue-keys';
import * as fs from 'node:fs';
import { Client } from 'pg';

export default async function globalTeardown(): Promise<void> {
  const file = process.env.TCMA_TEST_ENV_FILE;
  if (!file || !fs.existsSync(file)) return;
  const env = JSON.parse(fs.readFileSync(file, 'utf8')) as {
    DATABASE_URL: string;
    DATA_DIR: string;
    REDIS_URL: string;
    QUEUE_PREFIX: string;
  };
  fs.unlinkSync(file);
  fs.rmSync(env.DATA_DIR, { recursive: true, force: true });
  await dropQueueKeys(env.REDIS_URL, env.QUEUE_PREFIX);
  if (process.env.KEEP_TEST_DB) return;
  const url = new URL(env.DATABASE_URL);
  const name = url.pathname.slice(1);
  url.pathname = '/postgres';
  const client = new Client({ connectionString: url.toString() });
  await client.connect();
  try {
    // The files' own copies (test/setup/own-database.ts) that a failed file left behind, then the run's.
    const copies = await client.query<{ datname: string }>(
      "SELECT datname FROM pg_database WHERE datname LIKE $1 || '\\_%'",
      [name],
    );
    for (const { datname } of copies.rows) await client.query(`DROP DATABASE IF EXISTS "${datname}" WITH (FORCE)`);
    await client.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
  } finally {
    await client.end();
  }
}
