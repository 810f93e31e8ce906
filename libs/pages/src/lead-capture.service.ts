import { Injectable } from '@nestjs/common';
import type { PageAsset } from '@tcma/campaign-model';
import { checkProspect, ConsentRepository, ProspectInput, ProspectsRepository } from '@tcma/audience';
import { Clock } from '@tcma/clock';
import { CrmLedger } from '@tcma/crm';
import { EnrollmentExits } from '@tcma/nurture';
import { CampaignVersionRow, LeadRow, PartnerScope, Transactions } from '@tcma/persistence';
import { EventsRepository } from '@tcma/tracking';
import { WebhookDispatcher } from '@tcma/webhooks';
import { LeadNotices } from './lead-notices';
import { LeadsRepository } from './leads.repository';
import { PagesRepository } from './pages.repository';

export interface CaptureInput {
  scope: PartnerScope;
  campaignId: string;
  version: CampaignVersionRow;
  asset: PageAsset;
  /** The consent wording as the visitor saw it (with the partner's values). */
  consentText: string | null;
  values: Record<string, string>;
  consent: boolean;
  /** The send whose tracked link the visitor followed (from the page address), if any. */
  sendId: string | null;
  page: string;
  visitor: { ip: string; userAgent: string | null };
}

export type CaptureResult =
  { ok: true; lead: LeadRow; prospectId: string } | { ok: false; errors: Record<string, string> };

/** Form field names → prospect columns (the rest are custom fields). */
const PROSPECT_COLUMNS: Record<string, keyof ProspectInput> = {
  first_name: 'firstName',
  last_name: 'lastName',
  company: 'company',
  title: 'title',
  country: 'country',
  language: 'language',
};
const FIELD_OF_COLUMN = Object.fromEntries(Object.entries(PROSPECT_COLUMNS).map(([field, column]) => [column, field]));

/**
 * A valid form submission, in one transaction: the prospect upserted into the partner's
 * audience, the form_submitted event (with the send it came from), the consent evidence,
 * the campaign's rule on submission (a conversion, which exits the sequence when it exits
 * on conversion) and the lead. Nothing is written when any of it fails.
 */
@Injectable()
export class LeadCaptureService {
  constructor(
    private readonly transactions: Transactions,
    private readonly prospects: ProspectsRepository,
    private readonly pages: PagesRepository,
    private readonly leads: LeadsRepository,
    private readonly consent: ConsentRepository,
    private readonly events: EventsRepository,
    private readonly exits: EnrollmentExits,
    private readonly webhooks: WebhookDispatcher,
    private readonly clock: Clock,
    private readonly leadNotices: LeadNotices,
    private readonly crm: CrmLedger,
  ) {}

  async capture(input: CaptureInput): Promise<CaptureResult> {
    const { scope, values } = input;
    const prospectInput: ProspectInput = {
      email: values.email ?? '',
      custom: {},
      consentSource: input.consent ? `form ${input.page}` : null,
    };
    for (const [field, value] of Object.entries(values)) {
      if (field === 'email') continue;
      const column = PROSPECT_COLUMNS[field];
      if (column && column !== 'custom' && column !== 'email') prospectInput[column] = value;
      else prospectInput.custom = { ...prospectInput.custom, [field]: value };
    }
    const checked = checkProspect(prospectInput);
    if (!checked.ok) {
      const field = FIELD_OF_COLUMN[checked.field] ?? checked.field.replace(/^custom\./, '');
      return { ok: false, errors: { [values[field] !== undefined ? field : 'email']: checked.reason } };
    }
    const at = this.clock.now();
    const captured = await this.transactions.run(async (tx) => {
      const { ids } = await this.prospects.upsertMany(scope, [checked.prospect], tx);
      const prospectId = ids[0];
      const send = input.sendId ? await this.pages.visitSend(scope, input.sendId, input.campaignId, tx) : null;
      await this.leads.recordFormSubmitted(
        scope,
        {
          prospectId,
          launchId: send?.launchId ?? null,
          sendId: send?.id ?? null,
          step: send?.step ?? null,
          userAgent: input.visitor.userAgent,
          at,
        },
        tx,
      );
      if (input.asset.form?.consent && input.consent) {
        await this.consent.record(
          scope,
          {
            prospectId,
            granted: true,
            source: 'form',
            wording: input.consentText,
            wordingVersion: `${input.version.id}:${input.asset.id}`,
            campaignId: input.campaignId,
            page: input.page,
            ip: input.visitor.ip,
            userAgent: input.visitor.userAgent,
            at,
          },
          tx,
        );
      }
      if (input.asset.form?.onSubmit === 'convert') {
        const launchIds = await this.leads.launchesOfCampaign(scope, prospectId, input.campaignId, tx);
        await this.events.recordConversions(scope, prospectId, launchIds, at, tx);
        await this.exits.onConversion(scope, prospectId, launchIds, tx);
      }
      const lead = await this.leads.create(
        scope,
        {
          prospectId,
          campaignId: input.campaignId,
          campaignVersion: input.version.version,
          sendId: send?.id ?? null,
          fields: values,
        },
        tx,
      );
      // The events' webhook deliveries commit with them (people's data: never to a vendor endpoint of a private partner).
      const person = {
        email: checked.prospect.email,
        firstName: checked.prospect.firstName,
        lastName: checked.prospect.lastName,
        company: checked.prospect.company,
      };
      const common = {
        partnerId: scope.partnerId,
        campaignId: input.campaignId,
        campaignVersion: input.version.version,
        launchId: send?.launchId ?? null,
        prospectId,
        prospect: person,
      };
      const deliveries = [
        ...(await this.webhooks.record(
          scope,
          'form_submitted',
          { ...common, page: input.page, fields: values, consent: input.consent },
          at,
          true,
          tx,
        )),
        ...(await this.webhooks.record(
          scope,
          'lead_created',
          { ...common, leadId: lead.id, status: lead.status, fields: values },
          at,
          true,
          tx,
        )),
      ];
      // The lead's hand-off to the partner's CRM (and the vendor's, unless the partner keeps its contacts private) commits with it.
      const crmRecords = await this.crm.record(
        scope,
        { leadId: lead.id, campaignId: input.campaignId, launchId: send?.launchId ?? null },
        at,
        tx,
      );
      return { ok: true as const, lead, prospectId, deliveries, crmRecords };
    });
    await Promise.all([
      this.webhooks.dispatch(captured.deliveries),
      this.leadNotices.notify(scope, captured.lead.id),
      this.crm.dispatch(captured.crmRecords),
    ]);
    return { ok: true, lead: captured.lead, prospectId: captured.prospectId };
  }
}
