import type { DataSource, Migration } from 'typeorm';

/** Arbitrary but fixed: every engine process takes this lock before migrating. */
const MIGRATION_LOCK_KEY = 7_340_112_001;

/**
 * Applies pending migrations while holding a Postgres advisory lock, so that any number of
 * API and worker processes can start at once: the first migrates, the others wait and then
 * find nothing left to do.
 */
export async function runMigrations(dataSource: DataSource): Promise<Migration[]> {
  const runner = dataSource.createQueryRunner();
  await runner.connect();
  try {
    await runner.query('SELECT pg_advisory_lock($1)', [MIGRATION_LOCK_KEY]);
    try {
      return await dataSource.runMigrations({ transaction: 'each' });
    } finally {
      await runner.query('SELECT pg_advisory_unlock($1)', [MIGRATION_LOCK_KEY]);
    }
  } finally {
    await runner.release();
  }
}
