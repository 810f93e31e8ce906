import { Injectable } from '@nestjs/common';
import { Database } from '@tcma/persistence';

/** Who a send went to (see SentRecipientsRepository). */
export interface SendRecipient {
  vendorId: string;
  partnerId: string;
  campaignId: string;
  email: string;
  emailLower: string;
  campaignName: string;
  partnerName: string;
  vendorName: string;
  /** The language the email was sent in (null: sent before language variants, in the campaign's). */
  language: string | null;
}

/** Who each send reached, as the links in its email (unsubscribe, preferences) ask; read only, for every tenant. */
@Injectable()
export class SentRecipientsRepository {
  constructor(private readonly db: Database) {}

  /**
   * Who a send went to, for which tenant and campaign, and the names the preference page shows
   * (for links in that email: unsubscribe, preferences).
   */
  async recipientForSystem(sendId: string): Promise<SendRecipient | null> {
    if (!/^\d{1,18}$/.test(sendId)) return null;
    const row = await this.db
      .selectFrom('sends as s')
      .innerJoin('prospects as p', 'p.id', 's.prospectId')
      .innerJoin('launches as l', 'l.id', 's.launchId')
      .innerJoin('campaigns as c', 'c.id', 'l.campaignId')
      .innerJoin('partners as pa', 'pa.id', 's.partnerId')
      .innerJoin('vendors as v', 'v.id', 's.vendorId')
      .select([
        's.vendorId',
        's.partnerId',
        'l.campaignId',
        'p.email',
        'p.emailLower',
        'c.name as campaignName',
        'pa.companyName as partnerName',
        'v.name as vendorName',
        's.language',
      ])
      .where('s.id', '=', sendId)
      .executeTakeFirst();
    return row ?? null;
  }
}
