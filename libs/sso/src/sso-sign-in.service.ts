import { Injectable, Logger } from '@nestjs/common';
import { Clock } from '@tcma/clock';
import { SsoConnectionRow, UserRow, VendorScope } from '@tcma/persistence';
import { Signer } from '@tcma/signing';
import { generators } from 'openid-client';
import { OidcClients } from './oidc-clients';
import { SsoAccountsRepository } from './sso-accounts.repository';
import { readClaims, safeReturnPath, SignInClaims, SsoRefusedError } from './sso-claims';
import { SsoConnectionsRepository } from './sso-connections.repository';
import { openState, sealState, SSO_STATE_TTL_MS } from './sso-state';

/** The scopes asked for: the ID token's subject, the email and the name. */
export const SSO_SCOPES = 'openid email profile';

export interface SsoStart {
  /** Where the browser goes next: the provider's authorization endpoint. */
  authorizationUrl: string;
  /** The sealed state for the browser's cookie until the provider answers. */
  stateCookie: string;
}

export interface SsoFinish {
  user: UserRow;
  returnTo: string;
}

/**
 * Signing in through a vendor's OpenID Connect provider: the authorization code flow with
 * PKCE (S256), state and nonce, the ID token validated by openid-client (signature, issuer,
 * audience, expiry, nonce). A partner connection's token names the partner by its external id;
 * a user not yet known is provisioned into it. Every refusal is logged with its reason.
 */
@Injectable()
export class SsoSignInService {
  private readonly logger = new Logger(SsoSignInService.name);

  constructor(
    private readonly connections: SsoConnectionsRepository,
    private readonly accounts: SsoAccountsRepository,
    private readonly clients: OidcClients,
    private readonly signer: Signer,
    private readonly clock: Clock,
  ) {}

  /** The enabled connections of the vendor a sign-in page names by slug: its "Sign in with …" buttons. */
  buttons(vendorSlug: string): Promise<Array<{ id: string; name: string }>> {
    return this.connections.enabledBySlugForSystem(vendorSlug);
  }

  /** `onlyVendorId`: the vendor whose own host name the request came to (null on the generic host). */
  async start(
    connectionId: string,
    returnTo: unknown,
    redirectUri: string,
    onlyVendorId: string | null,
  ): Promise<SsoStart> {
    const connection = await this.usable(connectionId, onlyVendorId);
    const client = await this.clientFor(connection, redirectUri);
    const codeVerifier = generators.codeVerifier();
    const state = generators.state();
    const nonce = generators.nonce();
    const authorizationUrl = client.authorizationUrl({
      scope: SSO_SCOPES,
      redirect_uri: redirectUri,
      code_challenge: generators.codeChallenge(codeVerifier),
      code_challenge_method: 'S256',
      state,
      nonce,
    });
    const expiresAt = this.clock.now().getTime() + SSO_STATE_TTL_MS;
    const stateCookie = sealState(this.signer, {
      connectionId: connection.id,
      state,
      nonce,
      codeVerifier,
      returnTo: safeReturnPath(returnTo),
      expiresAt,
    });
    return { authorizationUrl, stateCookie };
  }

