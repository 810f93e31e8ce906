import { DataSource, EntityManager } from 'typeorm';

interface PgPool {
  query(sql: string, params: unknown[]): Promise<{ rows: unknown[] }>;
}

/**
 * Rows of a raw statement, whatever its kind. Outside a transaction the statement goes
 * straight to the pg pool: on hot paths (one send is several statements) TypeORM's query
 * runner per call costs more than the query. TypeORM's query() would also answer UPDATE and
 * DELETE with [rows, count] but SELECT and INSERT with rows; this always gives the rows.
 */
export async function queryRows<T>(executor: DataSource | EntityManager, sql: string, params: unknown[] = []): Promise<T[]> {
  const manager = executor instanceof DataSource ? executor.manager : executor;
  if (!manager.queryRunner) {
    const pool = (manager.connection.driver as unknown as { master: PgPool }).master;
    return (await pool.query(sql, params)).rows as T[];
  }
  const result = await manager.queryRunner.query(sql, params, true);
  return result.records as T[];
}
