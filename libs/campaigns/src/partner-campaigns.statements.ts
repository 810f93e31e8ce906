import type { CampaignContent } from '@tcma/campaign-model';
import {
  CampaignVersionRow,
  containing,
  Database,
  Found,
  PageWindow,
  TenantScope,
  vendorOwned,
} from '@tcma/persistence';
import { sql } from 'kysely';

/** The reads of what a partner may launch: its campaign list, its catalogue, one campaign. */

/** A page of a partner's campaign list, optionally searched by name. */
export interface PartnerListFilter extends PageWindow {
  search?: string;
}

export interface PartnerEligibility {
  tier: string;
  region: string;
}

export interface CatalogueFilter extends PageWindow {
  search?: string;
  tag?: string;
  assetType?: 'email' | 'pdf' | 'social';
  language?: string;
}

/** A catalogue entry: the latest version a partner may use, with the campaign's catalogue metadata. */
export type CatalogueRow = CampaignVersionRow & { promoted: boolean; firstPublishedAt: Date };

/**
 * The latest published versions of the scope's vendor a partner may launch: not archived, tier
 * and region eligible, and, given `availableAt`, inside the campaign's catalogue dates.
 */
function publishedForPartner(
  db: Database,
  scope: TenantScope,
  partner: PartnerEligibility,
  search?: string,
  availableAt?: Date,
) {
  return db
    .selectFrom('campaignVersions as v')
    .innerJoin('campaigns as c', (join) =>
      join.onRef('c.id', '=', 'v.campaignId').onRef('c.latestVersion', '=', 'v.version'),
    )
    .where((eb) => {
      const conditions = [
        vendorOwned(eb, scope, 'c'),
        eb('c.status', '=', 'published'),
        // An empty list admits every tier (region).
        eb.or([eb(eb.fn('cardinality', ['v.tiers']), '=', 0), eb(eb.val(partner.tier), '=', eb.fn.any('v.tiers'))]),
        eb.or([
          eb(eb.fn('cardinality', ['v.regions']), '=', 0),
          eb(eb.val(partner.region), '=', eb.fn.any('v.regions')),
        ]),
      ];
      if (search) conditions.push(eb('c.name', 'ilike', containing(search)));
      if (availableAt) {
        conditions.push(eb.or([eb('c.availableFrom', 'is', null), eb('c.availableFrom', '<=', availableAt)]));
        conditions.push(eb.or([eb('c.availableUntil', 'is', null), eb('c.availableUntil', '>', availableAt)]));
      }
      return eb.and(conditions);
    });
}

/** What a partner's campaign list shows: published, eligible and available at `now`. */
export async function listPublishedForPartner(
  db: Database,
  scope: TenantScope,
  partner: PartnerEligibility,
  filter: PartnerListFilter,
  now: Date,
): Promise<{ items: CampaignVersionRow[]; total: number }> {
  const matching = publishedForPartner(db, scope, partner, filter.search, now);
  const [items, count] = await Promise.all([
    matching
      .selectAll('v')
      .orderBy('v.publishedAt', 'desc')
      .orderBy('c.id', 'asc')
      .limit(filter.limit)
      .offset(filter.offset)
      .execute(),
    matching.select((eb) => eb.cast<number>(eb.fn.countAll(), 'integer').as('total')).executeTakeFirstOrThrow(),
  ]);
  return { items, total: count.total };
}

/**
 * A partner's catalogue at `now`: what it may launch and is available, filtered by tag, asset
 * type and language (JSON containment on the version's content), promoted first, then newest.
 */
export async function catalogueForPartner(
  db: Database,
  scope: TenantScope,
  partner: PartnerEligibility,
  filter: CatalogueFilter,
  now: Date,
): Promise<Found<CatalogueRow>> {
  const contains = (fragment: object) => sql<CampaignContent>`${JSON.stringify(fragment)}::jsonb`;
  const matching = publishedForPartner(db, scope, partner, filter.search, now).where((eb) => {
    const conditions = [];
    if (filter.tag) conditions.push(eb('v.content', '@>', contains({ tags: [filter.tag] })));
    if (filter.language) {
      // The campaign's own language, or one an asset (email, PDF, social post) was translated into and not held back at publishing.
      const tag = filter.language;
      conditions.push(
        eb.or([
          eb('v.content', '@>', contains({ language: tag })),
          eb.and([
            sql<boolean>`exists (select 1 from jsonb_array_elements(${eb.ref('v.content')}->'assets') a where a->'variants' ? ${tag})`,
            eb.not(eb('v.content', '@>', contains({ languageChoices: { [tag]: 'hold' } }))),
          ]),
        ]),
      );
    }
    if (filter.assetType) conditions.push(eb('v.content', '@>', contains({ assets: [{ kind: filter.assetType }] })));
    return eb.and(conditions);
  });
  const [items, count] = await Promise.all([
    matching
      .selectAll('v')
      .select((eb) => [
        'c.promoted',
        eb
          .selectFrom('campaignVersions as first')
          .select((f) => f.fn.min<Date>('first.publishedAt').as('at'))
          .whereRef('first.campaignId', '=', 'c.id')
          .$asScalar()
          .$notNull()
          .as('firstPublishedAt'),
      ])
      .orderBy('c.promoted', 'desc')
      .orderBy('v.publishedAt', 'desc')
      .orderBy('c.id', 'asc')
      .limit(filter.limit)
      .offset(filter.offset)
      .execute(),
    matching.select((eb) => eb.cast<number>(eb.fn.countAll(), 'integer').as('total')).executeTakeFirstOrThrow(),
  ]);
  return { items, total: count.total };
}

/** The latest version a partner may launch, available or not (given `availableAt`, only when available then). */
export async function findPublishedForPartner(
  db: Database,
  scope: TenantScope,
  partner: PartnerEligibility,
  campaignId: string,
  availableAt?: Date,
): Promise<CampaignVersionRow | null> {
  return (
    (await publishedForPartner(db, scope, partner, undefined, availableAt)
      .selectAll('v')
      .where('c.id', '=', campaignId)
      .executeTakeFirst()) ?? null
  );
}
