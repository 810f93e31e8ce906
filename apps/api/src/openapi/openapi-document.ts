import { INestApplication } from '@nestjs/common';
import { DocumentBuilder, OpenAPIObject, SwaggerModule } from '@nestjs/swagger';

/**
 * The API's OpenAPI document, built from the controllers' decorators. The running API serves
 * it at /docs-json; `npm run openapi` writes it (built from an app in preview mode, which
 * connects to nothing) into apps/web/src/api/ and types the browser's client from it.
 */
export function buildOpenApiDocument(app: INestApplication): OpenAPIObject {
  return SwaggerModule.createDocument(
    app,
    new DocumentBuilder()
      .setTitle('TCMA campaign engine')
      .setDescription(
        'Vendors author co-branded campaigns; partners launch them; the engine runs the nurture sequences.',
      )
      .setVersion('0.1.0')
      .addBearerAuth({ type: 'http', scheme: 'bearer', description: 'An API token (tcma_…)' })
      .build(),
  );
}
