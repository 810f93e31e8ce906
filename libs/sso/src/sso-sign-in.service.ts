import { Injectable, Logger } from '@nestjs/common';
import { Clock } from '@tcma/clock';
import { SsoConnectionRow, SsoProtocol, UserRow } from '@tcma/persistence';
import { Signer } from '@tcma/signing';
import { generators } from 'openid-client';
import { normalizeEmailAddress } from '@tcma/email-address';
import { EmailDomainsRepository } from './email-domains.repository';
import { OidcClients } from './oidc-clients';
import { readClaims, safeReturnPath, SsoRefusedError } from './sso-claims';
import { SsoConnectionsRepository } from './sso-connections.repository';
import { SsoProvisioning } from './sso-provisioning.service';
import { openState, sealState, SSO_STATE_TTL_MS } from './sso-state';
import type { SsoTestResult } from './sso-test';

/** The most connections an email's domain offers at sign-in (a company partnering several vendors of one installation). */
export const SSO_DISCOVERY_MAX = 10;

/** The scopes asked for: the ID token's subject, the email and the name. */
export const SSO_SCOPES = 'openid email profile';

export interface SsoStart {
  /** Where the browser goes next: the provider's authorization endpoint. */
  authorizationUrl: string;
  /** The sealed state for the browser's cookie until the provider answers. */
  stateCookie: string;
}

/**
 * A sign-in's end: the user signed in, or (a test sign-in) what the provider said, for the admin
 * who ran it (a partner's admin, for a partner's own connection: its page is in the portal).
 */
export type SsoFinish =
  | { kind: 'signed-in'; user: UserRow; returnTo: string }
  | { kind: 'tested'; result: SsoTestResult; testerId: string; ownedByPartner: boolean };

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
    private readonly emailDomains: EmailDomainsRepository,
    private readonly provisioning: SsoProvisioning,
    private readonly clients: OidcClients,
    private readonly signer: Signer,
    private readonly clock: Clock,
  ) {}

  /** The enabled connections of the vendor a sign-in page names by slug: its "Sign in with …" buttons. */
  buttons(vendorSlug: string): Promise<Array<{ id: string; name: string; protocol: SsoProtocol }>> {
    return this.connections.enabledBySlugForSystem(vendorSlug);
  }

  /**
   * The connections an email's domain selects (the sign-in page asks once an address is typed):
   * a partner's own for a domain it has proven, the vendor's for its users for the vendor's. Within
   * the host's vendor or the page's `?vendor=`, else across vendors. Nothing is said about the
   * address itself: whether it has an account, here or anywhere.
   */
  async discover(
    email: unknown,
    vendor: { id: string } | { slug: string } | null,
  ): Promise<Array<{ id: string; name: string; protocol: SsoProtocol }>> {
    const address = normalizeEmailAddress(email);
    if (!address.ok) return [];
    const domain = address.value.slice(address.value.lastIndexOf('@') + 1);
    return this.emailDomains.connectionsForDomainForSystem(domain, vendor, SSO_DISCOVERY_MAX);
  }

  /** `onlyVendorId`: the vendor whose own host name the request came to (null on the generic host). */
  async start(
    connectionId: string,
    returnTo: unknown,
    redirectUri: string,
    onlyVendorId: string | null,
    testTicket?: unknown,
  ): Promise<SsoStart> {
    const connection = await this.provisioning.usable(connectionId, 'oidc', onlyVendorId);
    const test = await this.provisioning.testTicket(connection.id, testTicket);
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
      ...(test ? { testerId: test.userId } : {}),
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
    if (!kept)
      throw await this.provisioning.refused(
        null,
        new SsoRefusedError('expired', 'no state cookie, a tampered one, or expired'),
      );
    const connection = await this.provisioning.usable(kept.connectionId, 'oidc', onlyVendorId);
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
      if (kept.testerId)
        return {
          kind: 'tested',
          result: await this.provisioning.test(connection, claims, this.clock.now()),
          testerId: kept.testerId,
          ownedByPartner: connection.partnerId !== null,
        };
      const read = readClaims(claims, connection);
      const user = await this.provisioning.account(connection, read);
      this.logger.log(
        `Single sign-on: user ${user.id} through connection ${connection.id} (subject ${String(claims.sub)})`,
      );
      return { kind: 'signed-in', user, returnTo: kept.returnTo };
    } catch (e) {
      throw await this.provisioning.refused(connection.id, e);
    }
  }

  private async clientFor(connection: SsoConnectionRow, redirectUri: string) {
    try {
      return await this.clients.client(
        {
          // An OpenID connection always has them (the service writes them together).
          issuer: connection.issuer!,
          clientId: connection.clientId!,
          clientSecret: this.signer.unseal(connection.clientSecretSealed!),
        },
        redirectUri,
      );
    } catch (e) {
      throw new SsoRefusedError('provider', `discovery: ${(e as Error).message}`);
    }
  }
}

const stringsOf = (query: Record<string, unknown>): Record<string, string> =>
  Object.fromEntries(Object.entries(query).filter((e): e is [string, string] => typeof e[1] === 'string'));
