import { ensureDatabase } from './ensure-database';
import { openDataSource } from './open-data-source';

/**
 * Creates the database when missing and applies pending migrations (under the advisory
 * lock), on connections of its own (two: one holds the lock while the other migrates), closed at once: at run time the engine talks to
 * Postgres only through its Database.
 */
export async function migrateDatabase(databaseUrl: string, applicationName = 'tcma-migrate'): Promise<void> {
  await ensureDatabase(databaseUrl);
  const dataSource = await openDataSource({ databaseUrl, migrate: true, poolSize: 2, applicationName });
  await dataSource.destroy();
}
