import 'reflect-metadata';
import { NestFactory } from '@nestjs/core';
import { bootSummary, boundShutdown, checkServicesOrExit, loadConfigOrExit, startLogging } from '@tcma/runtime';
import { WorkerModule } from './worker.module';

async function bootstrap(): Promise<void> {
  const config = loadConfigOrExit();
  await checkServicesOrExit(config);
  const { logs, logger } = startLogging(config, 'worker', 'Worker');
  const app = await NestFactory.createApplicationContext(WorkerModule.forRoot({ config }), {
    logger: logs.nest,
    abortOnError: false,
  });
  boundShutdown(app, config, logger);
  await app.init();
  logger.log(`Worker up; roles: ${config.workerRoles.join(', ')}; ${bootSummary(config)}`);
  // Said by the processes that write the links into emails.
  if (config.workerRoles.includes('send')) for (const warning of config.bootWarnings) logger.warn(warning);
}

bootstrap().catch((e: unknown) => {
  console.error('Worker failed to start:', e instanceof Error ? e.message : e);
  process.exit(1);
});
