import { INestApplication, Logger } from '@nestjs/common';
import { LandingPagesService, landingPageWords, PageResponse, visitorLocale } from '@tcma/pages';
import express, { NextFunction, Request, Response, Router } from 'express';
import fresh from 'fresh';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { FastRoute, pathMatcher } from '../common/fast-lane';

/** The largest form submission a landing page takes (413 above): twenty fields of 500 characters, encoded, fit well inside. */
export const FORM_SUBMISSION_MAX_BYTES = 32 * 1024;
/** How long browsers and shared caches may keep a page before asking again (the ETag then makes it a 304). */
export const PAGE_MAX_AGE_SECONDS = 60;

/**
 * Pages run no script at all (a page cannot hold active content), post their form only to
 * themselves, load images from anywhere https and cannot be framed. No referrer: the page's
 * address can carry the send that led to it, which the sites it links to need not see.
 */
const PAGE_CSP = [
  "default-src 'none'",
  "img-src 'self' https: data:",
  "style-src 'unsafe-inline' https:",
  'font-src https:',
  "form-action 'self'",
  "base-uri 'none'",
  "frame-ancestors 'none'",
].join('; ');

const param = (req: Request, name: string) => String(req.params[name]);

/**
 * A page on Node's own response (the fast lane's and Express's alike): a cacheable page carries its
 * ETag, and a GET or HEAD naming it in If-None-Match is answered 304 without the bytes.
 */
function sendPage(req: IncomingMessage, res: ServerResponse, page: PageResponse, cacheable: boolean): void {
  const etag = cacheable ? page.etag : undefined;
  const headers: Record<string, string> = {
    'Content-Security-Policy': PAGE_CSP,
    'X-Content-Type-Options': 'nosniff',
    'Referrer-Policy': 'no-referrer',
    'Cache-Control': etag ? `public, max-age=${PAGE_MAX_AGE_SECONDS}` : 'no-store',
    'Content-Type': 'text/html; charset=utf-8',
  };
  if (page.noindex) headers['X-Robots-Tag'] = 'noindex, nofollow';
  if (etag) headers.ETag = etag;
  if (etag && page.status === 200 && (req.method === 'GET' || req.method === 'HEAD') && fresh(req.headers, { etag })) {
    res.writeHead(304, headers);
    return void res.end();
  }
  // A kept page's bytes were encoded once.
  const body = page.bytes ?? Buffer.from(page.html);
  res.writeHead(page.status, { ...headers, 'Content-Length': String(body.length) });
  res.end(body);
}

/** The fast lane's route for a page view (common/fast-lane.ts): the same answer as the Express route's. */
export function landingPageFastRoutes(app: INestApplication): FastRoute[] {
  const pages = app.get(LandingPagesService);
  const logger = new Logger('LandingPages');
  const template = '/p/:partner/:campaign';
  return [
    {
      template,
      match: pathMatcher(template),
      handle: ({ req, res, params, query }) =>
        pages
          .view(params.partner, params.campaign, query.get('lang') ?? undefined, req.headers['accept-language'])
          .then(
            (page) => sendPage(req, res, page, true),
            (e: unknown) => unavailable(req, res, logger, e),
          ),
    },
  ];
}

function unavailable(req: IncomingMessage, res: ServerResponse, logger: Logger, e: unknown): void {
  logger.error(`A landing page failed: ${(e as Error).message}`);
  const lang = new URL(req.url ?? '/', 'http://page').searchParams.get('lang');
  const body = landingPageWords(visitorLocale(lang, req.headers['accept-language'])).unavailable;
  res.writeHead(503, {
    'Cache-Control': 'no-store',
    'Retry-After': '30',
    'Content-Type': 'text/plain; charset=utf-8',
    'Content-Length': String(Buffer.byteLength(body)),
  });
  res.end(body);
}

/**
 * Co-branded landing pages: GET (and HEAD) show the page and never change anything, so link
 * scanners fetching every link of an email submit nothing; a plain HTML form POST to the same
 * address submits the form and answers the page again. Plain Express routes ahead of Nest's
 * pipeline, like the tracking links: public, HTML in and out, with their own body limit.
 */
export function landingPageRoutes(app: INestApplication): Router {
  const pages = app.get(LandingPagesService);
  const logger = new Logger('LandingPages');
  const formBody = express.urlencoded({ limit: FORM_SUBMISSION_MAX_BYTES, extended: false, parameterLimit: 100 });

  const failed = (req: Request, res: Response, e: unknown) => unavailable(req, res, logger, e);
  const wordsFor = (req: Request) => landingPageWords(visitorLocale(req.query.lang, req.headers['accept-language']));

  const router = Router();
  router.get('/p/:partner/:campaign/og.png', (req: Request, res: Response) => {
    pages
      .ogImage(param(req, 'partner'), param(req, 'campaign'), req.query.lang)
      .then((image) => {
        if (!image) return void res.status(404).set('Cache-Control', 'no-store').type('text').send('No image');
        res
          .set({
            'Cache-Control': `public, max-age=${PAGE_MAX_AGE_SECONDS}`,
            ETag: image.etag,
            'X-Content-Type-Options': 'nosniff',
          })
          .type(image.contentType)
          .send(image.bytes);
      })
      .catch((e: unknown) => failed(req, res, e));
  });
  router.get('/p/:partner/:campaign', (req: Request, res: Response) => {
    pages
      .view(param(req, 'partner'), param(req, 'campaign'), req.query.lang, req.headers['accept-language'])
      .then((page) => sendPage(req, res, page, true))
      .catch((e: unknown) => failed(req, res, e));
  });
  router.post(
    '/p/:partner/:campaign',
    (req: Request, res: Response, next: NextFunction) =>
      formBody(req, res, (error?: unknown) => {
        if (!error) return next();
        const tooLarge = (error as { type?: string }).type === 'entity.too.large';
        res
          .status(tooLarge ? 413 : 400)
          .set('Cache-Control', 'no-store')
          .type('text')
          .send(tooLarge ? wordsFor(req).tooLarge(FORM_SUBMISSION_MAX_BYTES / 1024) : wordsFor(req).unreadable);
      }),
    (req: Request, res: Response) => {
      const body: unknown = req.body;
      const fields = body && typeof body === 'object' && !Array.isArray(body) ? (body as Record<string, unknown>) : {};
      pages
        .submit(
          param(req, 'partner'),
          param(req, 'campaign'),
          req.query.s,
          fields,
          { ip: req.ip ?? req.socket.remoteAddress ?? 'unknown', userAgent: req.get('user-agent') ?? null },
          req.query.lang,
          req.headers['accept-language'],
        )
        .then((page) => sendPage(req, res, page, false))
        .catch((e: unknown) => failed(req, res, e));
    },
  );
  return router;
}
