import { Injectable, Logger } from '@nestjs/common';
import { Clock } from '@tcma/clock';
import { AppConfig } from '@tcma/config';
import { ForbiddenError, InvalidError, NotFoundError } from '@tcma/errors';
import { Found, PageWindow, PartnerScope, SOCIAL_NETWORKS, SocialConnectionRow, SocialNetwork, TenantScope } from '@tcma/persistence';
import { Signer } from '@tcma/signing';
import { Actor, scopeOf } from '@tcma/tenancy';
import { createHash, randomBytes } from 'node:crypto';
import { codeChallengeOf, newCodeVerifier } from './pkce';
import { SocialConnectionNotices } from './social-connection-notices';
import { SocialConnectionsRepository } from './social-connections.repository';
import { SocialError } from './social-network';
import { SocialNetworks } from './social-networks';

/** An authorization must come back within this long (the state and the PKCE verifier expire). */
export const SOCIAL_AUTHORIZATION_TTL_MS = 10 * 60_000;

const hashOf = (state: string) => createHash('sha256').update(state).digest('base64url');

/** Where the network's redirect comes back to the engine: GET /social/callback/{network}. */
export const callbackPath = (network: SocialNetwork) => `/social/callback/${network}`;

/**
 * Connecting a partner's social accounts: the authorization is started by a partner user (or a
 * vendor user acting for the partner), its state and PKCE verifier kept server side, single
 * use, for 10 minutes; the network's redirect exchanges the code and stores the account with
 * its tokens sealed. `markBroken` is what publishing calls when a network answers 401.
 */
@Injectable()
export class SocialConnectionsService {
  private readonly logger = new Logger(SocialConnectionsService.name);

  constructor(
    private readonly connections: SocialConnectionsRepository,
    private readonly networks: SocialNetworks,
    private readonly notices: SocialConnectionNotices,
    private readonly signer: Signer,
    private readonly config: AppConfig,
    private readonly clock: Clock,
  ) {}

  async start(actor: Actor, network: string): Promise<{ authorizationUrl: string }> {
    const scope = scopeOf(actor);
    if (scope.partnerId === null) throw new ForbiddenError('Connect social accounts as a partner user (vendor users: act for the partner)');
    if (!(SOCIAL_NETWORKS as readonly string[]).includes(network)) throw new NotFoundError('Social network');
    const adapter = this.networks.get(network as SocialNetwork);
    if (!adapter.configured) throw new InvalidError('This network is not set up on this installation', [{ path: 'network', message: `${network} has no client id and secret (${network.toUpperCase()}_CLIENT_ID, ${network.toUpperCase()}_CLIENT_SECRET)` }]);
    const state = randomBytes(32).toString('base64url');
    const verifier = newCodeVerifier();
    await this.connections.createAuthorization(scope, {
      stateHash: hashOf(state),
      network: adapter.network,
      codeVerifierSealed: this.signer.seal(verifier),
      userId: actor.concierge ? null : actor.userId,
      expiresAt: new Date(this.clock.now().getTime() + SOCIAL_AUTHORIZATION_TTL_MS),
    });
    return { authorizationUrl: adapter.authorizationUrl({ state, codeChallenge: codeChallengeOf(verifier), redirectUri: this.redirectUri(adapter.network) }) };
  }

  /**
   * The network's redirect back (no credential: the state is the proof). Returns where to send
   * the browser: the portal's social page, with `connected` or `error` in its query.
   */
  async callback(network: string, query: { code?: string; state?: string; error?: string }): Promise<string> {
    const back = (params: Record<string, string>) => `${this.config.publicBaseUrl}/portal/social?${new URLSearchParams(params).toString()}`;
    if (!(SOCIAL_NETWORKS as readonly string[]).includes(network)) return back({ error: 'unknown_network' });
    const taken = typeof query.state === 'string' && query.state.length <= 200 ? await this.connections.takeAuthorizationForSystem(hashOf(query.state)) : null;
    // Unknown, used already, expired, or started for another network: nothing is exchanged.
    if (!taken || taken.network !== network || taken.expiresAt.getTime() <= this.clock.now().getTime()) return back({ error: 'invalid_state', network });
    if (query.error || typeof query.code !== 'string' || !query.code) return back({ error: 'denied', network });
    const adapter = this.networks.get(taken.network);
    const scope = new PartnerScope(taken.vendorId, taken.partnerId);
    try {
      const grants = await adapter.exchangeCode({ code: query.code, codeVerifier: this.signer.unseal(taken.codeVerifierSealed), redirectUri: this.redirectUri(taken.network) });
      for (const grant of grants) {
        await this.connections.upsert(scope, {
          network: taken.network,
          accountId: grant.accountId,
          accountName: grant.accountName.slice(0, 300),
          connectedBy: taken.userId,
          accessTokenSealed: this.signer.seal(grant.accessToken),
          refreshTokenSealed: grant.refreshToken ? this.signer.seal(grant.refreshToken) : null,
          expiresAt: grant.expiresAt,
          refreshExpiresAt: grant.refreshExpiresAt,
        }, this.clock.now());
      }
      return back({ connected: network });
    } catch (e) {
      if (!(e instanceof SocialError)) throw e;
      this.logger.warn(`Connecting ${network} for partner ${taken.partnerId} failed: ${e.message}`);
      return back({ error: 'exchange_failed', network });
    }
  }

  list(actor: Actor, page: PageWindow): Promise<Found<SocialConnectionRow>> {
    return this.connections.list(scopeOf(actor), page);
  }

  /** Forgets the connection and its tokens (the grant itself is revoked in the network's own settings). */
  async remove(actor: Actor, id: string): Promise<void> {
    if (!(await this.connections.delete(scopeOf(actor), id))) throw new NotFoundError('Social connection');
  }

  /**
   * The network refused the connection's token (a 401 while publishing, a refused refresh): it
   * is broken until the partner connects again, and the partner's users are told once.
   */
  async markBroken(scope: TenantScope, connectionId: string, reason: string): Promise<SocialConnectionRow | null> {
    const row = await this.connections.setTrouble(scope, connectionId, 'broken', reason, this.clock.now());
    if (row) await this.notices.tell(row);
    return row;
  }

  private redirectUri(network: SocialNetwork): string {
    return `${this.config.publicBaseUrl}${callbackPath(network)}`;
  }
}
