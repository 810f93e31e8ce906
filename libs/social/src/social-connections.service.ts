import { Injectable, Logger } from '@nestjs/common';
import { Clock } from '@tcma/clock';
import { AppConfig } from '@tcma/config';
import { ForbiddenError, InvalidError, NotFoundError } from '@tcma/errors';
import {
  Found,
  PageWindow,
  PartnerScope,
  SOCIAL_NETWORKS,
  SocialConnectionRow,
  SocialNetwork,
  TenantScope,
} from '@tcma/persistence';
import { Signer } from '@tcma/signing';
import { Actor, scopeOf } from '@tcma/tenancy';
import { createHash, randomBytes } from 'node:crypto';
import { codeChallengeOf, newCodeVerifier } from './pkce';
import { connectionWorks, defaultConnections } from './posting-defaults';
import { NETWORK_NAMES, SocialConnectionNotices } from './social-connection-notices';
import { SocialConnectionsRepository } from './social-connections.repository';
import { SocialError } from './social-network';
import { SocialNetworks } from './social-networks';

/** The most connections of one partner read at once (a partner has one or a few per network). */
const MAX_CONNECTIONS = 200;

/** A connection as posting sees it. */
export interface PostingState {
  /** Posts can go out through it now (active, or expiring and not yet expired). */
  usable: boolean;
  /** Its network's posts go out through it when no account was chosen (the working one connected most recently). */
  postsByDefault: boolean;
}

/**
 * What disconnecting did at the network: `revoked` (the network confirmed), `unsupported` (the
 * network offers no revocation for this token: Facebook page tokens), `shared` (another of the
 * partner's connections still uses the same grant: LinkedIn's member and organisation pages),
 * `failed` (the network refused or could not be reached), `removed` (a connection already
 * disconnected was taken off the list).
 */
export const SOCIAL_REVOCATIONS = ['revoked', 'unsupported', 'shared', 'failed', 'removed'] as const;
export type SocialRevocation = (typeof SOCIAL_REVOCATIONS)[number];

