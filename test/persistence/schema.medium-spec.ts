import { ensureDatabase, openDataSource, schemaDrift } from '@tcma/persistence';
import { Client } from 'pg';

const adminUrl = () => {
  const url = new URL(process.env.DATABASE_URL as string);
  url.pathname = '/postgres';
  return url.toString();
};

describe('schema', () => {
  it('is exactly what the entities describe (migrations and entities agree)', async () => {
    const dataSource = await openDataSource({ databaseUrl: process.env.DATABASE_URL as string, migrate: false });
    try {
      const drift = await schemaDrift(dataSource);
      expect(drift.up).toEqual([]);
    } finally {
      await dataSource.destroy();
    }
  });

  it('lets several processes start at once: one migrates, the others wait under the advisory lock', async () => {
    const url = new URL(process.env.DATABASE_URL as string);
    url.pathname = `${url.pathname}_concurrent`;
    const databaseUrl = url.toString();
    try {
      await ensureDatabase(databaseUrl);
      const sources = await Promise.all(
        [1, 2, 3, 4].map(() => openDataSource({ databaseUrl, migrate: true, poolSize: 2 })),
      );
      const applied: Array<{ name: string; n: number }> = await sources[0].query(
        'SELECT name, count(*)::int AS n FROM migrations GROUP BY name',
      );
      expect(applied.length).toBe(sources[0].migrations.length);
      expect(applied.every((m) => m.n === 1)).toBe(true);
      expect(await sources[0].showMigrations()).toBe(false);
      await Promise.all(sources.map((s) => s.destroy()));
    } finally {
      const admin = new Client({ connectionString: adminUrl() });
      await admin.connect();
      await admin.query(`DROP DATABASE IF EXISTS "${url.pathname.slice(1)}" WITH (FORCE)`);
      await admin.end();
    }
  });
});
