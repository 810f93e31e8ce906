import { Injectable, Logger } from '@nestjs/common';
import { AppConfig } from '@tcma/config';
import { Clock } from '@tcma/clock';
import { localeOr, wordsIn } from '@tcma/locales';
import { NoticeMailer } from '@tcma/notices';
import { CrmConnectionRow, CrmProvider, PartnerScope, VendorScope } from '@tcma/persistence';
import { UsersRepository } from '@tcma/tenancy';
import { CrmConnectionsRepository } from './crm-connections.repository';
import { CRM_CONNECTION_NOTICE } from './crm-notice-words';

/** The most users told about one connection. */
const MAX_RECIPIENTS = 50;

export const CRM_NAMES: Record<CrmProvider, string> = { hubspot: 'HubSpot', salesforce: 'Salesforce' };

/**
 * Tells a connection's owner, once per trouble, that it broke: the partner's users for a
 * partner's CRM, the vendor's admins for the vendor's own. The claim (notified_at) is taken before
 * sending; a notice that cannot be sent gives it back for the next sweep.
 */
@Injectable()
export class CrmNotices {
  private readonly logger = new Logger(CrmNotices.name);

  constructor(
    private readonly connections: CrmConnectionsRepository,
    private readonly users: UsersRepository,
    private readonly notices: NoticeMailer,
    private readonly config: AppConfig,
    private readonly clock: Clock,
  ) {}

  async tell(connection: CrmConnectionRow): Promise<number> {
    if (!(await this.connections.claimNoticeForSystem(connection.id, this.clock.now()))) return 0;
    try {
      const scope =
        connection.partnerId === null
          ? new VendorScope(connection.vendorId)
          : new PartnerScope(connection.vendorId, connection.partnerId);
      const { items } = await this.users.list(scope, {
        partnerId: connection.partnerId,
        ...(connection.partnerId === null ? { role: 'vendor_admin' as const } : {}),
        limit: MAX_RECIPIENTS,
        offset: 0,
      });
      const recipients = items.filter((u) => u.disabledAt === null);
      const page = `${this.config.publicBaseUrl}${connection.partnerId ? '/portal/crm' : '/console/crm'}`;
      for (const user of recipients) {
        const words = wordsIn(CRM_CONNECTION_NOTICE, localeOr(user.locale), {
          crm: CRM_NAMES[connection.provider],
          account: connection.accountName,
          page,
          trouble: connection.trouble,
        });
        await this.notices.send(
          new VendorScope(connection.vendorId),
          { to: user.email, ...words },
          {
            partnerId: connection.partnerId,
          },
        );
      }
      return recipients.length;
    } catch (e) {
      this.logger.error(`Could not tell the owner of CRM connection ${connection.id}: ${(e as Error).message}`);
      await this.connections.releaseNoticeForSystem(connection.id);
      return 0;
    }
  }
}