export interface Disconnected {
  /** The connection as it is now (revoked, tokens wiped); null once removed. */
  connection: SocialConnectionRow | null;
  revocation: SocialRevocation;
  /** The outcome in words, for the partner. */
  message: string;
}

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
    if (scope.partnerId === null)
      throw new ForbiddenError('Connect social accounts as a partner user (vendor users: act for the partner)');
    if (!(SOCIAL_NETWORKS as readonly string[]).includes(network)) throw new NotFoundError('Social network');
    const adapter = this.networks.get(network as SocialNetwork);
    if (!adapter.configured)
      throw new InvalidError('This network is not set up on this installation', [
        {
          path: 'network',
          message: `${network} has no client id and secret (${network.toUpperCase()}_CLIENT_ID, ${network.toUpperCase()}_CLIENT_SECRET)`,
        },
      ]);
    const state = randomBytes(32).toString('base64url');
    const verifier = newCodeVerifier();
    await this.connections.createAuthorization(scope, {
      stateHash: hashOf(state),
      network: adapter.network,
      codeVerifierSealed: this.signer.seal(verifier),
      userId: actor.concierge ? null : actor.userId,
      expiresAt: new Date(this.clock.now().getTime() + SOCIAL_AUTHORIZATION_TTL_MS),
    });
    return {
      authorizationUrl: adapter.authorizationUrl({
        state,
        codeChallenge: codeChallengeOf(verifier),
        redirectUri: this.redirectUri(adapter.network),
      }),
    };
  }

  /**
   * The network's redirect back (no credential: the state is the proof). Returns where to send
   * the browser: the portal's social page, with `connected` or `error` in its query.
   */
  async callback(network: string, query: { code?: string; state?: string; error?: string }): Promise<string> {
    const back = (params: Record<string, string>) =>
      `${this.config.publicBaseUrl}/portal/social?${new URLSearchParams(params).toString()}`;
    if (!(SOCIAL_NETWORKS as readonly string[]).includes(network)) return back({ error: 'unknown_network' });
    const taken =
      typeof query.state === 'string' && query.state.length <= 200
        ? await this.connections.takeAuthorizationForSystem(hashOf(query.state))
        : null;
    // Unknown, used already, expired, or started for another network: nothing is exchanged.
    if (!taken || taken.network !== network || taken.expiresAt.getTime() <= this.clock.now().getTime())
      return back({ error: 'invalid_state', network });
    if (query.error || typeof query.code !== 'string' || !query.code) return back({ error: 'denied', network });
    const adapter = this.networks.get(taken.network);
    const scope = new PartnerScope(taken.vendorId, taken.partnerId);
    try {
      const grants = await adapter.exchangeCode({
        code: query.code,
        codeVerifier: this.signer.unseal(taken.codeVerifierSealed),
        redirectUri: this.redirectUri(taken.network),
      });
      for (const grant of grants) {
        await this.connections.upsert(
          scope,
          {
            network: taken.network,
            accountId: grant.accountId,
            accountName: grant.accountName.slice(0, 300),
            connectedBy: taken.userId,
            accessTokenSealed: this.signer.seal(grant.accessToken),
            refreshTokenSealed: grant.refreshToken ? this.signer.seal(grant.refreshToken) : null,
            expiresAt: grant.expiresAt,
            refreshExpiresAt: grant.refreshExpiresAt,
          },
          this.clock.now(),
        );
      }
      return back({ connected: network });
    } catch (e) {
      if (!(e instanceof SocialError)) throw e;
      this.logger.warn(`Connecting ${network} for partner ${taken.partnerId} failed: ${e.message}`);
      return back({ error: 'exchange_failed', network });
    }
  }

  /**
   * A page of the partner's connections, each with whether posts can go out through it now and
   * whether it is its network's default (what a post or subscription that chose none uses).
   */
  async list(actor: Actor, page: PageWindow): Promise<Found<SocialConnectionRow & PostingState>> {
    const scope = scopeOf(actor);
    const found = await this.connections.list(scope, page);
    // The default is judged on all of them, whatever the page (a partner has a handful).
    const all =
      found.total > found.items.length
        ? (await this.connections.list(scope, { limit: MAX_CONNECTIONS, offset: 0 })).items
        : found.items;
    const now = this.clock.now();
    const defaults = new Set([...defaultConnections(all, now).values()].map((c) => c.id));
    return {
      ...found,
      items: found.items.map((c) => ({ ...c, usable: connectionWorks(c, now), postsByDefault: defaults.has(c.id) })),
    };
  }

  /**
   * Disconnects an account: it becomes `revoked` with its tokens wiped whatever the network
   * answers (a failed revocation never keeps it working here), then the grant is revoked at the
   * network unless another connection of the partner still uses it. A connection already
   * disconnected is removed from the list.
   */
  async disconnect(actor: Actor, id: string): Promise<Disconnected> {
    const scope = scopeOf(actor);
    const row = await this.connections.find(scope, id);
    if (!row) throw new NotFoundError('Social connection');
    const network = NETWORK_NAMES[row.network];
    if (row.status === 'revoked' || row.accessTokenSealed === null) {
      await this.connections.delete(scope, id);
      return {
        connection: null,
        revocation: 'removed',
        message: `${row.accountName} on ${network} was removed from the list.`,
      };
    }
    const tokens = {
      accessToken: this.signer.unseal(row.accessTokenSealed),
      refreshToken: row.refreshTokenSealed ? this.signer.unseal(row.refreshTokenSealed) : null,
    };
    const sharing = await this.sharingGrant(scope, row, tokens);
    const now = this.clock.now();
    // Wiped first: if the network never answers, nothing here can use the access any more.
    await this.connections.markRevoked(scope, id, `Disconnected on ${now.toISOString()}; revoking at ${network}`, now);
    let revocation: SocialRevocation;
    let message: string;
    if (sharing.length) {
      revocation = 'shared';
      message = `Disconnected. ${network} still grants the engine this access for ${sharing.map((c) => c.accountName).join(', ')}, connected with the same sign-in, so it was not revoked at ${network}; disconnecting the last of them revokes it.`;
    } else {
      try {
        const outcome = await this.networks.get(row.network).revoke(tokens);
        revocation = outcome;
        message =
          outcome === 'revoked'
            ? `Disconnected. ${network} confirmed the engine's access to ${row.accountName} is revoked.`
            : `Disconnected: the engine forgot its access to ${row.accountName}. ${network} does not let the engine revoke a page's access itself: remove the app in ${network}'s settings (Business Integrations) to revoke it there.`;
      } catch (e) {
        if (!(e instanceof SocialError)) throw e;
        this.logger.warn(`Revoking social connection ${id} at ${row.network} failed: ${e.message}`);
        revocation = 'failed';
        message = `Disconnected: the engine forgot its access to ${row.accountName}, but ${network} did not confirm the revocation (${e.message}). Remove the app in ${network}'s settings to be sure.`;
      }
    }
    const connection = await this.connections.noteRevocation(scope, id, message);
    return { connection, revocation, message };
  }

  /**
   * A disconnected connection a post was due on: the partner's users are told once (like a
   * broken one), and the delivery's failure reason is returned.
   */
  async tellRevoked(row: SocialConnectionRow): Promise<string> {
    if (row.status === 'revoked') await this.notices.tell(row);
    const when = row.revokedAt ? ` on ${new Date(row.revokedAt).toISOString().slice(0, 10)}` : '';
    return `the ${NETWORK_NAMES[row.network]} account ${row.accountName} was disconnected${when}; connect it again to publish`;
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

  /** The partner's other working connections of the network on the same grant (same access or refresh token). */
  private async sharingGrant(
    scope: TenantScope,
    row: SocialConnectionRow,
    tokens: { accessToken: string; refreshToken: string | null },
  ): Promise<SocialConnectionRow[]> {
    const { items } = await this.connections.list(scope, { limit: 200, offset: 0 });
    const same = (sealed: string | null, token: string | null) =>
      sealed !== null && token !== null && this.signer.unseal(sealed) === token;
    return items.filter(
      (c) =>
        c.id !== row.id &&
        c.partnerId === row.partnerId &&
        c.network === row.network &&
        c.status !== 'revoked' &&
        (same(c.accessTokenSealed, tokens.accessToken) || same(c.refreshTokenSealed, tokens.refreshToken)),
    );
  }

  private redirectUri(network: SocialNetwork): string {
    return `${this.config.publicBaseUrl}${callbackPath(network)}`;
  }
}
