import { openDataSource } from '@tcma/persistence';
import { loadConfigOrExit } from '@tcma/runtime';

/** Creates the database if needed and applies pending migrations. */
export async function migrate(): Promise<void> {
  const config = loadConfigOrExit();
  const dataSource = await openDataSource({
    databaseUrl: config.databaseUrl,
    migrate: true,
    applicationName: 'tcma-migrate',
  });
  const applied: Array<{ n: number }> = await dataSource.query('SELECT count(*)::int AS n FROM migrations');
  await dataSource.destroy();
  console.log(`Database ready: ${applied[0].n} migrations applied`);
}
