import { DataSource } from 'typeorm';
import { dataSourceOptions, DataSourceSettings } from './data-source-options';
import { ensureDatabase } from './ensure-database';
import { runMigrations } from './run-migrations';

export interface OpenOptions extends DataSourceSettings {
  migrate: boolean;
}

/** Connects to Postgres, creating the database and applying migrations first when asked. */
export async function openDataSource(options: OpenOptions): Promise<DataSource> {
  if (options.migrate) await ensureDatabase(options.databaseUrl);
  const dataSource = new DataSource(dataSourceOptions(options));
  await dataSource.initialize();
  if (options.migrate) {
    try {
      await runMigrations(dataSource);
    } catch (e) {
      await dataSource.destroy();
      throw e;
    }
  }
  return dataSource;
}
