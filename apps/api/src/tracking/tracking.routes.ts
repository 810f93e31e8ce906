import { INestApplication } from '@nestjs/common';
import { AppConfig } from '@tcma/config';
import { RedisClient } from '@tcma/queue';
import { ViewInBrowserService } from '@tcma/recipients';
import { HitSource, SocialClicks, TrackingHits } from '@tcma/tracking';
import { NestExpressApplication } from '@nestjs/platform-express';
import encodeUrl from 'encodeurl';
import { NextFunction, Request, Response, Router } from 'express';
import type { IncomingMessage, ServerResponse } from 'node:http';
import proxyAddr from 'proxy-addr';
import { FastCall, FastRoute, pathMatcher } from '../common/fast-lane';
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
 * They are the hottest public paths, need no auth, body or validation: clicks, social links and
 * opens are answered by the fast lane ahead of Express (common/fast-lane.ts), and all of them by
 * plain Express routes ahead of Nest's pipeline.
 */
const param = (req: Request, name: string) => String(req.params[name]);
/** An Express request's query, as the fast lane reads it (URLSearchParams: the first of a repeated name). */
const queryOf = (req: Request): URLSearchParams => new URLSearchParams(req.originalUrl.split('?')[1] ?? '');

const answer = (res: ServerResponse, status: number, headers: Record<string, string>, body?: string | Buffer) => {
  res.writeHead(status, { ...headers, 'Content-Length': String(body ? Buffer.byteLength(body) : 0) });
  res.end(body);
};
const notFound = (res: ServerResponse) =>
  answer(res, 404, { 'Cache-Control': 'no-store', 'Content-Type': 'text/plain; charset=utf-8' }, 'Unknown link');
const redirect = (res: ServerResponse, target: string) =>
  answer(res, 302, { Location: encodeUrl(target), 'Cache-Control': 'no-store', 'Referrer-Policy': 'no-referrer' });

/**
 * The click, social and open handlers on Node's own request and response: the fast lane
 * (common/fast-lane.ts) calls them before Express, and the Express routes below for what the lane
 * does not take (a cross-origin request, one with a body).
 */
export function trackingHandlers(app: INestApplication) {
  const hits = app.get(TrackingHits);
  const socialClicks = app.get(SocialClicks);
  const config = app.get(AppConfig);
  // The API's own rate-limit counters in Redis (shared by every API process), under a limit of their own.
  const counters = new RedisThrottlerStorage(app.get(RedisClient), config);
  // The client's address as Express reads it (TRUST_PROXY applies).
  const trust = (app as NestExpressApplication).getHttpAdapter().getInstance().get('trust proxy fn') as (
    address: string,
    hop: number,
  ) => boolean;
  /** Seconds until a client guessing social codes may try again; 0 while it is under the limit (or Redis does not answer). */
  const guessing = async (req: IncomingMessage): Promise<number> => {
    const limit = config.rateLimitUnknownSocialLinks;
    const key = `ip:${proxyAddr(req, trust)}`;
    try {
      const counted = await counters.increment(key, RATE_WINDOW_MS, limit, RATE_WINDOW_MS, 'unknown-social-link');
      return counted.isBlocked ? Math.max(1, counted.timeToBlockExpire) : 0;
    } catch {
      return 0;
    }
  };
  const source = (req: IncomingMessage): HitSource => ({
    userAgent: req.headers['user-agent'] ?? null,
    method: req.method ?? 'GET',
  });
  return {
    click: async ({ req, res, params, query }: FastCall): Promise<void> => {
      const target = await hits.click(
        params.sendId,
        params.index,
        params.sig,
        query.get('u') ?? undefined,
        query.get('n') ?? undefined,
        source(req),
      );
      if (target === null) return notFound(res);
      redirect(res, target);
    },
    social: async ({ req, res, params }: FastCall): Promise<void> => {
      const target = await socialClicks.click(params.code, source(req));
      if (target !== null) return redirect(res, target);
      const wait = await guessing(req);
      if (wait === 0) return notFound(res);
      answer(
        res,
        429,
        { 'Cache-Control': 'no-store', 'Retry-After': String(wait), 'Content-Type': 'text/plain; charset=utf-8' },
        'Too many unknown links: wait as long as Retry-After says',
      );
    },
    open: async ({ req, res, params }: FastCall): Promise<void> => {
      const sig = /^([\w-]+)\.gif$/.exec(params.file)?.[1];
      if (!sig || !(await hits.open(params.sendId, sig, source(req)))) return notFound(res);
      answer(res, 200, { 'Cache-Control': 'no-store, max-age=0', 'Content-Type': 'image/gif' }, PIXEL);
    },
  };
}

export type TrackingHandlers = ReturnType<typeof trackingHandlers>;

/** The routes the fast lane answers (the same handlers as the Express routes of the same templates). */
export function trackingFastRoutes(handlers: TrackingHandlers): FastRoute[] {
  const route = (template: string, handle: (call: FastCall) => Promise<void>): FastRoute => ({
    template,
    match: pathMatcher(template),
    handle,
  });
  return [
    route('/c/:sendId/:index/:sig', handlers.click),
    route('/s/:code', handlers.social),
    route('/o/:sendId/:file', handlers.open),
  ];
}

export function trackingRoutes(app: INestApplication, handlers: TrackingHandlers): Router {
  const views = app.get(ViewInBrowserService);
  const config = app.get(AppConfig);
  const csp = emailPageCsp(config.publicBaseUrl);
  const express = (handler: (call: FastCall) => Promise<void>) => (req: Request, res: Response, next: NextFunction) =>
    handler({ req, res, params: req.params as Record<string, string>, query: queryOf(req) }).catch(next);
  const safely =
    (handler: (req: Request, res: Response) => Promise<unknown>) => (req: Request, res: Response, next: NextFunction) =>
      handler(req, res).catch(next);

  const router = Router();
  router.get('/c/:sendId/:index/:sig', express(handlers.click));
  router.get('/s/:code', express(handlers.social));
  router.get('/o/:sendId/:file', express(handlers.open));
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
