import { Body, Controller, Delete, Get, HttpCode, HttpStatus, Param, Post, Query, Req, Res } from '@nestjs/common';
import {
  ApiAcceptedResponse,
  ApiCookieAuth,
  ApiNoContentResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
} from '@nestjs/swagger';
import { InvitationsService, PasswordResetsService, SessionsService } from '@tcma/accounts';
import { CurrentActor, OptionalActor, OptionalAuth, Public, requestHost, SessionCookie } from '@tcma/auth';
import { ForbiddenError, TooManyRequestsError, UnauthenticatedError } from '@tcma/errors';
import { Actor, UsersService } from '@tcma/tenancy';
import { HostVendors, type HostVendor } from '@tcma/vendor-hosts';
import type { Request, Response } from 'express';
import { PageDto, Page, pageOf } from '../common/page.dto';
import { PageQuery } from '../common/page.query';
import { ParseIdPipe } from '../common/parse-id.pipe';
import {
  AcceptedInvitationDto,
  AcceptInvitationDto,
  AccountEmailDto,
  CurrentSessionDto,
  InvitationPreviewDto,
  InvitationTokenDto,
  RequestPasswordResetDto,
  ResetPasswordDto,
  SessionDto,
  SessionUserDto,
  SignedInDto,
  SignedOutEverywhereDto,
  SignInDto,
} from './auth.dto';
import { StrictRateLimit } from '../rate-limits/rate-limits';
import { sessionCapabilities } from './session-capabilities';

/**
 * Signing in from a browser: sessions in an httpOnly cookie, invitations, password resets. On
 * a vendor's own verified host name only that vendor's users sign in or get a reset link; the
 * generic host (PUBLIC_BASE_URL's, or any host nobody verified) serves every vendor.
 */
@ApiTags('sign-in')
@ApiCookieAuth()
@Controller('auth')
export class AuthController {
  constructor(
    private readonly sessions: SessionsService,
    private readonly invitations: InvitationsService,
    private readonly resets: PasswordResetsService,
    private readonly users: UsersService,
    private readonly cookie: SessionCookie,
    private readonly hostVendors: HostVendors,
  ) {}

  @Public()
  @StrictRateLimit('sign-in')
  @Post('sign-in')
  @HttpCode(HttpStatus.OK)
  @ApiOperation({ operationId: 'signIn', summary: 'Sign in with email and password; sets the session cookie' })
  @ApiOkResponse({ type: SignedInDto })
  async signIn(
    @Body() dto: SignInDto,
    @Req() req: Request,
    @Res({ passthrough: true }) res: Response,
  ): Promise<SignedInDto> {
    const signedIn = await this.sessions.signIn(dto, {
      ipAddress: req.ip ?? null,
      userAgent: req.headers['user-agent'] ?? null,
      currentSecret: this.cookie.read(req),
      onlyVendorId: (await this.vendorOfHost(req))?.vendorId ?? null,
    });
    this.cookie.set(res, signedIn.secret, signedIn.session.expiresAt);
    return {
      user: SessionUserDto.from(signedIn.user),
      csrfToken: signedIn.csrfToken,
      expiresAt: signedIn.session.expiresAt,
    };
  }

  @OptionalAuth()
  @Get('session')
  @ApiOperation({
    operationId: 'getSession',
    summary: "Who is signed in (signedIn false without a credential), the CSRF token and the user's areas",
  })
  @ApiOkResponse({ type: CurrentSessionDto })
  async session(@OptionalActor() actor: Actor | undefined, @Req() req: Request): Promise<CurrentSessionDto> {
    const hostVendor = await this.vendorOfHost(req);
    const vendor = hostVendor ? { slug: hostVendor.slug } : null;
    if (!actor) {
      return {
        signedIn: false,
        user: null,
        csrfToken: null,
        actingForPartnerId: null,
        capabilities: sessionCapabilities(null, false),
        vendor,
      };
    }
    const user = await this.users.own(actor);
    return {
      signedIn: true,
      user: SessionUserDto.from(user),
      csrfToken: actor.sessionId ? this.sessions.csrfTokenFor(actor.sessionId) : null,
      actingForPartnerId: actor.concierge ? actor.partnerId : null,
      capabilities: sessionCapabilities(user, !!actor.concierge),
      vendor,
    };
  }

  @Post('sign-out')
  @HttpCode(HttpStatus.NO_CONTENT)
  @ApiOperation({ operationId: 'signOut', summary: 'End this session and clear its cookie' })
  @ApiNoContentResponse()
  async signOut(@Req() req: Request, @Res({ passthrough: true }) res: Response): Promise<void> {
    await this.sessions.signOut(this.cookie.read(req));
    this.cookie.clear(res);
  }

