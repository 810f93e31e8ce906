import { Injectable } from '@nestjs/common';
import { Clock } from '@tcma/clock';
import type { PartnerScope, SocialConnectionRow, SocialNetwork } from '@tcma/persistence';
import { Signer } from '@tcma/signing';
import { SocialConnectionsRepository, SocialConnectionsService } from '@tcma/social';
import { PostingAccount, PostingAccounts } from './posting-accounts';

/** The most connections of one partner read (a partner has a handful: one or a few per network). */
const MAX_CONNECTIONS = 200;
/** Connections posts go out through: working ones (an expiring one still works until it expires). */
const USABLE = new Set<SocialConnectionRow['status']>(['active', 'expiring']);

/**
 * PostingAccounts over libs/social's connections: a working connection of the network (the most
 * recently connected first), its access token unsealed; markBroken is the connections' own, which
 * tells the partner's users.
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
    return [...new Set((await this.usable(scope)).map((c) => c.network))];
  }

  async forPosting(scope: PartnerScope, network: SocialNetwork): Promise<PostingAccount | null> {
    const connection = (await this.usable(scope)).filter((c) => c.network === network).at(-1);
    return connection?.accessTokenSealed
      ? {
          connectionId: connection.id,
          accessToken: this.signer.unseal(connection.accessTokenSealed),
          accountId: connection.accountId,
        }
      : null;
  }

  async unavailableReason(scope: PartnerScope, network: SocialNetwork): Promise<string> {
    const { items } = await this.connections.list(scope, { limit: MAX_CONNECTIONS, offset: 0 });
    const revoked = items.filter((c) => c.network === network && c.status === 'revoked').at(-1);
    return revoked ? this.service.tellRevoked(revoked) : `no connected ${network} account`;
  }

  async markBroken(scope: PartnerScope, connectionId: string, reason: string): Promise<void> {
    await this.service.markBroken(scope, connectionId, reason);
  }

  private async usable(scope: PartnerScope): Promise<SocialConnectionRow[]> {
    const now = this.clock.now().getTime();
    const { items } = await this.connections.list(scope, { limit: MAX_CONNECTIONS, offset: 0 });
    return items.filter((c) => USABLE.has(c.status) && (c.expiresAt === null || new Date(c.expiresAt).getTime() > now));
  }
}
