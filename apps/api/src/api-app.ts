import { LoggerService } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { NestExpressApplication } from '@nestjs/platform-express';
import { DocumentBuilder, SwaggerModule } from '@nestjs/swagger';
import { Clock } from '@tcma/clock';
import { AppConfig } from '@tcma/config';
import { ApiModule } from './api.module';
import { formBody, jsonBody } from './common/body-parsers';
import { requestId } from './common/request-id.middleware';
import { trackingRoutes } from './tracking/tracking.routes';

export interface ApiAppOptions {
  config: AppConfig;
  clock?: Clock;
  logger?: LoggerService | false;
}

/** Builds the configured API application (not yet listening); shared by main.ts and tests. */
export async function createApiApp(options: ApiAppOptions): Promise<NestExpressApplication> {
  const app = await NestFactory.create<NestExpressApplication>(ApiModule.forRoot({ config: options.config, clock: options.clock }), {
    bodyParser: false,
    logger: options.logger,
    abortOnError: false,
  });
  app.disable('x-powered-by');
  app.use(trackingRoutes(app));
  app.use(requestId, jsonBody, formBody);
  const document = SwaggerModule.createDocument(
    app,
    new DocumentBuilder()
      .setTitle('TCMA campaign engine')
      .setDescription('Vendors author co-branded campaigns; partners launch them; the engine runs the nurture sequences.')
      .setVersion('0.1.0')
      .addBearerAuth({ type: 'http', scheme: 'bearer', description: 'An API token (tcma_…)' })
      .build(),
  );
  SwaggerModule.setup('docs', app, document, { jsonDocumentUrl: 'docs-json' });
  return app;
}
