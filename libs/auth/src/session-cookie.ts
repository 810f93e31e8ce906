import { Injectable } from '@nestjs/common';
import { AppConfig } from '@tcma/config';
import type { Request, Response } from 'express';

/** The header the web app sends on every unsafe request of a cookie session (see SessionCookieResolver). */
export const CSRF_HEADER = 'x-csrf-token';

/** A cookie of the request by name, as sent (undefined when absent or empty). */
export function readCookie(request: Pick<Request, 'headers'>, name: string): string | undefined {
  const header = request.headers.cookie;
  if (!header) return undefined;
  for (const part of header.split(';')) {
    const eq = part.indexOf('=');
    if (eq > 0 && part.slice(0, eq).trim() === name) return part.slice(eq + 1).trim() || undefined;
  }
  return undefined;
}

/**
 * The session cookie: httpOnly (scripts never see it), SameSite=Lax (other sites' forms and
 * fetches do not carry it on unsafe requests), Path=/. Over https it is Secure and named with
 * the __Host- prefix, which browsers accept only from this host, Secure, Path=/, no Domain.
 */
@Injectable()
export class SessionCookie {
  readonly name: string;
  private readonly secure: boolean;

  constructor(config: AppConfig) {
    this.secure = new URL(config.publicBaseUrl).protocol === 'https:';
    this.name = this.secure ? '__Host-tcma_session' : 'tcma_session';
  }

  read(request: Request): string | undefined {
    return readCookie(request, this.name);
  }

  set(response: Response, secret: string, expiresAt: Date): void {
    response.cookie(this.name, secret, {
      httpOnly: true,
      sameSite: 'lax',
      secure: this.secure,
      path: '/',
      expires: expiresAt,
    });
  }

  clear(response: Response): void {
    response.clearCookie(this.name, { httpOnly: true, sameSite: 'lax', secure: this.secure, path: '/' });
  }
}
