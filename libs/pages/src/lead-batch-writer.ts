import { Injectable } from '@nestjs/common';
import type { PageAsset } from '@tcma/campaign-model';
import { ConsentRepository, NormalizedProspect, ProspectsRepository } from '@tcma/audience';
import { CrmLedger } from '@tcma/crm';
import { EnrollmentExits } from '@tcma/nurture';
import { Batcher, CampaignVersionRow, LeadRow, PartnerScope, Transactions, Tx } from '@tcma/persistence';
import { EventsRepository } from '@tcma/tracking';
import { WebhookDispatcher } from '@tcma/webhooks';
import { LeadNotices } from './lead-notices';
import { LeadsRepository } from './leads.repository';
import { PagesRepository, PageVisitSend } from './pages.repository';

/** A valid form submission, ready to be written. */
export interface LeadSubmission {
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
  prospect: NormalizedProspect;
  at: Date;
}

export interface WrittenLead {
  lead: LeadRow;
  prospectId: string;
}

/**
 * Submissions written together, at most this many in one transaction: a burst of 64 visitors
 * (the form benchmark's load) fits one batch.
 */
export const LEAD_BATCH_MAX = 64;
/**
 * Batches written at once. Each holds one of the API's database connections (10 by default)
 * while it is written: four leave the rest of the API its share under a burst of registrations.
 */
export const LEAD_BATCHES_IN_FLIGHT = 4;

/** What a batch wrote that is queued once it has committed. */
interface Written {
  leads: WrittenLead[];
  notices: Array<{ scope: PartnerScope; leadId: string }>;
  deliveries: string[];
  crmRecords: string[];
}

/** A PostgreSQL error answered to a statement (SQLSTATE), other than a lost connection (class 08). */
const refusedByDatabase = (error: unknown): boolean => {
  const code = (error as { code?: unknown } | null)?.code;
  return typeof code === 'string' && /^[0-9A-Z]{5}$/.test(code) && !code.startsWith('08');
};

/**
 * Writes form submissions by group commit (a Batcher with a few runs at once): every submission of a batch is
 * written in one transaction, with one statement per table for the whole batch (the prospects'
 * upsert, their form_submitted events, consent evidence, leads, webhook deliveries and CRM
 * hand-offs) instead of a dozen per submission. Each submission's writes commit together with
 * its batch, so nothing of a submission is written without the rest; when the database refuses
 * a batch, each of its submissions is written again alone, and only the one at fault fails.
 * Profiled before (issue 24): over half of the API process's time under a burst of
 * registrations was the round trips of those statements (the socket writes and query building).
 */
@Injectable()
export class LeadBatchWriter {
  private readonly batches = new Batcher<LeadSubmission, WrittenLead>(
    (batch) => this.writeBatch(batch),
    LEAD_BATCH_MAX,
    {
      maxInFlight: LEAD_BATCHES_IN_FLIGHT,
      // One prospect per batch: the upsert may touch a row once per statement.
      keyOf: (s) => `${s.scope.partnerId}:${s.prospect.emailLower}`,
      retryAlone: refusedByDatabase,
    },
  );

  constructor(
    private readonly transactions: Transactions,
    private readonly prospects: ProspectsRepository,
    private readonly pages: PagesRepository,
    private readonly leads: LeadsRepository,
    private readonly consent: ConsentRepository,
    private readonly events: EventsRepository,
    private readonly exits: EnrollmentExits,
    private readonly webhooks: WebhookDispatcher,
    private readonly leadNotices: LeadNotices,
    private readonly crm: CrmLedger,
  ) {}

  /** The submission's lead, once its batch has committed (its webhooks, notice and CRM hand-off then queued). */
  write(submission: LeadSubmission): Promise<WrittenLead> {
    return this.batches.call(submission);
  }

  private async writeBatch(batch: LeadSubmission[]): Promise<WrittenLead[]> {
    const written = await this.transactions.run(async (tx) => {
      const byPartner = new Map<string, LeadSubmission[]>();
      for (const s of batch) byPartner.set(s.scope.partnerId, [...(byPartner.get(s.scope.partnerId) ?? []), s]);
      const all: Written = { leads: [], notices: [], deliveries: [], crmRecords: [] };
      const bySubmission = new Map<LeadSubmission, WrittenLead>();
      for (const group of byPartner.values()) {
        const part = await this.writeOnePartner(group[0].scope, group, tx);
        group.forEach((s, i) => bySubmission.set(s, part.leads[i]));
        all.notices.push(...part.notices);
        all.deliveries.push(...part.deliveries);
        all.crmRecords.push(...part.crmRecords);
      }
      return { ...all, leads: batch.map((s) => bySubmission.get(s) as WrittenLead) };
    });
    await Promise.all([
      this.webhooks.dispatch(written.deliveries),
      this.leadNotices.notifyMany(written.notices),
      this.crm.dispatch(written.crmRecords),
    ]);
    return written.leads;
  }

