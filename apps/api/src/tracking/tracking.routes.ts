import { INestApplication } from '@nestjs/common';
import { AppConfig } from '@tcma/config';
import { RedisClient } from '@tcma/queue';
import { ViewInBrowserService } from '@tcma/recipients';
import { HitSource, SocialClicks, TrackingHits } from '@tcma/tracking';
import { NextFunction, Request, Response, Router } from 'express';
import { emailPageCsp } from '../common/email-page-csp';
import { RATE_WINDOW_MS } from '../rate-limits/rate-limits';
import { RedisThrottlerStorage } from '../rate-limits/redis-throttler.storage';

/** A transparent 1×1 GIF. */
const PIXEL = Buffer.from('R0lGODlhAQABAIAAAAAAAP///yH5BAEAAAAALAAAAAABAAEAAAIBRAA7', 'base64');

/**
 * The engine's public links inside sent emails (GET, and HEAD which scanners use): tracked
 * clicks, the open pixel, view in browser; and the short tracked links in social posts. Only
 * signed links (or a post's recorded code) do anything; a tampered or made-up one answers 404
 * and redirects nowhere. Recording is one batched insert and never stands between the prospect
 * and where they are going (a social link's first click waits for the insert that reads its target).
 * A client (address) asking for more than RATE_LIMIT_UNKNOWN_SOCIAL_LINKS_PER_MINUTE social codes
 * no live post has is answered 429 for them until its minute is over; a real link is looked up
 * first, so it is never counted nor refused.
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
  const config = app.get(AppConfig);
  const csp = emailPageCsp(config.publicBaseUrl);
  // The API's own rate-limit counters in Redis (shared by every API process), under a limit of their own.
  const counters = new RedisThrottlerStorage(app.get(RedisClient), config);
  /** Seconds until a client guessing social codes may try again; 0 while it is under the limit (or Redis does not answer). */
  const guessing = async (req: Request): Promise<number> => {
    const limit = config.rateLimitUnknownSocialLinks;
    const key = `ip:${req.ip ?? req.socket.remoteAddress ?? 'unknown'}`;
    try {
      const counted = await counters.increment(key, RATE_WINDOW_MS, limit, RATE_WINDOW_MS, 'unknown-social-link');
      return counted.isBlocked ? Math.max(1, counted.timeToBlockExpire) : 0;
    } catch {
      return 0;
    }
  };
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
      if (target === null) {
        const wait = await guessing(req);
        if (wait === 0) return notFound(res);
        return res
          .status(429)
          .set({ 'Cache-Control': 'no-store', 'Retry-After': String(wait) })
          .type('text')
          .send('Too many unknown links: wait as long as Retry-After says');
      }
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
  // The open pixel of every preview (libs/rendering/src/sample-recipient.ts): records nothing,
  // but answers an image, so a preview's frame fails no request.
  router.get('/preview/open.gif', (_req, res) => {
    res.set('Cache-Control', 'public, max-age=86400').type('gif').send(PIXEL);
  });
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
