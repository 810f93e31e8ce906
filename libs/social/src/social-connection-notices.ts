import { Injectable, Logger } from '@nestjs/common';
import { Clock } from '@tcma/clock';
import { AppConfig } from '@tcma/config';
import { NoticeMailer } from '@tcma/notices';
import { PartnerScope, SocialConnectionRow, SocialNetwork, VendorScope } from '@tcma/persistence';
import { UsersRepository } from '@tcma/tenancy';
import { SocialConnectionsRepository } from './social-connections.repository';

/** The most users of one partner told about one connection. */
const MAX_RECIPIENTS = 50;

export const NETWORK_NAMES: Record<SocialNetwork, string> = { linkedin: 'LinkedIn', x: 'X', facebook: 'Facebook' };

/**
 * Tells a partner's users, once per trouble, that one of its social connections is broken,
 * about to expire, or disconnected with a post due on it, through the vendor's own notice
 * delivery. The claim (notified_at) is taken before sending, so two sweepers never both send; a notice that cannot be sent gives the claim
 * back and is tried again by the next sweep.
 */
@Injectable()
export class SocialConnectionNotices {
  private readonly logger = new Logger(SocialConnectionNotices.name);

  constructor(
    private readonly connections: SocialConnectionsRepository,
    private readonly users: UsersRepository,
    private readonly notices: NoticeMailer,
    private readonly config: AppConfig,
    private readonly clock: Clock,
  ) {}

  /** Sends the notice of the connection's current trouble unless it was sent; the number of users told. */
  async tell(connection: SocialConnectionRow): Promise<number> {
    const scope = new PartnerScope(connection.vendorId, connection.partnerId);
    if (!(await this.connections.claimNotice(scope, connection.id, this.clock.now()))) return 0;
    try {
      const { items } = await this.users.list(scope, {
        partnerId: connection.partnerId,
        limit: MAX_RECIPIENTS,
        offset: 0,
      });
      const recipients = items.filter((u) => u.disabledAt === null);
      const network = NETWORK_NAMES[connection.network];
      const page = `${this.config.publicBaseUrl}/portal/social`;
      const { subject, text } = this.wording(connection, network, page);
      for (const user of recipients)
        await this.notices.send(
          new VendorScope(connection.vendorId),
          { to: user.email, subject, text },
          { partnerId: connection.partnerId },
        );
      return recipients.length;
    } catch (e) {
      this.logger.error(
        `Could not tell partner ${connection.partnerId} about social connection ${connection.id}: ${(e as Error).message}`,
      );
      await this.connections.releaseNotice(scope, connection.id);
      return 0;
    }
  }

  private wording(connection: SocialConnectionRow, network: string, page: string): { subject: string; text: string } {
    if (connection.status === 'broken') {
      return {
        subject: `Your ${network} connection stopped working: posts to ${connection.accountName} are on hold`,
        text: `${network} refused the engine's access to ${connection.accountName}.\n\n${connection.lastError ?? ''}\n\nScheduled posts to this account wait and are not published until you connect it again: ${page}\n`,
      };
    }
    if (connection.status === 'revoked') {
      const when = connection.revokedAt ? new Date(connection.revokedAt).toUTCString() : 'earlier';
      return {
        subject: `A post to ${connection.accountName} on ${network} failed: the account is disconnected`,
        text: `${connection.accountName} on ${network} was disconnected on ${when}, and a post was due on it. Posts to this account fail until you connect it again: ${page}\n`,
      };
    }
    const when = connection.expiresAt ? new Date(connection.expiresAt).toUTCString() : 'soon';
    return {
      subject: `Your ${network} connection expires soon: connect ${connection.accountName} again`,
      text: `The engine's access to ${connection.accountName} on ${network} ends on ${when} and ${network} does not let it be renewed without you.\n\nConnect the account again before then so scheduled posts are published: ${page}\n`,
    };
  }
}
