import { Injectable } from '@nestjs/common';
import type { PageFormField } from '@tcma/campaign-model';
import { sql } from 'kysely';
import {
  Database,
  executorOf,
  LeadRow,
  LeadStatus,
  partnerOwned,
  PartnerScope,
  TenantScope,
  Tx,
} from '@tcma/persistence';

export interface NewLead {
  prospectId: string;
  campaignId: string;
  campaignVersion: number;
  sendId: string | null;
  fields: Record<string, string>;
}

export interface FormEvent {
  prospectId: string;
  launchId: string | null;
  sendId: string | null;
  step: number | null;
  userAgent: string | null;
  at: Date;
}

export interface LeadFilter {
  status?: LeadStatus;
  /** Only leads captured at or after this time. */
  since?: Date;
  limit: number;
  offset: number;
}

/** A lead with the prospect it names. */
export type LeadWithProspect = LeadRow & {
  email: string;
  firstName: string | null;
  lastName: string | null;
  company: string | null;
};

/** A lead with the fields its campaign version's page form declared (null: the version has no form). */
export type LeadWithForm = LeadWithProspect & { formFields: PageFormField[] | null };

/** Leads, their consent evidence and the form_submitted event, per partner. */
@Injectable()
export class LeadsRepository {
  constructor(private readonly db: Database) {}

  async create(scope: PartnerScope, lead: NewLead, tx?: Tx): Promise<LeadRow> {
    return executorOf(this.db, tx)
      .insertInto('leads')
      .values({ ...lead, vendorId: scope.vendorId, partnerId: scope.partnerId, fields: lead.fields })
      .returningAll()
      .executeTakeFirstOrThrow();
  }

  /** Written judged (processedAt): a submission is a person's by construction, and the engagement judge has nothing to say about it. */
  async recordFormSubmitted(scope: PartnerScope, event: FormEvent, tx?: Tx): Promise<void> {
    await executorOf(this.db, tx)
      .insertInto('events')
      .values({
        type: 'form_submitted',
        occurredAt: event.at,
        vendorId: scope.vendorId,
        partnerId: scope.partnerId,
        launchId: event.launchId,
        prospectId: event.prospectId,
        sendId: event.sendId,
        step: event.step,
        userAgent: event.userAgent?.slice(0, 512) ?? null,
        counted: true,
        processedAt: event.at,
      })
      .execute();
  }

  /** The launches of a campaign this prospect was enrolled in. */
  async launchesOfCampaign(scope: PartnerScope, prospectId: string, campaignId: string, tx?: Tx): Promise<string[]> {
    const rows = await executorOf(this.db, tx)
      .selectFrom('enrollments as e')
      .innerJoin('launches as l', 'l.id', 'e.launchId')
      .select('e.launchId')
      .where('e.prospectId', '=', prospectId)
      .where('l.campaignId', '=', campaignId)
      .where((eb) => partnerOwned(eb, scope, 'e'))
      .execute();
    return rows.map((r) => r.launchId);
  }

  async list(scope: TenantScope, filter: LeadFilter): Promise<{ items: LeadWithProspect[]; total: number }> {
    let query = this.db
      .selectFrom('leads as l')
      .innerJoin('prospects as p', 'p.id', 'l.prospectId')
      .where((eb) => partnerOwned(eb, scope, 'l'));
    if (filter.status) query = query.where('l.status', '=', filter.status);
    if (filter.since) query = query.where('l.createdAt', '>=', filter.since);
    const [items, count] = await Promise.all([
      query
        .selectAll('l')
        .select(['p.email', 'p.firstName', 'p.lastName', 'p.company'])
        .orderBy('l.createdAt', 'desc')
        .orderBy('l.id')
        .limit(filter.limit)
        .offset(filter.offset)
        .execute(),
      query.select((eb) => eb.fn.countAll<string>().as('n')).executeTakeFirstOrThrow(),
    ]);
    return { items, total: Number(count.n) };
  }

  async find(scope: TenantScope, id: string): Promise<LeadWithForm | null> {
    const row = await this.db
      .selectFrom('leads as l')
      .innerJoin('prospects as p', 'p.id', 'l.prospectId')
      .leftJoin('campaignVersions as v', (join) =>
        join.onRef('v.campaignId', '=', 'l.campaignId').onRef('v.version', '=', 'l.campaignVersion'),
      )
      .selectAll('l')
      .select(['p.email', 'p.firstName', 'p.lastName', 'p.company'])
      // The campaign's page is its first page asset (as the landing page serves it): its form only, not its HTML.
      .select(
        sql<
          PageFormField[] | null
        >`jsonb_path_query_first(v.content, '$.assets[*] ? (@.kind == "page")') -> 'form' -> 'fields'`.as('formFields'),
      )
      .where('l.id', '=', id)
      .where((eb) => partnerOwned(eb, scope, 'l'))
      .executeTakeFirst();
    return row ?? null;
  }

  /** A lead with its campaign version's name (what its notice says), or null when it is not in the scope. */
  async withCampaignName(scope: PartnerScope, id: string): Promise<{ lead: LeadRow; campaignName: string } | null> {
    const row = await this.db
      .selectFrom('leads as l')
      .innerJoin('campaignVersions as v', (join) =>
        join.onRef('v.campaignId', '=', 'l.campaignId').onRef('v.version', '=', 'l.campaignVersion'),
      )
      .selectAll('l')
      .select(sql<string>`v.content ->> 'name'`.as('campaignName'))
      .where('l.id', '=', id)
      .where((eb) => partnerOwned(eb, scope, 'l'))
      .executeTakeFirst();
    if (!row) return null;
    const { campaignName, ...lead } = row;
    return { lead, campaignName };
  }

  /** Moves a lead from one of `from` to `to`; null when it is not (or no longer) in one of them. */
  async transition(
    scope: TenantScope,
    id: string,
    from: readonly LeadStatus[],
    to: LeadStatus,
    reason: string | null,
    tx?: Tx,
  ): Promise<LeadRow | null> {
    const row = await executorOf(this.db, tx)
      .updateTable('leads as l')
      .set({ status: to, statusReason: reason, updatedAt: new Date() })
      .where('l.id', '=', id)
      .where('l.status', 'in', from)
      .where((eb) => partnerOwned(eb, scope, 'l'))
      .returningAll()
      .executeTakeFirst();
    return row ?? null;
  }
}
