import { ConsoleLogger, INestApplicationContext, LoggerService } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { Clock } from '@tcma/clock';
import { WorkerModule } from '../../apps/worker/src/worker.module';
import { testConfig } from './test-config';

export interface WorkerHarness {
  app: INestApplicationContext;
  close(): Promise<void>;
}

/** The real worker, in-process, with the roles asked for. */
export async function startWorker(
  options: { roles?: string; clock?: Clock; env?: Record<string, string>; logger?: LoggerService } = {},
): Promise<WorkerHarness> {
  const config = testConfig({ ...(options.roles ? { WORKER_ROLES: options.roles } : {}), ...options.env });
  const app = await NestFactory.createApplicationContext(WorkerModule.forRoot({ config, clock: options.clock }), {
    logger: options.logger ?? new ConsoleLogger('Worker', { logLevels: ['error'] }),
  });
  await app.init();
  return { app, close: () => app.close() };
}
