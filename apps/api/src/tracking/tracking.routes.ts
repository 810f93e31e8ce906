import { INestApplication, Logger } from '@nestjs/common';
import { Clock } from '@tcma/clock';
import { ViewInBrowserService } from '@tcma/nurture';
import { EventsRepository, SendEventInput, TrackingLinks } from '@tcma/tracking';
import { NextFunction, Request, Response, Router } from 'express';

/** A transparent 1×1 GIF. */
const PIXEL = Buffer.from('R0lGODlhAQABAIAAAAAAAP///yH5BAEAAAAALAAAAAABAAEAAAIBRAA7', 'base64');
/** The longest a prospect waits for an event to be written before being sent on anyway. */
const RECORD_BUDGET_MS = 500;

/**
 * The engine's public links inside sent emails (GET, and HEAD which scanners use): tracked
 * clicks, the open pixel, view in browser. Only signed links do anything; a tampered or
 * made-up one answers 404 and redirects nowhere. Recording is one batched insert and never
 * stands between the prospect and where they are going.
 *
 * These are plain Express routes mounted ahead of Nest's pipeline: they are the hottest
 * public paths, need no auth, body or validation, and the framework's per-request machinery
 * would cost more than the work itself.
 */
const param = (req: Request, name: string) => String(req.params[name]);

export function trackingRoutes(app: INestApplication): Router {
  const links = app.get(TrackingLinks);
  const events = app.get(EventsRepository);
  const views = app.get(ViewInBrowserService);
  const clock = app.get(Clock);
  const logger = new Logger('TrackingRoutes');

  /** One insert, waited for at most RECORD_BUDGET_MS; a failure is logged, never shown. */
  const record = async (req: Request, event: Omit<SendEventInput, 'userAgent' | 'method' | 'at'>): Promise<void> => {
    const write = events.recordHit({ ...event, at: clock.now(), userAgent: req.get('user-agent') ?? null, method: req.method }).catch((e: Error) => {
      logger.warn(`Could not record ${event.type} of send ${event.sendId}: ${e.message}`);
      return false;
    });
    let timer: NodeJS.Timeout | undefined;
    await Promise.race([write, new Promise((resolve) => (timer = setTimeout(resolve, RECORD_BUDGET_MS)))]);
    clearTimeout(timer);
  };
  const notFound = (res: Response) => res.status(404).set('Cache-Control', 'no-store').type('text').send('Unknown link');
  const safely = (handler: (req: Request, res: Response) => Promise<unknown>) => (req: Request, res: Response, next: NextFunction) => handler(req, res).catch(next);

  const router = Router();
  router.get(
    '/c/:sendId/:index/:sig',
    safely(async (req, res) => {
      const click = links.verifyClick(param(req, 'sendId'), param(req, 'index'), param(req, 'sig'), req.query.u, req.query.n);
      if (!click) return notFound(res);
      await record(req, { sendId: click.sendId, type: 'clicked', linkIndex: click.index, linkName: click.name });
      res.set({ 'Cache-Control': 'no-store', 'Referrer-Policy': 'no-referrer' }).redirect(302, click.target);
    }),
  );
  router.get(
    '/o/:sendId/:file',
    safely(async (req, res) => {
      const sig = /^([\w-]+)\.gif$/.exec(param(req, 'file'))?.[1];
      if (!sig || !links.verifyOpen(param(req, 'sendId'), sig)) return notFound(res);
      await record(req, { sendId: param(req, 'sendId'), type: 'opened' });
      res.set('Cache-Control', 'no-store, max-age=0').type('gif').send(PIXEL);
    }),
  );
  router.get(
    '/v/:sendId/:sig',
    safely(async (req, res) => {
      const html = await views.html(param(req, 'sendId'), param(req, 'sig'));
      if (html === null) return notFound(res);
      res.set({ 'Cache-Control': 'private, no-store', 'Content-Security-Policy': "default-src 'none'; img-src * data:; style-src 'unsafe-inline'; font-src *" }).type('html').send(html);
    }),
  );
  return router;
}
