import { Injectable, NestMiddleware } from '@nestjs/common';
import { InstanceOperatorCheck } from '@tcma/auth';
import type { NextFunction, Request, Response } from 'express';

/**
 * In front of the operator's tools (the queue dashboard is Express middleware, outside Nest's
 * guards): the instance operator passes; anyone else, signed in or not and whatever their
 * role elsewhere, gets the API's plain 404, as for a path that does not exist.
 */
@Injectable()
export class OperatorOnlyMiddleware implements NestMiddleware {
  constructor(private readonly operator: InstanceOperatorCheck) {}

  use(req: Request, res: Response, next: NextFunction): void {
    this.operator.isOperator(req).then(
      (ok) => (ok ? next() : notFound(req, res)),
      (e: unknown) => next(e),
    );
  }
}

function notFound(req: Request, res: Response): void {
  res.status(404).json({
    statusCode: 404,
    error: 'Not Found',
    message: `Cannot ${req.method} ${req.baseUrl}${req.path === '/' ? '' : req.path}`,
    ...(typeof req.id === 'string' ? { requestId: req.id } : {}),
  });
}
