import { ConsoleLogger } from '@nestjs/common';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { Clock } from '@tcma/clock';
import { AppConfig } from '@tcma/config';
import request from 'supertest';
import { createApiApp } from '../../apps/api/src/api-app';

export interface ApiHarness {
  app: NestExpressApplication;
  config: AppConfig;
  /** A supertest client bound to the app, without a listening port. */
  http: () => ReturnType<typeof request>;
  close(): Promise<void>;
}

export function testConfig(env: Record<string, string> = {}): AppConfig {
  return new AppConfig({ ...process.env, ...env });
}

/** The real API against the run's test database and Redis. */
export async function startApi(options: { clock?: Clock; env?: Record<string, string> } = {}): Promise<ApiHarness> {
  const config = testConfig(options.env);
  const app = await createApiApp({ config, clock: options.clock, logger: new ConsoleLogger('Api', { logLevels: ['error'] }) });
  await app.init();
  return {
    app,
    config,
    http: () => request(app.getHttpServer()),
    close: () => app.close(),
  };
}
