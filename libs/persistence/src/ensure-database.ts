import { Client } from 'pg';

/**
 * Creates the database named in the URL when it does not exist yet, so the engine starts on
 * a bare Postgres. Several processes may race here; the loser sees duplicate_database.
 */
export async function ensureDatabase(databaseUrl: string): Promise<boolean> {
  const target = new URL(databaseUrl);
  const name = decodeURIComponent(target.pathname.replace(/^\//, ''));
  if (!name) throw new Error('DATABASE_URL names no database');
  const admin = new URL(databaseUrl);
  admin.pathname = '/postgres';
  const client = new Client({ connectionString: admin.toString() });
  await client.connect();
  try {
    const found = await client.query('SELECT 1 FROM pg_database WHERE datname = $1', [name]);
    if (found.rowCount) return false;
    try {
      await client.query(`CREATE DATABASE "${name.replace(/"/g, '""')}"`);
      return true;
    } catch (e) {
      if ((e as { code?: string }).code === '42P04' || (e as { code?: string }).code === '23505') return false;
      throw e;
    }
  } finally {
    await client.end();
  }
}
