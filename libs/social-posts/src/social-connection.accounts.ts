import { Injectable } from '@nestjs/common';
import { Clock } from '@tcma/clock';
import type { PartnerScope, SocialConnectionRow, SocialNetwork } from '@tcma/persistence';
import { Signer } from '@tcma/signing';
import {
  connectionWorks,
  defaultConnections,
  NETWORK_NAMES,
  SocialConnectionsRepository,
  SocialConnectionsService,
} from '@tcma/social';
import { ChoosableAccount, PostingAccount, PostingAccounts } from './posting-accounts';

/** The most connections of one partner read (a partner has a handful: one or a few per network). */
const MAX_CONNECTIONS = 200;

/**
 * PostingAccounts over libs/social's connections: the connection the post chose, else a working
 * connection of the network (the most recently connected first), its access token unsealed;
 * markBroken is the connections' own, which tells the partner's users.
 */
@Injectable()
export class SocialConnectionAccounts extends PostingAccounts {
  constructor(
    private readonly connections: SocialConnectionsRepository,
    private readonly service: SocialConnectionsService,
    private readonly signer: Signer,
    private readonly clock: Clock,
  ) {
    super();
  }

  async connectedNetworks(scope: PartnerScope): Promise<SocialNetwork[]> {
    return [...defaultConnections(await this.all(scope), this.clock.now()).keys()];
  }

  async forPosting(
    scope: PartnerScope,
    network: SocialNetwork,
    connectionId: string | null,
  ): Promise<PostingAccount | null> {
    const connection =
      connectionId === null
        ? defaultConnections(await this.all(scope), this.clock.now()).get(network)
        : await this.connections.find(scope, connectionId);
    // A chosen account is used only while it works and is on the network: never another in its place.
    return connection?.accessTokenSealed && connection.network === network && this.works(connection)
      ? {
          connectionId: connection.id,
          accessToken: this.signer.unseal(connection.accessTokenSealed),
          accountId: connection.accountId,
        }
      : null;
  }

  async find(scope: PartnerScope, connectionId: string): Promise<ChoosableAccount | null> {
    const row = await this.connections.find(scope, connectionId);
    return row
      ? {
          connectionId: row.id,
          network: row.network,
          accountName: row.accountName,
          usable: this.works(row),
          status: row.status,
        }
      : null;
  }

  async unavailableReason(scope: PartnerScope, network: SocialNetwork, connectionId: string | null): Promise<string> {
    const name = NETWORK_NAMES[network];
    if (connectionId !== null) {
      const chosen = await this.connections.find(scope, connectionId);
      if (!chosen) return `the ${name} account chosen for this post was removed; choose another account and post again`;
      if (chosen.status === 'revoked') return this.service.tellRevoked(chosen);
      return `the ${name} account ${chosen.accountName} chosen for this post does not work (${chosen.status === 'broken' ? 'the network refused its access' : 'its access expired'}); connect it again to publish`;
    }
    const { items } = await this.connections.list(scope, { limit: MAX_CONNECTIONS, offset: 0 });
    const revoked = items.filter((c) => c.network === network && c.status === 'revoked').at(-1);
    return revoked ? this.service.tellRevoked(revoked) : `no connected ${network} account`;
  }

  async markBroken(scope: PartnerScope, connectionId: string, reason: string): Promise<void> {
    await this.service.markBroken(scope, connectionId, reason);
  }

  private works(c: SocialConnectionRow): boolean {
    return connectionWorks(c, this.clock.now());
  }

  /** The partner's connections in the order they were connected. */
  private async all(scope: PartnerScope): Promise<SocialConnectionRow[]> {
    return (await this.connections.list(scope, { limit: MAX_CONNECTIONS, offset: 0 })).items;
  }
}
