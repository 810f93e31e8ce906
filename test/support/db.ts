import { Pool } from 'pg';

/** Direct reads and writes of the test file's database, for tests that check or arrange rows. */
export interface TestDb {
  /** The rows of a statement (nothing for statements that return none). */
  query<T = any>(sql: string, params?: unknown[]): Promise<T>; // eslint-disable-line @typescript-eslint/no-explicit-any
}

let current: { url: string; pool: Pool } | undefined;

/** The pool on the database the file works in, made on first use: each file gets its own database in a hook (test/setup/own-database.ts), after describe blocks have run. */
function pool(): Pool {
  const url = process.env.DATABASE_URL as string;
  if (current?.url !== url) {
    const made = new Pool({ connectionString: url, max: 3, idleTimeoutMillis: 1000, allowExitOnIdle: true });
    // The file's database is dropped when it ends, ending idle connections: not a failure of any test.
    made.on('error', () => undefined);
    current = { url, pool: made };
  }
  return current.pool;
}

/**
 * The test process's own small pool on the file's database. Idle connections close on their
 * own and never keep the process alive, so tests need not close it.
 */
export function testDb(): TestDb {
  return { query: async (sql, params) => (await pool().query(sql, params)).rows as never };
}
