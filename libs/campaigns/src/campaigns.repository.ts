import { Injectable } from '@nestjs/common';
import { sql } from 'kysely';
import type { CampaignContent } from '@tcma/campaign-model';
import {
  CampaignRow,
  CampaignStatus,
  CampaignVersionRow,
  containing,
  Database,
  executorOf,
  Executor,
  Found,
  NewCampaign,
  PageWindow,
  TenantScope,
  Tx,
  vendorOwned,
} from '@tcma/persistence';
import {
  CatalogueFilter,
  catalogueForPartner,
  CatalogueRow,
  findPublishedForPartner,
  listPublishedForPartner,
  PartnerEligibility,
} from './partner-campaigns.statements';

export interface CampaignListFilter {
  status?: CampaignStatus;
  search?: string;
  tag?: string;
  language?: string;
  limit: number;
  offset: number;
}

/** What the vendor's campaign library shows of each campaign: launches, partners using it and headline results. */
export interface CampaignUsage {
  launches: number;
  partnersUsing: number;
  sent: number;
  clicked: number;
}

export type CampaignListRow = CampaignRow & CampaignUsage;

export type CampaignVersionListRow = CampaignVersionRow & { publishedByEmail: string | null; launches: number };

export type NewCampaignInput = Pick<NewCampaign, 'name' | 'draft' | 'createdBy'>;
export type CampaignChanges = Partial<
  Pick<CampaignRow, 'status' | 'archivedAt' | 'promoted' | 'availableFrom' | 'availableUntil'>
>;

export type { CatalogueFilter, CatalogueRow, PartnerEligibility } from './partner-campaigns.statements';

@Injectable()
export class CampaignsRepository {
  constructor(private readonly db: Database) {}

  create(scope: TenantScope, input: NewCampaignInput): Promise<CampaignRow> {
    return this.db
      .insertInto('campaigns')
      .values({
        ...input,
        vendorId: scope.vendorId,
        status: 'draft',
        draftRevision: 1,
        latestVersion: null,
        archivedAt: null,
      })
      .returningAll()
      .executeTakeFirstOrThrow();
  }

  async find(scope: TenantScope, id: string): Promise<CampaignRow | null> {
    return (
      (await this.db
        .selectFrom('campaigns')
        .selectAll()
        .where('id', '=', id)
        .where((eb) => vendorOwned(eb, scope, 'campaigns'))
        .executeTakeFirst()) ?? null
    );
  }

  /**
   * A page of the vendor's campaigns with their library numbers, in one query: the page is cut
   * first, then each of its campaigns' launches and funnel totals (analytics_totals, by launch)
   * are summed. Tag and language are the draft's, or the latest version's without a draft.
   */
  async list(scope: TenantScope, filter: CampaignListFilter): Promise<Found<CampaignListRow>> {
    const contains = (fragment: object) => sql<CampaignContent>`${JSON.stringify(fragment)}::jsonb`;
    const matching = this.db
      .selectFrom('campaigns as c')
      .leftJoin('campaignVersions as v', (join) =>
        join.onRef('v.campaignId', '=', 'c.id').onRef('v.version', '=', 'c.latestVersion'),
      )
      .where((eb) => {
        const conditions = [vendorOwned(eb, scope, 'c')];
        const current = eb.fn.coalesce('c.draft', 'v.content');
        if (filter.status) conditions.push(eb('c.status', '=', filter.status));
        if (filter.search) conditions.push(eb('c.name', 'ilike', containing(filter.search)));
        if (filter.tag) conditions.push(eb(current, '@>', contains({ tags: [filter.tag] })));
        if (filter.language) conditions.push(eb(current, '@>', contains({ language: filter.language })));
        return eb.and(conditions);
      });
    const page = matching
      .selectAll('c')
      .orderBy('c.updatedAt', 'desc')
      .orderBy('c.id', 'asc')
      .limit(filter.limit)
      .offset(filter.offset);
    const [items, count] = await Promise.all([
      this.db
        .selectFrom(page.as('c'))
        // An aggregate without GROUP BY always answers one row: an inner join keeps every campaign.
        .innerJoinLateral(
          (eb) =>
            eb
              .selectFrom('launches as l')
              .leftJoin('analyticsTotals as a', 'a.launchId', 'l.id')
              .whereRef('l.campaignId', '=', 'c.id')
              .select((s) => [
                s.cast<number>(s.fn.count('l.id').distinct(), 'integer').as('launches'),
                s.cast<number>(s.fn.count('l.partnerId').distinct(), 'integer').as('partnersUsing'),
                s.cast<number>(s.fn.coalesce(s.fn.sum('a.sent'), s.lit(0)), 'integer').as('sent'),
                s.cast<number>(s.fn.coalesce(s.fn.sum('a.clicked'), s.lit(0)), 'integer').as('clicked'),
              ])
              .as('s'),
          (join) => join.onTrue(),
        )
        .selectAll('c')
        .select(['s.launches', 's.partnersUsing', 's.sent', 's.clicked'])
        .orderBy('c.updatedAt', 'desc')
        .orderBy('c.id', 'asc')
        .execute(),
      matching.select((eb) => eb.cast<number>(eb.fn.countAll(), 'integer').as('total')).executeTakeFirstOrThrow(),
    ]);
    return { items, total: count.total };
  }

