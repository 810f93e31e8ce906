import { Injectable, Logger } from '@nestjs/common';
import { Clock } from '@tcma/clock';
import { AppConfig } from '@tcma/config';
import { emailDateTime, localeOr, wordsIn } from '@tcma/locales';
import { NoticeMailer } from '@tcma/notices';
import { PartnerScope, SocialConnectionRow, SocialNetwork, VendorScope } from '@tcma/persistence';
import { UsersRepository } from '@tcma/tenancy';
import { SOCIAL_CONNECTION_NOTICE } from './social-connection-notice-words';
import { SocialConnectionsRepository } from './social-connections.repository';

/** The most users of one partner told about one connection. */
const MAX_RECIPIENTS = 50;

export const NETWORK_NAMES: Record<SocialNetwork, string> = { linkedin: 'LinkedIn', x: 'X', facebook: 'Facebook' };

/**
 * Tells a partner's users, once per trouble, that one of its social connections is broken,
 * about to expire, or disconnected with a post due on it, in each user's language, through the vendor's own notice
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
      for (const user of recipients) {
        const { subject, text } = this.wording(connection, network, page, user.locale);
        await this.notices.send(
          new VendorScope(connection.vendorId),
          { to: user.email, subject, text },
          { partnerId: connection.partnerId },
        );
      }
      return recipients.length;
    } catch (e) {
      this.logger.error(
        `Could not tell partner ${connection.partnerId} about social connection ${connection.id}: ${(e as Error).message}`,
      );
      await this.connections.releaseNotice(scope, connection.id);
      return 0;
    }
  }

  /** The notice of the connection's trouble in the reader's language, its dates in UTC, named. */
  private wording(
    connection: SocialConnectionRow,
    network: string,
    page: string,
    locale: string | null,
  ): { subject: string; text: string } {
    const reader = localeOr(locale);
    const at = connection.status === 'revoked' ? connection.revokedAt : connection.expiresAt;
    const words = wordsIn(SOCIAL_CONNECTION_NOTICE, reader, {
      network,
      account: connection.accountName,
      page,
      when: at ? emailDateTime(reader, new Date(at)) : null,
      lastError: connection.lastError,
    });
    if (connection.status === 'broken') return words.broken;
    if (connection.status === 'revoked') return words.revoked;
    return words.expiring;
  }
}
