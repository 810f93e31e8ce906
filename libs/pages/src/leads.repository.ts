import { randomUUID } from 'node:crypto';
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
  unnest,
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

  /** The leads, in one statement; each answered with its row, in the order given. */
  async createMany(scope: PartnerScope, leads: NewLead[], tx?: Tx): Promise<LeadRow[]> {
    if (!leads.length) return [];
    // Ids made here, so each row is matched to its lead whatever order RETURNING answers in.
    const ids = leads.map(() => randomUUID());
    const rows = await executorOf(this.db, tx)
      .insertInto('leads')
      .values(leads.map((lead, i) => ({ ...lead, id: ids[i], vendorId: scope.vendorId, partnerId: scope.partnerId })))
      .returningAll()
      .execute();
    const byId = new Map(rows.map((row) => [row.id, row]));
    return ids.map((id) => byId.get(id)!);
  }

  /**
   * The submissions' form_submitted events, in one statement. Written judged (processedAt): a
   * submission is a person's by construction, and the engagement judge has nothing to say about it.
   */
  async recordFormsSubmitted(scope: PartnerScope, events: FormEvent[], tx?: Tx): Promise<void> {
    if (!events.length) return;
    await executorOf(this.db, tx)
      .insertInto('events')
      .values(
        events.map((event) => ({
          type: 'form_submitted' as const,
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
        })),
      )
      .execute();
  }

  /**
   * The launches of the campaign each prospect was enrolled in, in one statement for a batch of
   * submissions: launch ids by `${prospectId}:${campaignId}` (absent when none).
   */
  async launchesOfCampaigns(
    scope: PartnerScope,
    pairs: Array<{ prospectId: string; campaignId: string }>,
    tx?: Tx,
  ): Promise<Map<string, string[]>> {
    const found = new Map<string, string[]>();
    if (!pairs.length) return found;
    const rows = await executorOf(this.db, tx)
      .selectFrom(
        unnest<{ prospectId: string; campaignId: string }, 'x'>('x', {
          prospectId: { type: 'bigint', values: pairs.map((p) => p.prospectId) },
          campaignId: { type: 'uuid', values: pairs.map((p) => p.campaignId) },
        }),
      )
      .innerJoin('enrollments as e', 'e.prospectId', 'x.prospectId')
      .innerJoin('launches as l', (j) => j.onRef('l.id', '=', 'e.launchId').onRef('l.campaignId', '=', 'x.campaignId'))
      .select(['x.prospectId', 'x.campaignId', 'e.launchId'])
      .where((eb) => partnerOwned(eb, scope, 'e'))
      .execute();
    for (const row of rows) {
      const key = `${row.prospectId}:${row.campaignId}`;
      found.set(key, [...(found.get(key) ?? []), row.launchId]);
    }
    return found;
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
