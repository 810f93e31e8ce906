import { Body, Controller, Get, HttpCode, Param, Post, Query, Req, Res } from '@nestjs/common';
import { ApiConsumes, ApiFoundResponse, ApiOkResponse, ApiOperation, ApiProduces, ApiTags } from '@nestjs/swagger';
import { SessionsService } from '@tcma/accounts';
import { Public, requestHost, SessionCookie } from '@tcma/auth';
import { AppConfig } from '@tcma/config';
import { SamlSignInService, SsoRefusedError, SsoTestResults } from '@tcma/sso';
import { HostVendors, type HostVendor } from '@tcma/vendor-hosts';
import type { Request, Response } from 'express';
import { StrictRateLimit } from '../rate-limits/rate-limits';
import { returnOrigin } from './sso-callback-url';
import { testedPath } from './sso-sign-in.controller';
import { SamlAcsBody, SsoStartQuery } from './sso-connection.dto';

/**
 * Signing in through a vendor's SAML 2.0 identity provider: the engine's metadata for it, the
 * start (an AuthnRequest, HTTP-Redirect) and the assertion consumer service, where the provider
 * posts its answer, asked for or not (IdP-initiated). The ACS is public, so neither the session
 * cookie nor its CSRF token is looked at there (a cross-site POST is what the binding is): the
 * signed, one-time assertion is the credential. A refusal lands on `/sign-in?sso_error=<reason>`.
 */
@ApiTags('sign-in')
@Controller('auth/saml')
export class SamlSignInController {
  constructor(
    private readonly saml: SamlSignInService,
    private readonly sessions: SessionsService,
    private readonly cookie: SessionCookie,
    private readonly hostVendors: HostVendors,
    private readonly testResults: SsoTestResults,
    private readonly config: AppConfig,
  ) {}

  @Public()
  @Get(':id/metadata')
  @ApiOperation({
    operationId: 'getSamlMetadata',
    summary: "The engine's SAML metadata for the connection's identity provider (its URL is the entity id)",
  })
  @ApiProduces('application/samlmetadata+xml')
  @ApiOkResponse({ description: 'The SP metadata; 404 for an unknown or disabled SAML connection.' })
  async metadata(@Param('id') id: string, @Req() req: Request, @Res() res: Response): Promise<void> {
    try {
      const xml = await this.saml.metadata(id, returnOrigin(req, this.config.publicBaseUrl, await this.vendorOf(req)));
      res.type('application/samlmetadata+xml').send(xml);
    } catch (e) {
      if (!(e instanceof SsoRefusedError)) throw e;
      res.status(404).json({ statusCode: 404, message: 'No such SAML connection' });
    }
  }

  @Public()
  @StrictRateLimit('sign-in')
  @Get(':id/start')
  @ApiOperation({
    operationId: 'startSamlSignIn',
    summary: "Go to the connection's SAML identity provider to sign in (a browser navigation)",
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
    const hostVendor = await this.vendorOf(req);
    try {
      const origin = returnOrigin(req, this.config.publicBaseUrl, hostVendor);
      res.redirect(302, await this.saml.start(id, query.returnTo, origin, hostVendor?.vendorId ?? null, query.test));
    } catch (e) {
      refusedTo(res, e);
    }
  }

  @Public()
  @StrictRateLimit('sign-in')
  @Post(':id/acs')
  @HttpCode(302)
  @ApiConsumes('application/x-www-form-urlencoded')
  @ApiOperation({
    operationId: 'completeSamlSignIn',
    summary: "The SAML provider's POST: signed in and sent to RelayState (or home), or to the sign-in page",
  })
  @ApiFoundResponse({ description: 'To the RelayState path or home, or to /sign-in?sso_error=<reason>.' })
  async acs(
    @Param('id') id: string,
    @Body() body: SamlAcsBody,
    @Req() req: Request,
    @Res() res: Response,
  ): Promise<void> {
    const hostVendor = await this.vendorOf(req);
    try {
      const origin = returnOrigin(req, this.config.publicBaseUrl, hostVendor);
      const finished = await this.saml.acs(id, body, origin, hostVendor?.vendorId ?? null);
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
      refusedTo(res, e);
    }
  }

  private vendorOf(req: Request): Promise<HostVendor | null> {
    return this.hostVendors.vendorOfHost(requestHost(req));
  }
}

function refusedTo(res: Response, e: unknown): void {
  if (!(e instanceof SsoRefusedError)) throw e;
  res.redirect(302, `/sign-in?sso_error=${e.reason}`);
}
