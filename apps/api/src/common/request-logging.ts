import { redactRequestUrl, requestIdFrom, requestStore, rootLogger, runInStore } from '@tcma/logging';
import type { NextFunction, Request, Response } from 'express';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Logger } from 'pino';
import { pinoHttp } from 'pino-http';

/** The route's template (/launches/:id), never the path itself; `unmatched` when no route took the request. */
export function routeOf(req: Request): string {
  const template = (req.route as { path?: unknown } | undefined)?.path;
  return typeof template === 'string' ? `${req.baseUrl}${template}` : 'unmatched';
}

const asExpress = (req: IncomingMessage): Request => req as Request;

/** What the access log says of a request: never its body, headers or credentials, and its address with capabilities cut. */
function accessLine(req: IncomingMessage, res: ServerResponse, val: { responseTime?: number }) {
  const r = asExpress(req);
  return {
    method: req.method,
    route: routeOf(r),
    url: redactRequestUrl(r.originalUrl ?? req.url ?? ''),
    status: res.statusCode,
    durationMs: val.responseTime,
  };
}

/**
 * First in the API's pipeline (pino-http): gives every request an id (the caller's X-Request-Id when
 * sane, else a new UUID), echoes it, runs the rest of the request in a context whose logger
 * carries it (so every line the request causes, and every job it queues, has it), and writes
 * one info line when the answer is finished (`accessLog`), the tracking redirects and pages
 * included.
 */
export function requestLogging(options: { accessLog: boolean; logger?: Logger }) {
  const http = pinoHttp({
    logger: options.logger ?? rootLogger(),
    customAttributeKeys: { reqId: 'requestId' },
    quietReqLogger: true,
    quietResLogger: true,
    wrapSerializers: false,
    serializers: { req: () => undefined },
    autoLogging: options.accessLog,
    customSuccessObject: accessLine,
    customErrorObject: (req, res, _error, val: { responseTime?: number }) => accessLine(req, res, val),
    customSuccessMessage: (req, res) =>
      !req.readableAborted && res.writableEnded ? 'request completed' : 'request aborted',
    customErrorMessage: () => 'request completed',
  });
  return (req: Request, res: Response, next: NextFunction): void => {
    const id = requestIdFrom(req.headers['x-request-id']);
    req.id = id;
    res.setHeader('X-Request-Id', id);
    // pino-http keeps the id it finds, binds it to req.log and writes the access line when the answer ends.
    http(req, res);
    runInStore(requestStore(id, req.log), next);
  };
}
