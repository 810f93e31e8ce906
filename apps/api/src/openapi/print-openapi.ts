import 'reflect-metadata';
import { NestFactory } from '@nestjs/core';
import { AppConfig } from '@tcma/config';
import { ApiModule } from '../api.module';
import { buildOpenApiDocument } from './openapi-document';

/**
 * Prints the API's OpenAPI document without a database, Redis or any setting: preview mode
 * registers the controllers without instantiating a provider. The default configuration keeps
 * the output the same on every machine.
 */
export async function createOpenApiDocument(): Promise<string> {
  const app = await NestFactory.create(ApiModule.forRoot({ config: new AppConfig({}) }), {
    preview: true,
    logger: false,
    abortOnError: false,
  });
  try {
    return `${JSON.stringify(buildOpenApiDocument(app), null, 2)}\n`;
  } finally {
    await app.close();
  }
}

if (require.main === module) {
  createOpenApiDocument().then(
    (document) => process.stdout.write(document),
    (e: unknown) => {
      console.error('Could not build the OpenAPI document:', e instanceof Error ? e.message : e);
      process.exit(1);
    },
  );
}
