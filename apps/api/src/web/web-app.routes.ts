import { Logger } from '@nestjs/common';
import express, { NextFunction, Request, Response, Router } from 'express';
import { existsSync } from 'node:fs';
import * as path from 'node:path';

/**
 * Where the browser app's own pages live. No API route may start with one of these (a test
 * checks every path of the OpenAPI document): only under them does a browser's page request
 * get index.html, so the app's deep links load and the API's paths are never shadowed.
 */
export const WEB_APP_PREFIXES = ['/portal', '/console', '/sign-in', '/invitations', '/reset-password'] as const;

/** Where Vite writes the app's hashed files, inside the build. */
export const WEB_APP_ASSETS = '/assets';

/** The app is built by `npm run build` into dist/web, beside the API's own build. */
export function defaultWebAppDir(): string {
  // From dist/apps/api/src/web (the build) or apps/api/src/web (tests run from source),
  // the project's root is the nearest folder with a package.json.
  let dir = __dirname;
  while (!existsSync(path.join(dir, 'package.json')) && path.dirname(dir) !== dir) dir = path.dirname(dir);
  return path.join(dir, 'dist', 'web');
}

/**
 * What index.html may load: its own scripts and styles (Mantine sets styles inline), the API
 * itself, and images from the engine, data/blob URLs (previews, uploads about to be sent) and
 * any https origin: logos served from S3 public or presigned URLs (PUBLIC_FILE_URLS) and the
 * vendors' own images that emails link to (the console's email previews show them). An image
 * runs nothing; scripts, styles, fonts and connections stay the engine's own.
 */
const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: blob: https:",
  "font-src 'self' data:",
  "connect-src 'self'",
  "frame-src 'self' blob:",
  "object-src 'none'",
  "base-uri 'self'",
  "form-action 'self'",
  "frame-ancestors 'none'",
].join('; ');

export function isWebAppPath(pathname: string): boolean {
  return (
    pathname === '/' || WEB_APP_PREFIXES.some((prefix) => pathname === prefix || pathname.startsWith(`${prefix}/`))
  );
}

/**
 * Serves the browser app built into `dir`: hashed assets cached for a year, and index.html
 * (revalidated on every load, so a new release is picked up at once) for GET and HEAD
 * requests that prefer HTML to JSON under the app's own paths. Everything else, including /docs and
 * any API path, goes on to the API untouched. Returns undefined when the app is not built.
 */
export function webAppRoutes(dir: string = defaultWebAppDir()): Router | undefined {
  const index = path.join(dir, 'index.html');
  if (!existsSync(index)) {
    new Logger('WebApp').warn(`No browser app at ${dir} (npm run build builds it); serving the API only`);
    return undefined;
  }
  const router = Router();
  router.use(
    WEB_APP_ASSETS,
    express.static(path.join(dir, 'assets'), {
      immutable: true,
      maxAge: '1y',
      index: false,
      redirect: false,
      setHeaders: (res) => res.setHeader('X-Content-Type-Options', 'nosniff'),
    }),
  );
  router.use((req: Request, res: Response, next: NextFunction) => {
    // A page load prefers HTML; a script asking for JSON (`application/json, */*`) does not.
    if (
      (req.method !== 'GET' && req.method !== 'HEAD') ||
      !isWebAppPath(req.path) ||
      req.accepts(['html', 'json']) !== 'html'
    )
      return next();
    res.set({
      'Cache-Control': 'no-cache',
      'Content-Security-Policy': CONTENT_SECURITY_POLICY,
      'X-Content-Type-Options': 'nosniff',
      'Referrer-Policy': 'same-origin',
    });
    res.sendFile(index, { cacheControl: false }, (e?: Error) => e && next(e));
  });
  return router;
}
