import { ForbiddenException, Injectable } from '@nestjs/common';
import { SessionsService } from '@tcma/accounts';
import type { Actor } from '@tcma/tenancy';
import { HostVendors } from '@tcma/vendor-hosts';
import type { Request } from 'express';
import { CredentialResolver } from './credential-resolver';
import { requestHost } from './request-host';
import { CSRF_HEADER, SessionCookie } from './session-cookie';

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/**
 * The browser's credential: the session cookie. A cookie travels with any request the browser
 * makes, whoever caused it, so every unsafe request must also carry the session's CSRF token
 * in a header, which another site can neither read nor set; a request the browser marks as
 * cross-site is refused outright. Bearer-token requests never reach this resolver.
 *
 * On a vendor's own host name a session of another vendor's user counts for nothing, as if the
 * browser held none (a cookie set on the generic host does not travel there, but a proxy or a
 * shared parent domain could carry one): only the host's vendor's users are signed in there.
 */
@Injectable()
export class SessionCookieResolver implements CredentialResolver {
  constructor(
    private readonly cookie: SessionCookie,
    private readonly sessions: SessionsService,
    private readonly hostVendors: HostVendors,
  ) {}

  async resolve(request: Request): Promise<Actor | null | undefined> {
    const secret = this.cookie.read(request);
    if (!secret) return undefined;
    const actor = await this.sessions.resolve(secret);
    if (!actor?.sessionId) return null;
    const hostVendor = await this.hostVendors.vendorOfHost(requestHost(request));
    if (hostVendor && hostVendor.vendorId !== actor.vendorId) return undefined;
    if (!SAFE_METHODS.has(request.method)) {
      const token = request.headers[CSRF_HEADER];
      if (
        request.headers['sec-fetch-site'] === 'cross-site' ||
        !this.sessions.checkCsrf(actor.sessionId, typeof token === 'string' ? token : undefined)
      ) {
        throw new ForbiddenException(
          `A signed-in browser request that changes something needs the session's ${CSRF_HEADER} header (the web app sends it)`,
        );
      }
    }
    return actor;
  }
}
