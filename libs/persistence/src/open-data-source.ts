import type { DataSource } from 'typeorm';
import type { DataSourceSettings } from './data-source-options';
import { ensureDatabase } from './ensure-database';

export interface OpenOptions extends DataSourceSettings {
  migrate: boolean;
}

/**
 * TypeORM, the entities and the migrations are loaded only here, when a process migrates: at run
 * time the engine talks to Postgres through Kysely, and loading them (about 300 modules) cost every
 * API and worker start, and every integration test file, a few hundred milliseconds for nothing.
 */
/* eslint-disable @typescript-eslint/no-require-imports -- loaded on first use, see above */
const typeorm = () => require('typeorm') as typeof import('typeorm');
const options = () => require('./data-source-options') as typeof import('./data-source-options');
const migrations = () => require('./run-migrations') as typeof import('./run-migrations');
/* eslint-enable @typescript-eslint/no-require-imports */

/** Connects to Postgres, creating the database and applying migrations first when asked. */
export async function openDataSource(settings: OpenOptions): Promise<DataSource> {
  if (settings.migrate) await ensureDatabase(settings.databaseUrl);
  const dataSource = new (typeorm().DataSource)(options().dataSourceOptions(settings));
  await dataSource.initialize();
  if (settings.migrate) {
    try {
      await migrations().runMigrations(dataSource);
    } catch (e) {
      await dataSource.destroy();
      throw e;
    }
  }
  return dataSource;
}
