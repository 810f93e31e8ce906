import { InjectQueue } from '@nestjs/bullmq';
import { Injectable, Logger } from '@nestjs/common';
import { AppConfig } from '@tcma/config';
import { wordsIn } from '@tcma/locales';
import { NoticeMailer } from '@tcma/notices';
import { LeadRow, PartnerScope, VendorScope } from '@tcma/persistence';
import { jobOptions, JobName, NotifyLeadJob, QueueName, traced } from '@tcma/queue';
import { UsersRepository } from '@tcma/tenancy';
import { Queue } from 'bullmq';
import { LEAD_NOTICE_EMAIL } from './lead-notice-words';
import { LeadsRepository } from './leads.repository';

/** The most users of one partner told of each lead (a partner's team, not a mailing list). */
export const LEAD_NOTICE_MAX_RECIPIENTS = 50;

/**
 * Tells a partner's users of each new lead by email, through the vendor's own delivery
 * (libs/notices). The API only queues the notice once the lead is stored (a job on the webhooks
 * queue, beside the lead's webhooks: the `webhook` worker role sends it), so the visitor's answer
 * never waits on composing and handing over mail, and a mail server's hiccup is tried again
 * (five tries over about a minute and a quarter; a user may then be told twice). If the queue
 * cannot take it, that is logged and the lead is in the leads list and its webhook either way.
 */
@Injectable()
export class LeadNotices {
  private readonly logger = new Logger(LeadNotices.name);

  constructor(
    private readonly users: UsersRepository,
    private readonly leads: LeadsRepository,
    private readonly notices: NoticeMailer,
    private readonly config: AppConfig,
    @InjectQueue(QueueName.Webhooks) private readonly queue: Queue,
  ) {}

  /** Queues telling each lead's partner's users of it, just stored (after its commit); never throws. */
  async notifyMany(leads: Array<{ scope: PartnerScope; leadId: string }>): Promise<void> {
    if (!leads.length) return;
    await this.queue
      .addBulk(
        leads.map(({ scope, leadId }) => ({
          name: JobName.NotifyLead,
          data: traced({ vendorId: scope.vendorId, partnerId: scope.partnerId, leadId }) satisfies NotifyLeadJob,
          opts: jobOptions[JobName.NotifyLead](leadId),
        })),
      )
      .catch((e: Error) =>
        this.logger.warn(
          `Leads ${leads.map((l) => `${l.leadId} (partner ${l.scope.partnerId})`).join(', ')}: their notifications were not queued: ${e.message}`,
        ),
      );
  }

  /** The worker's side: tells the partner's users of the lead, read again; 0 when it is gone. */
  async sendForLead(scope: PartnerScope, leadId: string): Promise<number> {
    const found = await this.leads.withCampaignName(scope, leadId);
    return found ? this.send(scope, found.lead, found.campaignName) : 0;
  }

  /** Mails every enabled user of the partner, each in their language; answers how many were told. */
  async send(scope: PartnerScope, lead: LeadRow, campaignName: string): Promise<number> {
    const { items } = await this.users.list(scope, {
      partnerId: scope.partnerId,
      limit: LEAD_NOTICE_MAX_RECIPIENTS,
      offset: 0,
    });
    const recipients = items.filter((u) => u.disabledAt === null);
    const who = [lead.fields.first_name, lead.fields.last_name].filter(Boolean).join(' ');
    const person = who ? `${who} <${lead.fields.email}>` : (lead.fields.email ?? null);
    const details = Object.entries(lead.fields)
      .map(([field, value]) => `${field}: ${value}`)
      .join('\n');
    const values = {
      campaign: campaignName,
      email: lead.fields.email ?? null,
      person,
      portalUrl: `${this.config.publicBaseUrl}/portal`,
    };
    for (const user of recipients) {
      const words = wordsIn(LEAD_NOTICE_EMAIL, user.locale, values);
      await this.notices.send(
        new VendorScope(scope.vendorId),
        {
          to: user.email,
          subject: words.subject,
          text: `${words.registered}\n\n${details}\n\n${words.workYourLeads}\n`,
        },
        // The notice names the partner's prospect: its outbox copy is the partner's.
        { partnerId: scope.partnerId },
      );
    }
    return recipients.length;
  }
}
