import { ConsoleLogger, DynamicModule, INestApplicationContext, Module } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { AnalyticsModule } from '@tcma/analytics';
import { AudienceModule } from '@tcma/audience';
import { BrandKitsModule } from '@tcma/brand-kits';
import { CampaignsModule } from '@tcma/campaigns';
import { ClockModule } from '@tcma/clock';
import { AppConfig, ConfigModule } from '@tcma/config';
import { DeliveryModule } from '@tcma/delivery';
import { HousekeepingModule } from '@tcma/housekeeping';
import { LaunchesModule } from '@tcma/launches';
import { NurtureModule } from '@tcma/nurture';
import { PersistenceModule } from '@tcma/persistence';
import { ProgrammesModule } from '@tcma/programmes';
import { dropQueueKeys, QueueModule } from '@tcma/queue';
import { RenderingModule } from '@tcma/rendering';
import { SigningModule } from '@tcma/signing';
import { StorageModule } from '@tcma/storage';
import { TenancyModule } from '@tcma/tenancy';
import { Client, Pool } from 'pg';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { reportStorage } from './storage-report';

@Module({})
class BenchModule {
  static forRoot(config: AppConfig): DynamicModule {
    return {
      module: BenchModule,
      imports: [
        ConfigModule.forRoot(config),
        ClockModule.forRoot(),
        PersistenceModule,
        QueueModule,
        StorageModule,
        SigningModule,
        TenancyModule,
        CampaignsModule,
        BrandKitsModule,
        AudienceModule,
        DeliveryModule,
        RenderingModule,
        NurtureModule,
        LaunchesModule,
        AnalyticsModule,
        HousekeepingModule,
        ProgrammesModule,
      ],
    };
  }
}

export interface BenchEnv {
  env: Record<string, string>;
  config: AppConfig;
  app: INestApplicationContext;
  /** Direct statements on the bench's database (seeding, counting). */
  db: { query<T = any>(sql: string, params?: unknown[]): Promise<T> }; // eslint-disable-line @typescript-eslint/no-explicit-any
  close(): Promise<void>;
}

/**
 * A throw-away installation for a benchmark: its own database (created, migrated, dropped),
 * its own Redis database and key prefix, its own data directory.
 */
export async function benchEnvironment(name: string, extra: Record<string, string> = {}): Promise<BenchEnv> {
  const base = new URL(process.env.BENCH_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres');
  const database = `tcma_bench_${name}_${process.pid}`;
  base.pathname = `/${database}`;
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), `tcma-bench-${name}-`));
  const env: Record<string, string> = {
    DATABASE_URL: base.toString(),
    REDIS_URL: process.env.BENCH_REDIS_URL ?? 'redis://127.0.0.1:6379/9',
    QUEUE_PREFIX: `tcma-bench-${name}-${process.pid}`,
    DATA_DIR: dataDir,
    LOG_LEVEL: 'error',
    DATABASE_POOL_SIZE: '20',
    ...extra,
  };
  const config = new AppConfig({ ...process.env, ...env });
  const app = await NestFactory.createApplicationContext(BenchModule.forRoot(config), {
    logger: new ConsoleLogger('Bench', { logLevels: ['error'] }),
  });
  const pool = new Pool({ connectionString: env.DATABASE_URL, max: 4 });
  return {
    env,
    config,
    app,
    db: { query: async (sql, params) => (await pool.query(sql, params)).rows as never },
    close: async () => {
      await app.close();
      await pool.end();
      if (process.env.BENCH_STORAGE) {
        const own = new Client({ connectionString: env.DATABASE_URL });
        await own.connect();
        await reportStorage(name, own).finally(() => own.end());
      }
      fs.rmSync(dataDir, { recursive: true, force: true });
      await dropQueueKeys(env.REDIS_URL, env.QUEUE_PREFIX);
      const admin = new URL(base);
      admin.pathname = '/postgres';
      const client = new Client({ connectionString: admin.toString() });
      await client.connect();
      await client.query(`DROP DATABASE IF EXISTS "${database}" WITH (FORCE)`);
      await client.end();
    },
  };
}
