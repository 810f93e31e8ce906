import type { NextFunction, Request, Response } from 'express';
import type { Metrics } from './metrics';

/**
 * Times every request, labelled by the route's template (/outbox/:id/html), never the path
 * itself, so ids do not multiply the series; requests no route took are "unmatched".
 */
export function httpMetrics(metrics: Metrics) {
  return (req: Request, res: Response, next: NextFunction): void => {
    const end = metrics.httpDuration.startTimer();
    res.once('finish', () => {
      const template = (req.route as { path?: unknown } | undefined)?.path;
      const route = typeof template === 'string' ? `${req.baseUrl}${template}` : 'unmatched';
      end({ method: req.method, route, status_class: `${Math.floor(res.statusCode / 100)}xx` });
    });
    next();
  };
}
