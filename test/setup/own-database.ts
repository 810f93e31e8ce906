import { randomBytes } from 'node:crypto';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { Client } from 'pg';

/**
 * Each integration test file works in a database of its own: a copy (CREATE DATABASE …
 * TEMPLATE) of the run's migrated one, made before the file's own hooks and dropped after
 * them. Sweeps, the engagement judge and the send workers act on every tenant of their
 * database; in a shared one, a file that moves its clock days ahead would find another file's
 * prospects due and try to mail them through that file's SMTP server, long stopped.
 *
 * And a file store of its own (DATA_DIR, a folder in the run's): the stored-files sweep removes
 * every file its database does not name once the file is older than the grace period by the
 * engine's clock; in the shared store, a file that moved its clock a week ahead took another
 * file's renders away while that file was serving them (catalogue.e2e-spec answered 503 in CI).
 *
 * The copy commits without waiting for its WAL to reach the disk (synchronous_commit = off, for
 * this database only: every session of the file's engines, child processes included). A commit
 * is as atomic and as visible as before; only a crash of PostgreSQL itself, which no test causes,
 * could lose the last few. The sending tests commit once per message: demo-launch.e2e-spec took
 * 105 s with the server's default and 81 s without the flush, a fifth less CPU.
 */
const template = process.env.DATABASE_URL;
const runData = process.env.DATA_DIR;
let own: string | undefined;
let ownData: string | undefined;

beforeAll(() => {
  if (!runData) return;
  ownData = fs.mkdtempSync(path.join(runData, 'file-'));
  process.env.DATA_DIR = ownData;
});

afterAll(() => {
  if (!runData || !ownData) return;
  process.env.DATA_DIR = runData;
  if (!process.env.KEEP_TEST_DB) fs.rmSync(ownData, { recursive: true, force: true });
});

function adminClient(url: URL): Client {
  const admin = new URL(url);
  admin.pathname = '/postgres';
  return new Client({ connectionString: admin.toString() });
}

beforeAll(async () => {
  if (!template) return;
  const url = new URL(template);
  const source = url.pathname.slice(1);
  own = `${source}_${randomBytes(4).toString('hex')}`;
  const client = adminClient(url);
  await client.connect();
  try {
    // Another file's copy being made at the same moment holds the template for an instant.
    for (let attempt = 0; ; attempt++) {
      try {
        await client.query(`CREATE DATABASE "${own}" TEMPLATE "${source}"`);
        break;
      } catch (e) {
        if (attempt >= 50 || !/being accessed by other users/.test((e as Error).message)) throw e;
        await new Promise((resolve) => setTimeout(resolve, 200));
      }
    }
    await client.query(`ALTER DATABASE "${own}" SET synchronous_commit = off`);
  } finally {
    await client.end();
  }
  url.pathname = `/${own}`;
  process.env.DATABASE_URL = url.toString();
}, 60_000);

afterAll(async () => {
  if (!template || !own) return;
  process.env.DATABASE_URL = template;
  if (process.env.KEEP_TEST_DB) return;
  const client = adminClient(new URL(template));
  await client.connect();
  try {
    await client.query(`DROP DATABASE IF EXISTS "${own}" WITH (FORCE)`);
  } finally {
    await client.end();
  }
}, 60_000);