  /** What a partner's campaign list shows: published, eligible and available at `now`. */
  listPublishedForPartner(
    scope: TenantScope,
    partner: PartnerEligibility,
    filter: Omit<CampaignListFilter, 'status'>,
    now: Date,
  ): Promise<{ items: CampaignVersionRow[]; total: number }> {
    return listPublishedForPartner(this.db, scope, partner, filter, now);
  }

  /** A partner's catalogue at `now` (partner-campaigns.statements.ts). */
  catalogueForPartner(
    scope: TenantScope,
    partner: PartnerEligibility,
    filter: CatalogueFilter,
    now: Date,
  ): Promise<Found<CatalogueRow>> {
    return catalogueForPartner(this.db, scope, partner, filter, now);
  }

  /** The latest version a partner may launch, available or not (given `availableAt`, only when available then). */
  findPublishedForPartner(
    scope: TenantScope,
    partner: PartnerEligibility,
    campaignId: string,
    availableAt?: Date,
  ): Promise<CampaignVersionRow | null> {
    return findPublishedForPartner(this.db, scope, partner, campaignId, availableAt);
  }

  /**
   * Saves a draft only if nobody changed it since `expectedRevision` was read: edits are
   * validated outside any lock and this is where a concurrent edit is detected.
   */
  async saveDraft(
    scope: TenantScope,
    id: string,
    draft: CampaignContent,
    expectedRevision: number,
  ): Promise<number | null> {
    const saved = await this.db
      .updateTable('campaigns')
      .set((eb) => ({
        draft,
        name: draft.name,
        draftRevision: eb('draftRevision', '+', 1),
        updatedAt: eb.fn<Date>('now'),
      }))
      .where('id', '=', id)
      .where('draftRevision', '=', expectedRevision)
      .where('archivedAt', 'is', null)
      .where((eb) => vendorOwned(eb, scope, 'campaigns'))
      .returning('draftRevision')
      .executeTakeFirst();
    return saved?.draftRevision ?? null;
  }

  /**
   * Freezes the draft as the next numbered version, if it is still the one at
   * `expectedRevision` (the one that was checked); null otherwise. `tx`: the caller's
   * transaction (an approval records itself in the same one), else one of its own.
   */
  publishDraft(
    scope: TenantScope,
    id: string,
    expectedRevision: number,
    publishedBy: string,
    languageChoices: CampaignContent['languageChoices'] | null = null,
    within?: Tx,
  ): Promise<CampaignVersionRow | null> {
    const publish = async (tx: Executor): Promise<CampaignVersionRow | null> => {
      const campaign = await tx
        .selectFrom('campaigns')
        .selectAll()
        .where('id', '=', id)
        .where((eb) => vendorOwned(eb, scope, 'campaigns'))
        .forUpdate()
        .executeTakeFirst();
      const draft = campaign?.draft;
      if (!campaign || !draft || campaign.draftRevision !== expectedRevision) return null;
      const version = (campaign.latestVersion ?? 0) + 1;
      const saved = await tx
        .insertInto('campaignVersions')
        .values({
          campaignId: campaign.id,
          version,
          content: languageChoices ? { ...draft, languageChoices } : draft,
          publishedBy,
          tiers: draft.eligibility.tiers,
          regions: draft.eligibility.regions,
        })
        .returningAll()
        .executeTakeFirstOrThrow();
      await tx
        .updateTable('campaigns')
        .set((eb) => ({
          latestVersion: version,
          name: draft.name,
          draft: null,
          status: 'published',
          draftRevision: campaign.draftRevision + 1,
          updatedAt: eb.fn<Date>('now'),
        }))
        .where('id', '=', campaign.id)
        .execute();
      return saved;
    };
    return within ? publish(executorOf(this.db, within)) : this.db.transaction().execute(publish);
  }

