import { ConsoleLogger, DynamicModule, INestApplicationContext, Module, Type } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { Clock, ClockModule } from '@tcma/clock';
import { AppConfig, ConfigModule } from '@tcma/config';
import { MetricsModule } from '@tcma/metrics';
import { PersistenceModule } from '@tcma/persistence';
import { QueueModule } from '@tcma/queue';
import { SigningModule } from '@tcma/signing';
import { StorageModule } from '@tcma/storage';
import { testConfig } from './test-config';

export interface ServiceHarness {
  app: INestApplicationContext;
  config: AppConfig;
  get<T>(type: Type<T>): T;
  close(): Promise<void>;
}

/** The medium tier's root: the installation-wide modules every lib module expects to find (all global). */
@Module({})
class ServicesModule {}

/**
 * The middle tier (test/**\/*.medium-spec.ts): only the lib modules a test names, with the
 * installation's global ones (configuration, clock, metrics, the Database, queues, signing,
 * stored files), against the run's real PostgreSQL and Redis, in-process: no HTTP, no worker,
 * no child process. Boots in a fraction of the API's time and loads only what it uses.
 */
export async function startServices(
  imports: Array<Type | DynamicModule>,
  options: { clock?: Clock; env?: Record<string, string> } = {},
): Promise<ServiceHarness> {
  const config = testConfig(options.env);
  const app = await NestFactory.createApplicationContext(
    {
      module: ServicesModule,
      imports: [
        ConfigModule.forRoot(config),
        ClockModule.forRoot(options.clock),
        MetricsModule,
        PersistenceModule,
        QueueModule,
        SigningModule,
        StorageModule,
        ...imports,
      ],
    },
    { logger: new ConsoleLogger('Services', { logLevels: ['error'] }) },
  );
  await app.init();
  return { app, config, get: (type) => app.get(type), close: () => app.close() };
}