  /** The provider's answer (the callback's query) checked, its user found or provisioned. */
  async finish(
    query: Record<string, unknown>,
    stateCookie: string | undefined,
    redirectUri: string,
    onlyVendorId: string | null,
  ): Promise<SsoFinish> {
    const kept = openState(this.signer, stateCookie, this.clock.now());
    if (!kept) throw this.refused(null, new SsoRefusedError('expired', 'no state cookie, a tampered one, or expired'));
    const connection = await this.usable(kept.connectionId, onlyVendorId);
    try {
      const client = await this.clientFor(connection, redirectUri);
      let claims: Record<string, unknown>;
      try {
        const params = client.callbackParams(`${redirectUri}?${new URLSearchParams(stringsOf(query)).toString()}`);
        const tokens = await client.callback(redirectUri, params, {
          state: kept.state,
          nonce: kept.nonce,
          code_verifier: kept.codeVerifier,
          response_type: 'code',
        });
        claims = { ...tokens.claims() };
        // Providers that keep claims out of the ID token (by default, all but the subject) give
        // them at the user info endpoint; the ID token's own win.
        const wanted = ['email', connection.partnerClaim, connection.roleClaim].filter((c): c is string => !!c);
        if (wanted.some((c) => claims[c] === undefined) && tokens.access_token)
          claims = { ...(await client.userinfo(tokens)), ...claims };
      } catch (e) {
        if (e instanceof SsoRefusedError) throw e;
        const reason = /state mismatch/i.test((e as Error).message) ? 'expired' : 'provider';
        throw new SsoRefusedError(reason, (e as Error).message);
      }
      const read = readClaims(claims, connection);
      const user = await this.account(new VendorScope(connection.vendorId), read);
      this.logger.log(
        `Single sign-on: user ${user.id} through connection ${connection.id} (subject ${String(claims.sub)})`,
      );
      return { user, returnTo: kept.returnTo };
    } catch (e) {
      throw this.refused(connection.id, e);
    }
  }

  private async usable(connectionId: string, onlyVendorId: string | null): Promise<SsoConnectionRow> {
    const connection = /^[0-9a-f-]{36}$/i.test(connectionId)
      ? await this.connections.findEnabledForSystem(connectionId)
      : null;
    if (!connection || (onlyVendorId !== null && connection.vendorId !== onlyVendorId))
      throw this.refused(connectionId, new SsoRefusedError('connection', 'unknown, off, or another vendor’s'));
    return connection;
  }

  private async clientFor(connection: SsoConnectionRow, redirectUri: string) {
    try {
      return await this.clients.client(
        {
          issuer: connection.issuer,
          clientId: connection.clientId,
          clientSecret: this.signer.unseal(connection.clientSecretSealed),
        },
        redirectUri,
      );
    } catch (e) {
      throw new SsoRefusedError('provider', `discovery: ${(e as Error).message}`);
    }
  }

  /**
   * The user the claims name in the connection's vendor: found by email, of the connection's
   * kind (and partner) only, or provisioned. Existing users keep their role.
   */
  private async account(scope: VendorScope, claims: SignInClaims): Promise<UserRow> {
    let partnerId: string | null = null;
    if (claims.partnerExternalId !== null) {
      const partner = await this.accounts.partnerByExternalId(scope, claims.partnerExternalId);
      if (!partner) throw new SsoRefusedError('partner', `no partner with external id ${claims.partnerExternalId}`);
      if (partner.status !== 'active')
        throw new SsoRefusedError('disabled', `partner ${partner.id} is ${partner.status}`);
      partnerId = partner.id;
    }
    const existing = await this.accounts.userByEmail(scope, claims.email);
    const user =
      existing ??
      (await this.accounts.provision(scope, { email: claims.email, name: claims.name, role: claims.role, partnerId }));
    if (user.partnerId !== partnerId)
      throw new SsoRefusedError(
        'account',
        `user ${user.id} belongs to ${user.partnerId ?? 'the vendor'}, not ${partnerId ?? 'the vendor'}`,
      );
    if (user.disabledAt !== null) throw new SsoRefusedError('disabled', `user ${user.id} is disabled`);
    return user;
  }

  private refused(connectionId: string | null, e: unknown): unknown {
    if (e instanceof SsoRefusedError)
      this.logger.warn(
        `Single sign-on refused (${e.reason}) through connection ${connectionId ?? 'unknown'}: ${e.detail}`,
      );
    return e;
  }
}

const stringsOf = (query: Record<string, unknown>): Record<string, string> =>
  Object.fromEntries(Object.entries(query).filter((e): e is [string, string] => typeof e[1] === 'string'));
