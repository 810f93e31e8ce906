import type { NestExpressApplication } from '@nestjs/platform-express';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { Logger } from '@nestjs/common';

/** A middleware of the API's pipeline, as Express calls it (request logging, metrics, helmet). */
export type Middleware = (req: never, res: never, next: (error?: unknown) => void) => void;

/** What a fast route's handler is given: the request as the pipeline left it, its path's parameters and its query. */
export interface FastCall {
  req: IncomingMessage;
  res: ServerResponse;
  params: Record<string, string>;
  query: URLSearchParams;
}

/** One of the hottest public GET routes, answered by the fast lane as well as by its Express twin. */
export interface FastRoute {
  /** The route's template as the access log and metrics name it (`/c/:sendId/:index/:sig`). */
  template: string;
  /** The path's parameters when the path is this route's, else null. */
  match(path: string): Record<string, string> | null;
  /** Answers the request (it must: nothing else will). */
  handle(call: FastCall): Promise<void>;
}

/** A matcher for a template of fixed segments and `:name` parameters (no wildcards, no optional parts). */
export function pathMatcher(template: string): (path: string) => Record<string, string> | null {
  const parts = template.split('/');
  return (path) => {
    const segments = path.split('/');
    if (segments.length !== parts.length) return null;
    const params: Record<string, string> = {};
    for (let i = 0; i < parts.length; i++) {
      const part = parts[i];
      if (part.startsWith(':')) {
        if (!segments[i]) return null;
        try {
          params[part.slice(1)] = decodeURIComponent(segments[i]);
        } catch {
          return null;
        }
      } else if (part !== segments[i]) return null;
    }
    return params;
  };
}

/**
 * The tracking links and kept landing pages answered before Express: a profile of the click
 * redirect showed Express's own handling of a request (its router, its request and response
 * objects) costing more than the click itself, and the same routes answered from the HTTP server's
 * request event redirect more than twice as fast. Nothing is skipped: each request still runs the
 * pipeline Express would have run first (`pipeline`: the request id and access line, metrics,
 * security headers, the same middleware instances), and its route is named by its template as
 * Express names it. Only a GET or HEAD without a body takes the lane, and not a cross-origin one
 * when CORS is configured; everything else (and any path not listed) goes to Express as before,
 * where each of these routes also exists.
 */
export function installFastLane(
  app: NestExpressApplication,
  options: { pipeline: Middleware[]; routes: FastRoute[]; corsConfigured: boolean },
): void {
  const server = app.getHttpServer();
  const logger = new Logger('FastLane');
  const listeners = server.listeners('request') as Array<(req: IncomingMessage, res: ServerResponse) => void>;
  if (listeners.length !== 1) throw new Error(`The API's server has ${listeners.length} request listeners, not 1`);
  const [express] = listeners;
  const pipeline = options.pipeline as Array<
    (req: IncomingMessage, res: ServerResponse, next: (error?: unknown) => void) => void
  >;

  const failed = (res: ServerResponse, e: unknown) => {
    logger.error(`A fast-lane request failed: ${(e as Error).message}`);
    if (res.headersSent) return void res.destroy();
    res.writeHead(500, { 'Content-Type': 'text/plain; charset=utf-8', 'Cache-Control': 'no-store' });
    res.end('Internal server error');
  };

  const run = (req: IncomingMessage, res: ServerResponse, route: FastRoute, call: FastCall) => {
    let step = 0;
    const next = (error?: unknown): void => {
      if (error) return failed(res, error);
      const middleware = pipeline[step++];
      if (middleware) return middleware(req, res, next);
      route.handle(call).catch((e: unknown) => failed(res, e));
    };
    next();
  };

  server.removeAllListeners('request');
  server.on('request', (req: IncomingMessage, res: ServerResponse) => {
    const url = req.url ?? '/';
    const taken =
      (req.method === 'GET' || req.method === 'HEAD') &&
      req.headers['transfer-encoding'] === undefined &&
      !(Number(req.headers['content-length'] ?? 0) > 0) &&
      !(options.corsConfigured && req.headers.origin !== undefined) &&
      url.startsWith('/');
    if (taken) {
      const q = url.indexOf('?');
      const path = q === -1 ? url : url.slice(0, q);
      for (const route of options.routes) {
        const params = route.match(path);
        if (!params) continue;
        // As Express names a request's route (the access log and metrics read these).
        Object.assign(req, { originalUrl: url, baseUrl: '', route: { path: route.template } });
        return run(req, res, route, { req, res, params, query: new URLSearchParams(q === -1 ? '' : url.slice(q + 1)) });
      }
    }
    express(req, res);
  });
}
