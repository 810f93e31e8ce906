import { INestApplication } from '@nestjs/common';
import { AppConfig } from '@tcma/config';
import { ViewInBrowserService } from '@tcma/recipients';
import { HitSource, SocialClicks, TrackingHits } from '@tcma/tracking';
import { NextFunction, Request, Response, Router } from 'express';
import { emailPageCsp } from '../common/email-page-csp';

/** A transparent 1×1 GIF. */
const PIXEL = Buffer.from('R0lGODlhAQABAIAAAAAAAP///yH5BAEAAAAALAAAAAABAAEAAAIBRAA7', 'base64');

/**
 * The engine's public links inside sent emails (GET, and HEAD which scanners use): tracked
 * clicks, the open pixel, view in browser; and the short tracked links in social posts. Only
 * signed links (or a post's recorded code) do anything; a tampered or made-up one answers 404
 * and redirects nowhere. Recording is one batched insert and never stands between the prospect
 * and where they are going (a social link's first click waits for the insert that reads its target).
 *
 * These are plain Express routes mounted ahead of Nest's pipeline: they are the hottest
 * public paths, need no auth, body or validation, and the framework's per-request machinery
 * would cost more than the work itself.
 */
const param = (req: Request, name: string) => String(req.params[name]);

export function trackingRoutes(app: INestApplication): Router {
  const hits = app.get(TrackingHits);
  const socialClicks = app.get(SocialClicks);
  const views = app.get(ViewInBrowserService);
  const csp = emailPageCsp(app.get(AppConfig).publicBaseUrl);
  const source = (req: Request): HitSource => ({ userAgent: req.get('user-agent') ?? null, method: req.method });
  const notFound = (res: Response) =>
    res.status(404).set('Cache-Control', 'no-store').type('text').send('Unknown link');
  const safely =
    (handler: (req: Request, res: Response) => Promise<unknown>) => (req: Request, res: Response, next: NextFunction) =>
      handler(req, res).catch(next);

  const router = Router();
  router.get(
    '/c/:sendId/:index/:sig',
    safely(async (req, res) => {
      const target = await hits.click(
        param(req, 'sendId'),
        param(req, 'index'),
        param(req, 'sig'),
        req.query.u,
        req.query.n,
        source(req),
      );
      if (target === null) return notFound(res);
      res.set({ 'Cache-Control': 'no-store', 'Referrer-Policy': 'no-referrer' }).redirect(302, target);
    }),
  );
  router.get(
    '/s/:code',
    safely(async (req, res) => {
      const target = await socialClicks.click(param(req, 'code'), source(req));
      if (target === null) return notFound(res);
      res.set({ 'Cache-Control': 'no-store', 'Referrer-Policy': 'no-referrer' }).redirect(302, target);
    }),
  );
  router.get(
    '/o/:sendId/:file',
    safely(async (req, res) => {
      const sig = /^([\w-]+)\.gif$/.exec(param(req, 'file'))?.[1];
      if (!sig || !(await hits.open(param(req, 'sendId'), sig, source(req)))) return notFound(res);
      res.set('Cache-Control', 'no-store, max-age=0').type('gif').send(PIXEL);
    }),
  );
  router.get(
    '/v/:sendId/:sig',
    safely(async (req, res) => {
      const html = await views.html(param(req, 'sendId'), param(req, 'sig'));
      if (html === null) return notFound(res);
      res
        .set({
          'Cache-Control': 'private, no-store',
          'Content-Security-Policy': csp,
          'X-Content-Type-Options': 'nosniff',
        })
        .type('html')
        .send(html);
    }),
  );
  return router;
}
