import { Logger } from '@nestjs/common';
import type { NextFunction, Request, Response } from 'express';
import { randomUUID } from 'node:crypto';

const INCOMING_ID = /^[A-Za-z0-9._:-]{8,100}$/;
const logger = new Logger('HTTP');

/**
 * Gives every request a correlation id (the caller's X-Request-Id when sane), echoes it,
 * and logs one line per request with it. Registered first, so even a body that fails to
 * parse is answered with an id.
 */
export function requestId(req: Request & { id?: string }, res: Response, next: NextFunction): void {
  const incoming = req.headers['x-request-id'];
  req.id = typeof incoming === 'string' && INCOMING_ID.test(incoming) ? incoming : randomUUID();
  res.setHeader('X-Request-Id', req.id);
  const started = process.hrtime.bigint();
  res.on('finish', () => {
    const ms = Number(process.hrtime.bigint() - started) / 1e6;
    logger.verbose(`${req.method} ${req.originalUrl} ${res.statusCode} ${ms.toFixed(1)}ms [${req.id}]`);
  });
  next();
}
