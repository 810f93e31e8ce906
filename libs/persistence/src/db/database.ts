import { Logger } from '@nestjs/common';
import { FailureLog } from '@tcma/runtime';
import { CamelCasePlugin, Kysely, PostgresDialect } from 'kysely';
import { Pool, TypeOverrides } from 'pg';
import type { DB } from './database.types';

/**
 * The engine's one way to Postgres at run time: Kysely over a single pg Pool per process,
 * sized by DATABASE_POOL_SIZE. TypeORM only authors the schema (entities, migrations, the
 * drift check) and is closed once migrations have run.
 *
 * Queries are written in camelCase and reach Postgres in snake_case (CamelCasePlugin), the
 * same mapping TypeORM's naming strategy gives the entities, so one name means one column.
 */
export class Database extends Kysely<DB> {}

/** A Database or a transaction of one: what repository methods that join a caller's transaction take. */
export type Executor = Kysely<DB>;

export interface DatabaseSettings {
  databaseUrl: string;
  poolSize?: number;
  applicationName?: string;
}

const DATE_OID = 1082;

/** `date` columns come back as 'YYYY-MM-DD': a calendar day has no time zone to guess. */
function typeParsers(): TypeOverrides {
  const overrides = new TypeOverrides();
  overrides.setTypeParser(DATE_OID, 'text', (value: string) => value);
  return overrides;
}

export function openDatabase(settings: DatabaseSettings): Database {
  const pool = new Pool({
    connectionString: settings.databaseUrl,
    max: settings.poolSize ?? 10,
    application_name: settings.applicationName ?? 'tcma',
    types: typeParsers(),
  });
  // A connection that breaks (Postgres restarting) emits 'error': on the pool while idle, on
  // the client while checked out between statements of a transaction. Left unheard, either
  // ends the process; heard, the statement in flight fails and the pool opens a new connection.
  const failures = new FailureLog(new Logger('Database'), 'Postgres connections');
  pool.on('error', (e) => failures.failed('the pool', e.message));
  pool.on('connect', (client) => client.on('error', (e) => failures.failed('the pool', e.message)));
  return new Database({
    dialect: new PostgresDialect({ pool }),
    // jsonb contents are the engine's own data (custom prospect fields, campaign content):
    // only column names are mapped, never the keys inside a value.
    plugins: [new CamelCasePlugin({ maintainNestedObjectKeys: true })],
  });
}
