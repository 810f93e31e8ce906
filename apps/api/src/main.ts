import 'reflect-metadata';
import { bootSummary, boundShutdown, checkServicesOrExit, loadConfigOrExit, startLogging } from '@tcma/runtime';
import { createApiApp } from './api-app';

async function bootstrap(): Promise<void> {
  const config = loadConfigOrExit();
  await checkServicesOrExit(config);
  const { logs, logger } = startLogging(config, 'api', 'Api');
  const app = await createApiApp({ config, logger: logs.nest, logs });
  boundShutdown(app, config, logger);
  await app.listen(config.port, config.host);
  logger.log(
    `API listening on ${config.host}:${config.port}; ${bootSummary(config)}; the app at ${config.publicBaseUrl}/, docs at ${config.publicBaseUrl}/docs`,
  );
}

bootstrap().catch((e: unknown) => {
  console.error('API failed to start:', e instanceof Error ? e.message : e);
  process.exit(1);
});