  @Post('sign-out-everywhere')
  @HttpCode(HttpStatus.OK)
  @ApiOperation({
    operationId: 'signOutEverywhere',
    summary: 'End every session of the signed-in user, on every device',
  })
  @ApiOkResponse({ type: SignedOutEverywhereDto })
  async signOutEverywhere(
    @CurrentActor() actor: Actor,
    @Res({ passthrough: true }) res: Response,
  ): Promise<SignedOutEverywhereDto> {
    const ended = await this.sessions.signOutEverywhere(actor);
    this.cookie.clear(res);
    return { ended };
  }

  @Get('sessions')
  @ApiOperation({ operationId: 'listSessions', summary: "The signed-in user's sessions still in force" })
  @ApiOkResponse({ type: PageDto(SessionDto) })
  async listSessions(@CurrentActor() actor: Actor, @Query() query: PageQuery): Promise<Page<SessionDto>> {
    return pageOf(await this.sessions.list(actor, query), query, (s) => SessionDto.from(s, actor.sessionId));
  }

  @Delete('sessions/:id')
  @HttpCode(HttpStatus.NO_CONTENT)
  @ApiOperation({ operationId: 'revokeSession', summary: 'End one of your sessions' })
  @ApiNoContentResponse()
  async revokeSession(@CurrentActor() actor: Actor, @Param('id', ParseIdPipe) id: string): Promise<void> {
    await this.sessions.revoke(actor, id);
  }

  @Public()
  @StrictRateLimit('sign-in')
  @Post('password-reset-requests')
  @HttpCode(HttpStatus.ACCEPTED)
  @ApiOperation({
    operationId: 'requestPasswordReset',
    summary: 'Email a password-reset link (the answer is the same whether the account exists or not)',
  })
  @ApiAcceptedResponse()
  async requestReset(@Body() dto: RequestPasswordResetDto, @Req() req: Request): Promise<void> {
    await this.resets.request(dto.email, (await this.vendorOfHost(req))?.vendorId ?? null);
  }

  @Public()
  @StrictRateLimit('sign-in')
  @Post('password-resets')
  @HttpCode(HttpStatus.OK)
  @ApiOperation({
    operationId: 'resetPassword',
    summary: "Set a new password with an emailed link's token; ends every session of the user",
  })
  @ApiOkResponse({ type: AccountEmailDto })
  resetPassword(@Body() dto: ResetPasswordDto): Promise<AccountEmailDto> {
    return this.resets.reset(dto.token, dto.password);
  }

  @Public()
  @StrictRateLimit('sign-in')
  @Post('invitations/preview')
  @HttpCode(HttpStatus.OK)
  @ApiOperation({
    operationId: 'previewInvitation',
    summary: 'What an invitation link is for (410 when used, withdrawn or expired)',
  })
  @ApiOkResponse({ type: InvitationPreviewDto })
  async previewInvitation(@Body() dto: InvitationTokenDto): Promise<InvitationPreviewDto> {
    return InvitationPreviewDto.from(await this.invitations.preview(dto.token));
  }

  @Public()
  @StrictRateLimit('sign-in')
  @Post('invitations/accept')
  @HttpCode(HttpStatus.OK)
  @ApiOperation({
    operationId: 'acceptInvitation',
    summary: 'Accept an invitation: choose a name and password (the link works once), and be signed in',
  })
  @ApiOkResponse({ type: AcceptedInvitationDto })
  async acceptInvitation(
    @Body() dto: AcceptInvitationDto,
    @Req() req: Request,
    @Res({ passthrough: true }) res: Response,
  ): Promise<AcceptedInvitationDto> {
    const account = await this.invitations.accept(dto);
    // The invitee has just proven the link and chosen the password: asking for both again on the
    // sign-in page only costs them a page. Signed in as a sign-in would (the host's vendor only).
    try {
      const signedIn = await this.sessions.signIn(
        { email: account.email, password: dto.password },
        {
          ipAddress: req.ip ?? null,
          userAgent: req.headers['user-agent'] ?? null,
          currentSecret: this.cookie.read(req),
          onlyVendorId: (await this.vendorOfHost(req))?.vendorId ?? null,
        },
      );
      this.cookie.set(res, signedIn.secret, signedIn.session.expiresAt);
      return { email: account.email, signedIn: true, csrfToken: signedIn.csrfToken };
    } catch (e) {
      // Another vendor's host, this address throttled for failed sign-ins, or a vendor that
      // requires single sign-on: the account is made, and its own sign-in page signs it in.
      if (!(e instanceof UnauthenticatedError || e instanceof TooManyRequestsError || e instanceof ForbiddenError))
        throw e;
      return { email: account.email, signedIn: false, csrfToken: null };
    }
  }

  /** The vendor whose own verified host name the request came to; null on the generic host. */
  private vendorOfHost(req: Request): Promise<HostVendor | null> {
    return this.hostVendors.vendorOfHost(requestHost(req));
  }
}