  /** One partner's submissions (each prospect once), answered in their order. */
  private async writeOnePartner(scope: PartnerScope, group: LeadSubmission[], tx: Tx): Promise<Written> {
    // Rows locked in one order (by address) by every batch: two batches never wait on each other in a cycle.
    const upserted = await this.prospects.upsertMany(
      scope,
      group.map((s) => s.prospect).sort((a, b) => (a.emailLower < b.emailLower ? -1 : 1)),
      tx,
    );
    const prospectIds = group.map((s) => upserted.idByEmail.get(s.prospect.emailLower) as string);
    const sends: Array<PageVisitSend | null> = [];
    for (const s of group) sends.push(s.sendId ? await this.pages.visitSend(scope, s.sendId, s.campaignId, tx) : null);
    await this.leads.recordFormsSubmitted(
      scope,
      group.map((s, i) => ({
        prospectId: prospectIds[i],
        launchId: sends[i]?.launchId ?? null,
        sendId: sends[i]?.id ?? null,
        step: sends[i]?.step ?? null,
        userAgent: s.visitor.userAgent,
        at: s.at,
      })),
      tx,
    );
    await this.consent.recordMany(
      scope,
      group.flatMap((s, i) =>
        s.asset.form?.consent && s.consent
          ? [
              {
                prospectId: prospectIds[i],
                granted: true,
                source: 'form' as const,
                wording: s.consentText,
                wordingVersion: `${s.version.id}:${s.asset.id}`,
                campaignId: s.campaignId,
                page: s.page,
                ip: s.visitor.ip,
                userAgent: s.visitor.userAgent,
                at: s.at,
              },
            ]
          : [],
      ),
      tx,
    );
    // The campaign's rule on submission: a conversion in each launch of it the prospect is in
    // (one read for the batch; the few prospects enrolled then convert one by one).
    const converting = group.flatMap((s, i) =>
      s.asset.form?.onSubmit === 'convert' ? [{ prospectId: prospectIds[i], campaignId: s.campaignId, at: s.at }] : [],
    );
    const launchesOf = await this.leads.launchesOfCampaigns(scope, converting, tx);
    for (const { prospectId, campaignId, at } of converting) {
      const launchIds = launchesOf.get(`${prospectId}:${campaignId}`);
      if (!launchIds) continue;
      await this.events.recordConversions(scope, prospectId, launchIds, at, tx);
      await this.exits.onConversion(scope, prospectId, launchIds, tx);
    }
    const leads = await this.leads.createMany(
      scope,
      group.map((s, i) => ({
        prospectId: prospectIds[i],
        campaignId: s.campaignId,
        campaignVersion: s.version.version,
        sendId: sends[i]?.id ?? null,
        fields: s.values,
      })),
      tx,
    );
    // The events' webhook deliveries commit with them (people's data: never to a vendor endpoint of a private partner).
    const common = group.map((s, i) => ({
      partnerId: scope.partnerId,
      campaignId: s.campaignId,
      campaignVersion: s.version.version,
      launchId: sends[i]?.launchId ?? null,
      prospectId: prospectIds[i],
      prospect: {
        email: s.prospect.email,
        firstName: s.prospect.firstName,
        lastName: s.prospect.lastName,
        company: s.prospect.company,
      },
    }));
    const submitted = group.map((s, i) => ({
      data: { ...common[i], page: s.page, fields: s.values, consent: s.consent },
      at: s.at,
    }));
    const created = group.map((s, i) => ({
      data: { ...common[i], leadId: leads[i].id, status: leads[i].status, fields: s.values },
      at: s.at,
    }));
    const deliveries = [
      ...(await this.webhooks.recordMany(scope, 'form_submitted', submitted, true, tx)),
      ...(await this.webhooks.recordMany(scope, 'lead_created', created, true, tx)),
    ];
    // The leads' hand-off to the partner's CRM (and the vendor's, unless the partner keeps its contacts private) commits with them.
    const crmRecords = await this.crm.record(
      scope,
      group.map((s, i) => ({ leadId: leads[i].id, campaignId: s.campaignId, launchId: sends[i]?.launchId ?? null })),
      group[0].at,
      tx,
    );
    return {
      leads: leads.map((lead, i) => ({ lead, prospectId: prospectIds[i] })),
      notices: leads.map((lead) => ({ scope, leadId: lead.id })),
      deliveries,
      crmRecords,
    };
  }
}
