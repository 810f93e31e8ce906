import { ConsoleLogger } from '@nestjs/common';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { Clock } from '@tcma/clock';
import { AppConfig } from '@tcma/config';
import type { EngineLogs } from '@tcma/logging';
import request from 'supertest';
import { testConfig } from './test-config';
import { createApiApp } from '../../apps/api/src/api-app';

export interface ApiHarness {
  app: NestExpressApplication;
  config: AppConfig;
  /** A supertest client bound to the app, without a listening port. */
  http: () => ReturnType<typeof request>;
  close(): Promise<void>;
}

export { testConfig };

/** The real API against the run's test database and Redis. */
/** `logs`: the engine's own logs (a test reading what the API says); else Nest's console logger, errors only. */
export async function startApi(
  options: { clock?: Clock; env?: Record<string, string>; logs?: EngineLogs } = {},
): Promise<ApiHarness> {
  const config = testConfig(options.env);
  const app = await createApiApp({
    config,
    clock: options.clock,
    logger: options.logs?.nest ?? new ConsoleLogger('Api', { logLevels: ['error'] }),
    logs: options.logs,
  });
  await app.init();
  return {
    app,
    config,
    http: () => request(app.getHttpServer()),
    close: () => app.close(),
  };
}
