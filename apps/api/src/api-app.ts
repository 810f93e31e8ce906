import { LoggerService } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { NestExpressApplication } from '@nestjs/platform-express';
import { SwaggerModule } from '@nestjs/swagger';
import { Clock } from '@tcma/clock';
import { AppConfig } from '@tcma/config';
import type { EngineLogs } from '@tcma/logging';
import { httpMetrics, Metrics } from '@tcma/metrics';
import { ApiModule } from './api.module';
import { formBody, jsonBody, xliffBody } from './common/body-parsers';
import { requestLogging } from './common/request-logging';
import { installFastLane, Middleware } from './common/fast-lane';
import { applyCors, securityHeaders } from './common/security-headers';
import { closeOnUnreadBody } from './common/unread-bodies';
import { buildOpenApiDocument } from './openapi/openapi-document';
import { landingPageFastRoutes, landingPageRoutes } from './pages/landing-page.routes';
import { trackingFastRoutes, trackingHandlers, trackingRoutes } from './tracking/tracking.routes';
import { webAppRoutes } from './web/web-app.routes';

export interface ApiAppOptions {
  config: AppConfig;
  clock?: Clock;
  logger?: LoggerService | false;
  /** The process's logs (main.ts); without them request ids still flow, but lines are Nest's logger's alone. */
  logs?: EngineLogs;
  /** The built browser app (default dist/web); without one the API serves only itself. */
  webAppDir?: string;
}

/** Builds the configured API application (not yet listening); shared by main.ts and tests. */
export async function createApiApp(options: ApiAppOptions): Promise<NestExpressApplication> {
  const app = await NestFactory.create<NestExpressApplication>(
    ApiModule.forRoot({ config: options.config, clock: options.clock }),
    {
      bodyParser: false,
      logger: options.logger,
      abortOnError: false,
    },
  );
  app.disable('x-powered-by');
  // Behind a proxy, the client's address (per-address sign-in throttling) is in X-Forwarded-For.
  app.set('trust proxy', options.config.trustProxy);
  // Before anything can answer: an answer given while the request's body is still arriving closes its connection.
  app.use(closeOnUnreadBody);
  // Then, so every answer has a request id, an access line and a time, the redirects and pages below included.
  const pipeline: Middleware[] = [
    requestLogging({ accessLog: options.config.accessLog, logger: options.logs?.root }),
    ...(options.config.metricsEnabled ? [httpMetrics(app.get(Metrics))] : []),
    securityHeaders(options.config),
  ];
  for (const middleware of pipeline) app.use(middleware);
  applyCors(app, options.config);
  // One set of handlers (and one rate-limit store) for the Express routes and the fast lane.
  const tracking = trackingHandlers(app);
  app.use(trackingRoutes(app, tracking));
  app.use(landingPageRoutes(app));
  // The hottest of those routes are also answered ahead of Express, through the same pipeline.
  installFastLane(app, {
    pipeline,
    routes: [...trackingFastRoutes(tracking), ...landingPageFastRoutes(app)],
    corsConfigured: options.config.corsOrigins.length > 0,
  });
  const webApp = webAppRoutes(options.webAppDir);
  if (webApp) app.use(webApp);
  app.use(jsonBody, formBody, xliffBody);
  // Built at the first request for it, not at every boot: scanning every route and DTO costs
  // 100–170 ms of CPU, paid by each API process and each test file that starts one.
  SwaggerModule.setup('docs', app, () => buildOpenApiDocument(app), { jsonDocumentUrl: 'docs-json' });
  return app;
}
