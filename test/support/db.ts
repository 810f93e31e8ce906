import { Pool } from 'pg';

/** Direct reads and writes of the run's database, for tests that check or arrange rows. */
export interface TestDb {
  /** The rows of a statement (nothing for statements that return none). */
  query<T = any>(sql: string, params?: unknown[]): Promise<T>; // eslint-disable-line @typescript-eslint/no-explicit-any
}

let pool: Pool | undefined;

/**
 * The test process's own small pool on the run's database. Idle connections close on their
 * own and never keep the process alive, so tests need not close it.
 */
export function testDb(): TestDb {
  if (!pool) {
    pool = new Pool({ connectionString: process.env.DATABASE_URL, max: 3, idleTimeoutMillis: 1000, allowExitOnIdle: true });
    // The run's database is dropped at teardown, ending idle connections: not a failure of any test.
    pool.on('error', () => undefined);
  }
  const current = pool;
  return { query: async (sql, params) => (await current.query(sql, params)).rows as never };
}
