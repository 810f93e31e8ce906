import 'reflect-metadata';
import { boundShutdown, checkServicesOrExit, createLogger, loadConfigOrExit } from '@tcma/runtime';
import { createApiApp } from './api-app';

async function bootstrap(): Promise<void> {
  const config = loadConfigOrExit();
  await checkServicesOrExit(config);
  const logger = createLogger(config, 'Api');
  const app = await createApiApp({ config, logger });
  boundShutdown(app, config, logger);
  await app.listen(config.port, config.host);
  logger.log(`API listening on ${config.host}:${config.port}; the app at ${config.publicBaseUrl}/, docs at ${config.publicBaseUrl}/docs`);
}

bootstrap().catch((e: unknown) => {
  console.error('API failed to start:', e instanceof Error ? e.message : e);
  process.exit(1);
});
