import 'reflect-metadata';
import { NestFactory } from '@nestjs/core';
import { boundShutdown, checkServicesOrExit, createLogger, loadConfigOrExit } from '@tcma/runtime';
import { WorkerModule } from './worker.module';

async function bootstrap(): Promise<void> {
  const config = loadConfigOrExit();
  await checkServicesOrExit(config);
  const logger = createLogger(config, 'Worker');
  const app = await NestFactory.createApplicationContext(WorkerModule.forRoot({ config }), { logger, abortOnError: false });
  boundShutdown(app, config, logger);
  await app.init();
  logger.log(`Worker up; roles: ${config.workerRoles.join(', ')}`);
  // Said by the processes that write the links into emails.
  if (config.workerRoles.includes('send')) for (const warning of config.bootWarnings) logger.warn(warning);
}

bootstrap().catch((e: unknown) => {
  console.error('Worker failed to start:', e instanceof Error ? e.message : e);
  process.exit(1);
});
