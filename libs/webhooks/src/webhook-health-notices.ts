import { Injectable, Logger } from '@nestjs/common';
import { AppConfig } from '@tcma/config';
import { NoticeMailer } from '@tcma/notices';
import { VendorScope, WebhookEndpointRow } from '@tcma/persistence';
import { UsersRepository } from '@tcma/tenancy';

/** The most owners told of one disabled endpoint. */
const MAX_RECIPIENTS = 50;

/**
 * Tells an endpoint's owner that it was disabled for failing: a partner's endpoint its
 * partner's users, the vendor's endpoint the vendor's admins. A notice that cannot be sent is
 * logged: the endpoint shows as disabled, with its reason, either way.
 */
@Injectable()
export class WebhookHealthNotices {
  private readonly logger = new Logger(WebhookHealthNotices.name);

  constructor(
    private readonly users: UsersRepository,
    private readonly notices: NoticeMailer,
    private readonly config: AppConfig,
  ) {}

  async disabled(endpoint: WebhookEndpointRow): Promise<number> {
    this.logger.warn(`Webhook endpoint ${endpoint.id} disabled: ${endpoint.disabledReason}`);
    try {
      const scope = new VendorScope(endpoint.vendorId);
      const { items } = await this.users.list(
        scope,
        endpoint.partnerId
          ? { partnerId: endpoint.partnerId, limit: MAX_RECIPIENTS, offset: 0 }
          : { partnerId: null, role: 'vendor_admin', limit: MAX_RECIPIENTS, offset: 0 },
      );
      const recipients = items.filter((u) => u.disabledAt === null);
      const where = endpoint.partnerId ? `${this.config.publicBaseUrl}/portal` : `${this.config.publicBaseUrl}/console`;
      for (const user of recipients) {
        await this.notices.send(
          scope,
          {
            to: user.email,
            subject: `Webhook disabled: ${new URL(endpoint.url).host} has been failing for a day`,
            text: `Your webhook endpoint ${endpoint.url} was disabled.\n\n${endpoint.disabledReason ?? ''}\n\nThe deliveries that were waiting are kept: once the receiver answers again, enable the endpoint (POST /webhooks/${endpoint.id}/enable, or in ${where}) and they are sent. Events that happen while it is disabled are not recorded for it.\n`,
          },
          { partnerId: endpoint.partnerId },
        );
      }
      return recipients.length;
    } catch (e) {
      this.logger.error(
        `Could not tell the owner of webhook endpoint ${endpoint.id} that it was disabled: ${(e as Error).message}`,
      );
      return 0;
    }
  }
}
