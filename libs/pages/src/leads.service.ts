import { Injectable } from '@nestjs/common';
import { ConflictError, InvalidError, NotFoundError } from '@tcma/errors';
import { Clock } from '@tcma/clock';
import { LeadStatus, PartnerRow, Transactions } from '@tcma/persistence';
import { WebhookDispatcher } from '@tcma/webhooks';
import { Actor, PartnersRepository, PartnersService, scopeOf, scopeOfPartner } from '@tcma/tenancy';
import { LeadAnswer, labelledAnswers } from './lead-answers';
import { LeadFilter, LeadsRepository, LeadWithProspect } from './leads.repository';

/** Where a lead may go from each status; anything else answers 409. */
export const LEAD_TRANSITIONS: Readonly<Record<LeadStatus, readonly LeadStatus[]>> = {
  new: ['accepted', 'rejected'],
  accepted: ['won', 'lost', 'rejected'],
  rejected: ['accepted'],
  won: [],
  lost: [],
};
export const LEAD_REASON_MAX_LENGTH = 500;

/** A lead as its page shows it: with its answers labelled. */
export type LeadDetail = LeadWithProspect & { answers: LeadAnswer[] };

export interface LeadStatusChange {
  status: LeadStatus;
  reason?: string;
}

/**
 * Leads of a partner: its own users see them; vendor users see their partners' unless the
 * partner keeps its contacts private, in which case its leads do not exist for them (404,
 * as another tenant's would).
 */
@Injectable()
export class LeadsService {
  constructor(
    private readonly leads: LeadsRepository,
    private readonly partners: PartnersService,
    private readonly partnerRows: PartnersRepository,
    private readonly transactions: Transactions,
    private readonly webhooks: WebhookDispatcher,
    private readonly clock: Clock,
  ) {}

  async list(
    actor: Actor,
    partnerId: string,
    filter: LeadFilter,
  ): Promise<{ items: LeadWithProspect[]; total: number }> {
    const partner = await this.partners.withContacts(actor, partnerId);
    return this.leads.list(scopeOfPartner(partner), filter);
  }

  async get(actor: Actor, id: string): Promise<LeadDetail> {
    const found = await this.leads.find(scopeOf(actor), id);
    if (!found) throw new NotFoundError('Lead');
    await this.partners.withContacts(actor, found.partnerId, 'Lead');
    const { formFields, ...lead } = found;
    return { ...lead, answers: labelledAnswers(lead.fields, formFields ?? []) };
  }

  async changeStatus(actor: Actor, id: string, change: LeadStatusChange): Promise<LeadDetail> {
    const lead = await this.get(actor, id);
    const reason = change.reason?.trim() || null;
    if (change.status === 'rejected' && !reason)
      throw new InvalidError('Say why the lead is rejected', [
        { path: 'reason', message: 'is required when rejecting a lead' },
      ]);
    if (reason && reason.length > LEAD_REASON_MAX_LENGTH)
      throw new InvalidError('The reason is too long', [
        { path: 'reason', message: `must be at most ${LEAD_REASON_MAX_LENGTH} characters` },
      ]);
    if (!LEAD_TRANSITIONS[lead.status].includes(change.status)) {
      const allowed = LEAD_TRANSITIONS[lead.status];
      throw new ConflictError(
        `A ${lead.status} lead cannot become ${change.status}${allowed.length ? `; it can become ${allowed.join(' or ')}` : '; it is final'}`,
      );
    }
    const scope = scopeOfPartner({ vendorId: lead.vendorId, id: lead.partnerId });
    const { updated, deliveries } = await this.transactions.run(async (tx) => {
      const row = await this.leads.transition(
        scope,
        id,
        [lead.status],
        change.status,
        change.status === 'rejected' ? reason : null,
        tx,
      );
      if (!row) throw new ConflictError('The lead changed at the same time; reload it and try again');
      const data = {
        leadId: row.id,
        partnerId: row.partnerId,
        campaignId: row.campaignId,
        prospectId: row.prospectId,
        prospect: { email: lead.email },
        from: lead.status,
        status: row.status,
        reason: row.statusReason,
      };
      return {
        updated: row,
        deliveries: await this.webhooks.record(scope, 'lead_status_changed', data, this.clock.now(), true, tx),
      };
    });
    await this.webhooks.dispatch(deliveries);
    return { ...lead, ...updated };
  }

  /**
   * A partner user's switch: keep the partner's contacts (prospects and leads) from the vendor.
   * Turning private also forgets, in the same transaction, what the vendor's own webhook
   * endpoints were sent about its people (their delivery log, replays and retries with it), so
   * the vendor's history looks as if the partner had always been private.
   */
  async setContactsPrivate(actor: Actor, partnerId: string, value: boolean): Promise<PartnerRow> {
    return this.transactions.run(async (tx) => {
      const updated = await this.partnerRows.setContactsPrivate(scopeOf(actor), partnerId, value, tx);
      if (!updated) throw new NotFoundError('Partner');
      if (updated.contactsPrivate) await this.webhooks.forgetPeopleSentToVendor(scopeOfPartner(updated), tx);
      return updated;
    });
  }
}
