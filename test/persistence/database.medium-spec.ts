import { openDatabase } from '@tcma/persistence';
import { sql } from 'kysely';

describe('the Database (Kysely over one pg pool)', () => {
  it('never opens more connections than DATABASE_POOL_SIZE', async () => {
    const db = openDatabase({
      databaseUrl: process.env.DATABASE_URL as string,
      poolSize: 2,
      applicationName: 'tcma-pool-test',
    });
    try {
      const pids = await Promise.all(
        Array.from({ length: 8 }, () =>
          sql<{ pid: number }>`SELECT pg_backend_pid() AS pid, pg_sleep(0.05)`.execute(db).then((r) => r.rows[0].pid),
        ),
      );
      expect(new Set(pids).size).toBe(2);
      const open = await sql<{
        n: number;
      }>`SELECT count(*)::int AS n FROM pg_stat_activity WHERE application_name = 'tcma-pool-test'`.execute(db);
      expect(open.rows[0].n).toBeLessThanOrEqual(2);
    } finally {
      await db.destroy();
    }
  });

  it('maps column names to camelCase but leaves jsonb contents and calendar days as stored', async () => {
    const db = openDatabase({ databaseUrl: process.env.DATABASE_URL as string, poolSize: 1 });
    try {
      const row = await sql<{
        someColumn: { favourite_colour: string };
        aDay: string;
      }>`SELECT '{"favourite_colour": "teal"}'::jsonb AS some_column, '2026-03-29'::date AS a_day`.execute(db);
      expect(row.rows[0]).toEqual({ someColumn: { favourite_colour: 'teal' }, aDay: '2026-03-29' });
    } finally {
      await db.destroy();
    }
  });
});
