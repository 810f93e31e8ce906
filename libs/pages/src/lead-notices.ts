import { Injectable, Logger } from '@nestjs/common';
import { AppConfig } from '@tcma/config';
import { NoticeMailer } from '@tcma/notices';
import { LeadRow, PartnerScope, VendorScope } from '@tcma/persistence';
import { UsersRepository } from '@tcma/tenancy';

/** The most users of one partner told of each lead (a partner's team, not a mailing list). */
export const LEAD_NOTICE_MAX_RECIPIENTS = 50;

/**
 * Tells a partner's users of each new lead by email, through the vendor's own delivery
 * (libs/notices). Sent after the lead is stored and never in the way of the visitor's answer:
 * a failure is logged, not retried (the lead is in the leads list and its webhook either way).
 */
@Injectable()
export class LeadNotices {
  private readonly logger = new Logger(LeadNotices.name);

  constructor(
    private readonly users: UsersRepository,
    private readonly notices: NoticeMailer,
    private readonly config: AppConfig,
  ) {}

  /** Starts telling the partner's users; answers at once. */
  notify(scope: PartnerScope, lead: LeadRow, campaignName: string): void {
    this.send(scope, lead, campaignName).catch((e: Error) =>
      this.logger.warn(`Lead ${lead.id} of partner ${scope.partnerId}: its notification was not sent: ${e.message}`),
    );
  }

  /** Mails every enabled user of the partner; answers how many were told. */
  async send(scope: PartnerScope, lead: LeadRow, campaignName: string): Promise<number> {
    const { items } = await this.users.list(scope, {
      partnerId: scope.partnerId,
      limit: LEAD_NOTICE_MAX_RECIPIENTS,
      offset: 0,
    });
    const recipients = items.filter((u) => u.disabledAt === null);
    const who = [lead.fields.first_name, lead.fields.last_name].filter(Boolean).join(' ');
    const person = who ? `${who} <${lead.fields.email}>` : (lead.fields.email ?? 'A prospect');
    const details = Object.entries(lead.fields)
      .map(([field, value]) => `${field}: ${value}`)
      .join('\n');
    for (const user of recipients) {
      await this.notices.send(
        new VendorScope(scope.vendorId),
        {
          to: user.email,
          subject: `New lead from ${campaignName}: ${lead.fields.email ?? 'a prospect'}`,
          text: `${person} registered through the landing page of ${campaignName}.\n\n${details}\n\nSee and work your leads in the portal: ${this.config.publicBaseUrl}/portal\n`,
        },
        // The notice names the partner's prospect: its outbox copy is the partner's.
        { partnerId: scope.partnerId },
      );
    }
    return recipients.length;
  }
}
