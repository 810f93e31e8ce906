import type { INestApplication } from '@nestjs/common';
import type { AppConfig } from '@tcma/config';
import helmet from 'helmet';

/** HSTS, once the engine is served over https: browsers keep to https for this long. */
export const HSTS_MAX_AGE_SECONDS = 180 * 24 * 3600;

/**
 * The policy of every answer that does not set its own. The browser app's index.html,
 * previews, the outbox's HTML, view-in-browser and landing pages replace it with theirs; what
 * is left is JSON, files and /docs (Swagger UI: its own scripts, inline styles, data: icons).
 */
const DEFAULT_CSP = {
  defaultSrc: ["'self'"],
  scriptSrc: ["'self'"],
  styleSrc: ["'self'", "'unsafe-inline'"],
  imgSrc: ["'self'", 'data:', 'https:'],
  fontSrc: ["'self'", 'data:'],
  connectSrc: ["'self'"],
  objectSrc: ["'none'"],
  baseUri: ["'self'"],
  formAction: ["'self'"],
  // The browser app frames previews of its own origin.
  frameAncestors: ["'self'"],
};

/**
 * Security headers (helmet): one middleware, run by Express and by the fast lane alike. Logos, the
 * tracking pixel and hosted files are loaded by mail clients on other origins, so resources stay
 * cross-origin readable (Cross-Origin-Resource-Policy: cross-origin); framing is same-origin only.
 */
export function securityHeaders(config: AppConfig) {
  const https = new URL(config.publicBaseUrl).protocol === 'https:';
  return helmet({
    contentSecurityPolicy: { useDefaults: false, directives: DEFAULT_CSP },
    crossOriginResourcePolicy: { policy: 'cross-origin' },
    // Only over https, and never for the operator's other subdomains.
    strictTransportSecurity: https ? { maxAge: HSTS_MAX_AGE_SECONDS, includeSubDomains: false } : false,
  });
}

/** The CORS policy (CORS_ORIGINS): other sites' pages call the API with an API token; the session cookie stays first-party. */
export function applyCors(app: INestApplication, config: AppConfig): void {
  if (config.corsOrigins.length)
    app.enableCors({
      origin: config.corsOrigins,
      credentials: false,
      exposedHeaders: ['Location', 'ETag', 'Retry-After'],
      maxAge: 600,
    });
}
