import { Controller, Get, Param, Query, Req, Res } from '@nestjs/common';
import { ApiFoundResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { SessionsService } from '@tcma/accounts';
import { Public, readCookie, requestHost, SessionCookie } from '@tcma/auth';
import { AppConfig } from '@tcma/config';
import { samlPaths, SsoRefusedError, SsoSignInService, SSO_STATE_TTL_MS, SsoTestResults } from '@tcma/sso';
import { HostVendors, type HostVendor } from '@tcma/vendor-hosts';
import type { Request, Response } from 'express';
import { StrictRateLimit } from '../rate-limits/rate-limits';
import { callbackUrl } from './sso-callback-url';
import { SsoButtonListDto, SsoButtonsQuery, SsoDiscoveryQuery, SsoStartQuery } from './sso-connection.dto';

/**
 * Signing in through a vendor's identity provider, from a browser: the sign-in page's buttons,
 * the start (a redirect to the provider, the flow's state in a sealed cookie) and the callback
 * (the session cookie, then the page the sign-in was for). A refusal lands on the sign-in page
 * with its reason (`?sso_error=`); nothing in it tells which accounts exist.
 */
@ApiTags('sign-in')
@Controller('auth/sso')
export class SsoSignInController {
  private readonly stateCookie: string;
  private readonly secure: boolean;

  constructor(
    private readonly sso: SsoSignInService,
    private readonly sessions: SessionsService,
    private readonly cookie: SessionCookie,
    private readonly hostVendors: HostVendors,
    private readonly testResults: SsoTestResults,
    private readonly config: AppConfig,
  ) {
    this.secure = new URL(config.publicBaseUrl).protocol === 'https:';
    this.stateCookie = this.secure ? '__Host-tcma_sso' : 'tcma_sso';
  }

  @Public()
  @Get('connections')
  @ApiOperation({
    operationId: 'listSsoButtons',
    summary: "The sign-in page's buttons: the enabled connections of the host's vendor, or of ?vendor=",
  })
  @ApiOkResponse({ type: SsoButtonListDto })
  async buttons(@Query() query: SsoButtonsQuery, @Req() req: Request): Promise<SsoButtonListDto> {
    const slug = (await this.vendorOfHost(req))?.slug ?? query.vendor;
    if (!slug) return { items: [] };
    return buttonsOf(await this.sso.buttons(slug));
  }

  @Public()
  @StrictRateLimit('sign-in')
  @Get('discover')
  @ApiOperation({
    operationId: 'listSsoButtonsForEmail',
    summary: "The buttons an email's domain selects: a partner's own provider for a domain it has proven",
    description:
      "Within the host's vendor or ?vendor=, else across vendors. The domain alone is used: the answer never says whether the address has an account.",
  })
  @ApiOkResponse({ type: SsoButtonListDto })
  async discover(@Query() query: SsoDiscoveryQuery, @Req() req: Request): Promise<SsoButtonListDto> {
    const host = await this.vendorOfHost(req);
    const vendor = host ? { id: host.vendorId } : query.vendor ? { slug: query.vendor } : null;
    return buttonsOf(await this.sso.discover(query.email, vendor));
  }

  @Public()
  @StrictRateLimit('sign-in')
  @Get(':id/start')
  @ApiOperation({
    operationId: 'startSsoSignIn',
    summary: "Go to the connection's identity provider to sign in (a browser navigation)",
  })
  @ApiFoundResponse({
    description: 'To the provider; to /sign-in?sso_error=connection for an unknown or disabled one.',
  })
  async start(
    @Param('id') id: string,
    @Query() query: SsoStartQuery,
    @Req() req: Request,
    @Res() res: Response,
  ): Promise<void> {
    const hostVendor = await this.vendorOfHost(req);
    try {
      const started = await this.sso.start(
        id,
        query.returnTo,
        callbackUrl(req, this.config.publicBaseUrl, hostVendor),
        hostVendor?.vendorId ?? null,
        query.test,
      );
      res.cookie(this.stateCookie, started.stateCookie, {
        httpOnly: true,
        // Lax: the provider sends the browser back with a top-level GET, which carries it.
        sameSite: 'lax',
        secure: this.secure,
        path: '/',
        maxAge: SSO_STATE_TTL_MS,
      });
      res.redirect(302, started.authorizationUrl);
    } catch (e) {
      this.refusedTo(res, e);
    }
  }

  @Public()
  @StrictRateLimit('sign-in')
  @Get('callback')
  @ApiOperation({
    operationId: 'completeSsoSignIn',
    summary: "The identity provider's answer: signed in and sent on, or to /sign-in?sso_error=<reason>",
  })
  @ApiFoundResponse({ description: 'To the page the sign-in was for, or to the sign-in page with the reason.' })
  async callback(@Query() query: Record<string, unknown>, @Req() req: Request, @Res() res: Response): Promise<void> {
    const hostVendor = await this.vendorOfHost(req);
    res.clearCookie(this.stateCookie, { httpOnly: true, sameSite: 'lax', secure: this.secure, path: '/' });
    try {
      const finished = await this.sso.finish(
        query,
        // Sealed values are base64url and dots: Express's cookie encoding leaves them as they are.
        readCookie(req, this.stateCookie),
        callbackUrl(req, this.config.publicBaseUrl, hostVendor),
        hostVendor?.vendorId ?? null,
      );
      if (finished.kind === 'tested') {
        const resultId = await this.testResults.keep(finished.testerId, finished.result);
        res.redirect(302, testedPath(finished.result.connectionId, resultId, finished.ownedByPartner));
        return;
      }
      const signedIn = await this.sessions.open(finished.user, {
        ipAddress: req.ip ?? null,
        userAgent: req.headers['user-agent'] ?? null,
        currentSecret: this.cookie.read(req),
      });
      this.cookie.set(res, signedIn.secret, signedIn.session.expiresAt);
      res.redirect(302, finished.returnTo);
    } catch (e) {
      this.refusedTo(res, e);
    }
  }

  private refusedTo(res: Response, e: unknown): void {
    if (!(e instanceof SsoRefusedError)) throw e;
    res.redirect(302, `/sign-in?sso_error=${e.reason}`);
  }

  private vendorOfHost(req: Request): Promise<HostVendor | null> {
    return this.hostVendors.vendorOfHost(requestHost(req));
  }
}

const buttonsOf = (items: Array<{ id: string; name: string; protocol: 'oidc' | 'saml' }>): SsoButtonListDto => ({
  items: items.map((c) => ({
    id: c.id,
    name: c.name,
    protocol: c.protocol,
    startUrl: c.protocol === 'saml' ? samlPaths(c.id).start : `/auth/sso/${c.id}/start`,
  })),
});

/** Where a test sign-in's admin lands: the console's single sign-on page (the portal's, for a partner's own), showing the result. */
export const testedPath = (connectionId: string, resultId: string, ownedByPartner: boolean) =>
  `/${ownedByPartner ? 'portal' : 'console'}/sso?${new URLSearchParams({ tested: connectionId, result: resultId }).toString()}`;
