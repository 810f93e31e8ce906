import { Injectable, Logger } from '@nestjs/common';
import { Clock } from '@tcma/clock';
import { EnrollmentExits } from '@tcma/nurture';
import { CrmConnectionRow, PartnerScope, Transactions } from '@tcma/persistence';
import { EventsRepository } from '@tcma/tracking';
import { WebhookDispatcher } from '@tcma/webhooks';
import { CrmAdapters } from './crm-adapters';
import type { CrmCall, CrmDeal } from './crm-provider';
import { CrmRecordsRepository } from './crm-records.repository';
import { CrmRevenueRepository } from './crm-revenue.repository';

const AMOUNT = /^-?\d{1,16}(\.\d{1,2})?$/;
const CURRENCY = /^[A-Z]{3}$/;

/**
 * A won deal as revenue, however it came (HubSpot's webhook, Salesforce's polling): when it was
 * sold to a contact the engine wrote, it is recorded once per deal, with its amount and currency,
 * against the lead's campaign, partner and launch; the prospect converts on that launch (and
 * leaves sequences that exit on conversion), and deal_won goes out in the same transaction.
 */
@Injectable()
export class CrmRevenueRecorder {
  private readonly logger = new Logger(CrmRevenueRecorder.name);

  constructor(
    private readonly records: CrmRecordsRepository,
    private readonly revenue: CrmRevenueRepository,
    private readonly adapters: CrmAdapters,
    private readonly events: EventsRepository,
    private readonly exits: EnrollmentExits,
    private readonly webhooks: WebhookDispatcher,
    private readonly transactions: Transactions,
    private readonly clock: Clock,
  ) {}

  /** True when this call recorded it (false: not the engine's contact, not usable, or recorded before). */
  async record(connection: CrmConnectionRow, call: CrmCall, deal: CrmDeal): Promise<boolean> {
    const [record] = await this.records.byContactsForSystem(connection.id, deal.contactIds);
    if (!record) return false;
    const currency =
      (deal.currency ?? (await this.adapters.get(connection.provider).dealCurrency(call, deal.id)))?.toUpperCase() ??
      null;
    const amount = deal.amount?.trim() || '0';
    if (!currency || !CURRENCY.test(currency) || !AMOUNT.test(amount)) {
      this.logger.warn(`Deal ${deal.id} of CRM connection ${connection.id}: amount "${amount}" ${currency} not usable`);
      return false;
    }
    const prospectId = await this.records.prospectOfLeadForSystem(record.leadId);
    const scope = new PartnerScope(record.vendorId, record.partnerId);
    const wonAt = deal.closedAt && !Number.isNaN(deal.closedAt.getTime()) ? deal.closedAt : this.clock.now();
    const recorded = await this.transactions.run(async (tx) => {
      const fresh = await this.revenue.recordForSystem(
        {
          vendorId: record.vendorId,
          partnerId: record.partnerId,
          connectionId: connection.id,
          dealId: deal.id,
          leadId: record.leadId,
          campaignId: record.campaignId,
          launchId: record.launchId,
          amount,
          currency,
          wonAt,
        },
        tx,
      );
      if (!fresh) return null;
      if (record.launchId && prospectId) {
        await this.events.recordConversions(scope, prospectId, [record.launchId], wonAt, tx);
        await this.exits.onConversion(scope, prospectId, [record.launchId], tx);
      }
      // Ids and money only: the deal names no person, so a private partner's vendor may have it too.
      const data = {
        provider: connection.provider,
        dealId: deal.id,
        amount,
        currency,
        wonAt: wonAt.toISOString(),
        partnerId: record.partnerId,
        campaignId: record.campaignId,
        launchId: record.launchId,
        leadId: record.leadId,
      };
      return this.webhooks.record(scope, 'deal_won', data, this.clock.now(), false, tx);
    });
    if (recorded) await this.webhooks.dispatch(recorded);
    return recorded !== null;
  }
}
