import { ExecutionContext, SetMetadata } from '@nestjs/common';
import { ThrottlerOptions } from '@nestjs/throttler';
import { AppConfig } from '@tcma/config';
import { createHash } from 'node:crypto';
import type { Request } from 'express';

/** Every limit counts requests per minute. */
export const RATE_WINDOW_MS = 60_000;

/** The stricter limits, each applied only to the routes that name it (@StrictRateLimit). */
export type StrictLimit = 'sign-in' | 'sensitive';
const STRICT_LIMIT = 'tcma:strict-rate-limit';

/**
 * Puts a route under a stricter limit as well as the general ones: 'sign-in' (anonymous
 * credential checks, per address) or 'sensitive' (minting tokens, uploads, per token or session).
 */
export const StrictRateLimit = (limit: StrictLimit) => SetMetadata(STRICT_LIMIT, limit);

const strictLimitOf = (context: ExecutionContext): unknown => Reflect.getMetadata(STRICT_LIMIT, context.getHandler());

const hashed = (credential: string) => createHash('sha256').update(credential).digest('base64url').slice(0, 22);

/** The client's address as Express sees it (TRUST_PROXY decides whether X-Forwarded-For counts). */
const address = (req: Request) => `ip:${req.ip ?? req.socket.remoteAddress ?? 'unknown'}`;

/**
 * Who a request counts against: its API token or its session (never stored, only a hash of
 * it), or its address when it carries neither. Whether the credential is valid is the auth
 * guard's business: a made-up token is counted like any other.
 */
export function clientOf(req: Request, sessionCookie: string): string {
  const bearer = /^Bearer (\S+)$/i.exec(req.headers.authorization ?? '')?.[1];
  if (bearer) return `token:${hashed(bearer)}`;
  const cookie = (req.headers.cookie ?? '')
    .split(';')
    .map((c) => c.trim())
    .find((c) => c.startsWith(`${sessionCookie}=`));
  if (cookie && cookie.length > sessionCookie.length + 1) return `session:${hashed(cookie)}`;
  return address(req);
}

/** The limits (README "Operations"), from the settings. Counters are shared through Redis. */
export function rateLimits(config: AppConfig, sessionCookie: string): ThrottlerOptions[] {
  const key = (_context: ExecutionContext, tracker: string) => tracker;
  const onlyOn = (limit: StrictLimit) => (context: ExecutionContext) => strictLimitOf(context) !== limit;
  return [
    {
      name: 'client',
      ttl: RATE_WINDOW_MS,
      limit: config.rateLimitPerClient,
      getTracker: (req) => clientOf(req as Request, sessionCookie),
      generateKey: key,
    },
    {
      name: 'address',
      ttl: RATE_WINDOW_MS,
      limit: config.rateLimitPerAddress,
      getTracker: (req) => address(req as Request),
      generateKey: key,
    },
    {
      name: 'sign-in',
      ttl: RATE_WINDOW_MS,
      limit: config.rateLimitSignIn,
      getTracker: (req) => address(req as Request),
      generateKey: key,
      skipIf: onlyOn('sign-in'),
    },
    {
      name: 'sensitive',
      ttl: RATE_WINDOW_MS,
      limit: config.rateLimitSensitive,
      getTracker: (req) => clientOf(req as Request, sessionCookie),
      generateKey: key,
      skipIf: onlyOn('sensitive'),
    },
  ];
}
