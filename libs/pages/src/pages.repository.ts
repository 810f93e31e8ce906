import { Injectable } from '@nestjs/common';
import {
  CampaignVersionRow,
  Database,
  executorOf,
  PartnerRow,
  partnerOwned,
  PartnerScope,
  Tx,
} from '@tcma/persistence';

export interface PageTarget {
  partner: PartnerRow;
  campaign: { id: string; slug: string };
  version: CampaignVersionRow;
}

/** The send a visitor came from, when it is one of this page's partner and campaign. */
export interface PageVisitSend {
  id: string;
  launchId: string;
  step: number;
}

/** The public side of landing pages: finding a page by its address, across tenants (the public route). */
@Injectable()
export class PagesRepository {
  constructor(private readonly db: Database) {}

  /** An active partner's page of a published, unarchived campaign of its vendor, at its latest version. */
  async findTargetForSystem(partnerSlug: string, campaignSlug: string): Promise<PageTarget | null> {
    const partner = await this.db
      .selectFrom('partners')
      .selectAll()
      .where('slug', '=', partnerSlug)
      .where('status', '=', 'active')
      .executeTakeFirst();
    if (!partner) return null;
    const row = await this.db
      .selectFrom('campaigns as c')
      .innerJoin('campaignVersions as v', (join) =>
        join.onRef('v.campaignId', '=', 'c.id').onRef('v.version', '=', 'c.latestVersion'),
      )
      .select('c.slug as campaignSlug')
      .selectAll('v')
      .where('c.vendorId', '=', partner.vendorId)
      .where('c.slug', '=', campaignSlug)
      .where('c.archivedAt', 'is', null)
      .executeTakeFirst();
    if (!row) return null;
    const { campaignSlug: slug, ...version } = row;
    return { partner, campaign: { id: version.campaignId, slug }, version };
  }

  /** The slugs of a partner and a campaign: the page's address. */
  async slugsForSystem(
    partnerId: string,
    campaignId: string,
  ): Promise<{ partnerSlug: string; campaignSlug: string } | null> {
    const row = await this.db
      .selectFrom('partners as p')
      .innerJoin('campaigns as c', 'c.vendorId', 'p.vendorId')
      .select(['p.slug as partnerSlug', 'c.slug as campaignSlug'])
      .where('p.id', '=', partnerId)
      .where('c.id', '=', campaignId)
      .executeTakeFirst();
    return row ?? null;
  }

  /** The send (by ledger id) if it went to this partner's prospect for this campaign. */
  async visitSend(scope: PartnerScope, sendId: string, campaignId: string, tx?: Tx): Promise<PageVisitSend | null> {
    const row = await executorOf(this.db, tx)
      .selectFrom('sends as s')
      .innerJoin('launches as l', 'l.id', 's.launchId')
      .select(['s.id', 's.launchId', 's.step'])
      .where('s.id', '=', sendId)
      .where('l.campaignId', '=', campaignId)
      .where((eb) => partnerOwned(eb, scope, 's'))
      .executeTakeFirst();
    return row ?? null;
  }
}
