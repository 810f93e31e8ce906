import { Injectable, Logger } from '@nestjs/common';
import { AppConfig } from '@tcma/config';
import { wordsIn } from '@tcma/locales';
import { NoticeMailer } from '@tcma/notices';
import { VendorScope, WebhookEndpointRow } from '@tcma/persistence';
import { UsersRepository } from '@tcma/tenancy';
import { WEBHOOK_DISABLED_NOTICE } from './webhook-health-words';

/** The most owners told of one disabled endpoint. */
const MAX_RECIPIENTS = 50;

/**
 * Tells an endpoint's owner that it was disabled for failing: a partner's endpoint its
 * partner's users, the vendor's endpoint the vendor's admins, each in their language. A notice that cannot be sent is
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
      const values = {
        host: new URL(endpoint.url).host,
        url: endpoint.url,
        reason: endpoint.disabledReason,
        endpointId: endpoint.id,
        where,
      };
      for (const user of recipients) {
        const { subject, text } = wordsIn(WEBHOOK_DISABLED_NOTICE, user.locale, values);
        await this.notices.send(scope, { to: user.email, subject, text }, { partnerId: endpoint.partnerId });
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