  async update(scope: TenantScope, id: string, changes: CampaignChanges): Promise<CampaignRow | null> {
    const updated = await this.db
      .updateTable('campaigns')
      .set((eb) => ({ ...changes, updatedAt: eb.fn<Date>('now') }))
      .where('id', '=', id)
      .where((eb) => vendorOwned(eb, scope, 'campaigns'))
      .returningAll()
      .executeTakeFirst();
    return updated ?? null;
  }

  async hasLaunches(scope: TenantScope, campaignId: string): Promise<boolean> {
    const found = await this.db
      .selectFrom('launches')
      .select('id')
      .where('campaignId', '=', campaignId)
      .where((eb) => vendorOwned(eb, scope, 'launches'))
      .limit(1)
      .executeTakeFirst();
    return found !== undefined;
  }

  async delete(scope: TenantScope, id: string): Promise<void> {
    await this.db
      .deleteFrom('campaigns')
      .where('id', '=', id)
      .where((eb) => vendorOwned(eb, scope, 'campaigns'))
      .execute();
  }

  /** Newest first, each with who published it and how many launches pin it. */
  async listVersions(
    scope: TenantScope,
    campaignId: string,
    window: PageWindow,
  ): Promise<Found<CampaignVersionListRow>> {
    const matching = this.db
      .selectFrom('campaignVersions as v')
      .innerJoin('campaigns as c', 'c.id', 'v.campaignId')
      .where('v.campaignId', '=', campaignId)
      .where((eb) => vendorOwned(eb, scope, 'c'));
    const [items, count] = await Promise.all([
      matching
        .leftJoin('users as u', 'u.id', 'v.publishedBy')
        .selectAll('v')
        .select((eb) => [
          'u.email as publishedByEmail',
          eb
            .selectFrom('launches as l')
            .select((s) => s.cast<number>(s.fn.countAll(), 'integer').as('n'))
            .whereRef('l.campaignId', '=', 'v.campaignId')
            .whereRef('l.version', '=', 'v.version')
            .$asScalar()
            .$notNull()
            .as('launches'),
        ])
        .orderBy('v.version', 'desc')
        .limit(window.limit)
        .offset(window.offset)
        .execute(),
      matching.select((eb) => eb.cast<number>(eb.fn.countAll(), 'integer').as('total')).executeTakeFirstOrThrow(),
    ]);
    return { items, total: count.total };
  }

  async findVersion(scope: TenantScope, campaignId: string, version: number): Promise<CampaignVersionRow | null> {
    const found = await this.db
      .selectFrom('campaignVersions as v')
      .innerJoin('campaigns as c', 'c.id', 'v.campaignId')
      .selectAll('v')
      .where('v.campaignId', '=', campaignId)
      .where('v.version', '=', version)
      .where((eb) => vendorOwned(eb, scope, 'c'))
      .executeTakeFirst();
    return found ?? null;
  }

  /** The worker's read of the version a launch pinned. */
  async findVersionForSystem(id: string): Promise<CampaignVersionRow | null> {
    return (await this.db.selectFrom('campaignVersions').selectAll().where('id', '=', id).executeTakeFirst()) ?? null;
  }

  /** A campaign's slug (part of its landing pages' addresses; it never changes). */
  async slugForSystem(id: string): Promise<string | null> {
    return (await this.db.selectFrom('campaigns').select('slug').where('id', '=', id).executeTakeFirst())?.slug ?? null;
  }
}
