import {
  BadRequestException,
  HttpException,
  PayloadTooLargeException,
  UnsupportedMediaTypeException,
} from '@nestjs/common';
import express, { NextFunction, Request, RequestHandler, Response } from 'express';
import { jsonShapeProblem } from './json-shape';

/** Campaign authoring carries MJML (500 kB per email) and whole drafts: its JSON bodies may be this large. */
export const AUTHORING_BODY_LIMIT = 2 * 1024 * 1024;
/** Every other JSON body; the largest legitimate ones (10,000 list members, a prospect's 50 custom fields) fit well inside. */
export const JSON_BODY_LIMIT = 256 * 1024;
const FORM_BODY_LIMIT = 64 * 1024;
/**
 * Refused before parsing: deeper nesting overflows the stack in validation, and every value
 * costs time on the event loop while the body is transformed and validated (a list's
 * 10,000 members are the most any endpoint takes).
 */
export const JSON_LIMITS = { maxDepth: 32, maxValues: 12_000 };

const AUTHORING_PATH = /^\/campaigns(\/|$)/;

const size = (bytes: number) => (bytes >= 1024 * 1024 ? `${bytes / (1024 * 1024)} MB` : `${bytes / 1024} kB`);

function clearError(error: unknown, limit: number): HttpException {
  const problem = (message: string) => ({ errors: [{ path: 'body', message }] });
  const e = error as { type?: string; message?: string };
  switch (e.type) {
    case 'entity.parse.failed':
      return new BadRequestException('The request body is not valid JSON');
    case 'entity.too.large':
      return new PayloadTooLargeException({
        message: `The request body is larger than ${size(limit)}${limit < AUTHORING_BODY_LIMIT ? ` (${size(AUTHORING_BODY_LIMIT)} for campaign authoring, /campaigns)` : ''}`,
        ...problem(`is larger than ${size(limit)}`),
      });
    case 'entity.shape.refused':
      return new BadRequestException({
        message: `The request body ${e.message}`,
        ...problem(e.message ?? 'is refused'),
      });
    case 'encoding.unsupported':
    case 'charset.unsupported':
      return new UnsupportedMediaTypeException('The request body must be UTF-8');
    default:
      return new BadRequestException('The request body could not be read');
  }
}

const withClearErrors =
  (parser: RequestHandler, limit: number, type: string | string[]): RequestHandler =>
  (req: Request, res: Response, next: NextFunction) => {
    // Declared larger than the limit: refused before a byte is read (the parser would read it all, then answer).
    if (req.is(type) && Number(req.headers['content-length']) > limit)
      return next(clearError({ type: 'entity.too.large' }, limit));
    parser(req, res, (error?: unknown) => next(error ? clearError(error, limit) : undefined));
  };

/** Runs on the raw bytes before JSON.parse. JSON between systems is UTF-8 (RFC 8259), which the byte scan assumes. */
function refuseOverlyShaped(_req: unknown, _res: unknown, bytes: Buffer, encoding: string): void {
  if (encoding.toLowerCase() !== 'utf-8')
    throw Object.assign(new Error('The request body must be UTF-8'), { status: 415, type: 'charset.unsupported' });
  const problem = jsonShapeProblem(bytes, JSON_LIMITS);
  if (problem) throw Object.assign(new Error(problem), { status: 400, type: 'entity.shape.refused' });
}

/** SCIM clients (identity providers provisioning users) send their JSON as application/scim+json (RFC 7644). */
const SCIM_PATH = /^\/scim\/v2(\/|$)/;
const JSON_TYPES = ['application/json', 'application/scim+json'];

/** HubSpot signs its webhooks over the raw body: kept beside the parsed one there. */
const CRM_EVENTS_PATH = /^\/crm\/hubspot\/events$/;

function keepRawBody(req: unknown, res: unknown, bytes: Buffer, encoding: string): void {
  refuseOverlyShaped(req, res, bytes, encoding);
  (req as { rawBody?: Buffer }).rawBody = bytes;
}

const json = (limit: number, type: string | string[] = 'application/json') =>
  withClearErrors(express.json({ limit, verify: refuseOverlyShaped, type }), limit, type);
const authoringJson = json(AUTHORING_BODY_LIMIT);
const otherJson = json(JSON_BODY_LIMIT);
const scimJson = json(JSON_BODY_LIMIT, JSON_TYPES);
const crmEventsJson = withClearErrors(
  express.json({ limit: JSON_BODY_LIMIT, verify: keepRawBody, type: 'application/json' }),
  JSON_BODY_LIMIT,
  'application/json',
);

/** JSON bodies, with the larger limit only where campaigns are authored. */
export const jsonBody: RequestHandler = (req, res, next) =>
  (AUTHORING_PATH.test(req.path)
    ? authoringJson
    : SCIM_PATH.test(req.path)
      ? scimJson
      : CRM_EVENTS_PATH.test(req.path)
        ? crmEventsJson
        : otherJson)(req, res, next);
/** Translations come back as XLIFF files (XML); read as text only where campaigns are authored. */
export const XLIFF_TYPES = ['application/xliff+xml', 'application/xml', 'text/xml'];
const xliffText = withClearErrors(
  express.text({ type: XLIFF_TYPES, limit: AUTHORING_BODY_LIMIT }),
  AUTHORING_BODY_LIMIT,
  XLIFF_TYPES,
);
export const xliffBody: RequestHandler = (req, res, next) =>
  AUTHORING_PATH.test(req.path) ? xliffText(req, res, next) : next();
export const formBody = withClearErrors(
  express.urlencoded({ limit: FORM_BODY_LIMIT, extended: false }),
  FORM_BODY_LIMIT,
  'application/x-www-form-urlencoded',
);
