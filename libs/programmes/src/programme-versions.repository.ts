import { Injectable } from '@nestjs/common';
import { sql } from 'kysely';
import type { CampaignContent } from '@tcma/campaign-model';
import { Database, PartnerScope } from '@tcma/persistence';

/** A campaign's latest published version that a programme offers a partner now. */
export interface OfferedVersion {
  campaignId: string;
  campaignName: string;
  version: number;
  content: CampaignContent;
}

/** What a programme holds for one partner today: the versions its subscription's defaults apply to. */
@Injectable()
export class ProgrammeVersionsRepository {
  constructor(private readonly db: Database) {}

  /**
   * The latest published version of each campaign of the programme (by name or by tag) that the
   * partner may launch now (available, and of its tier and region), by campaign name. The same
   * choice as the offer of a subscription's current versions (pending-launch-offers.repository.ts).
   */
  async offeredNow(scope: PartnerScope, programmeId: string, now: Date): Promise<OfferedVersion[]> {
    const rows = await sql<OfferedVersion>`
      SELECT c.id AS "campaignId", v.content->>'name' AS "campaignName", v.version, v.content
      FROM programmes p
      JOIN partners pa ON pa.id = ${scope.partnerId} AND pa.vendor_id = p.vendor_id
      JOIN campaigns c ON c.vendor_id = p.vendor_id AND c.status = 'published'
        AND (c.available_from IS NULL OR c.available_from <= ${now})
        AND (c.available_until IS NULL OR c.available_until > ${now})
      JOIN campaign_versions v ON v.campaign_id = c.id AND v.version = c.latest_version
        AND (cardinality(v.tiers) = 0 OR pa.tier = ANY(v.tiers))
        AND (cardinality(v.regions) = 0 OR pa.region = ANY(v.regions))
      WHERE p.id = ${programmeId} AND p.vendor_id = ${scope.vendorId}
        AND ((p.tag IS NOT NULL AND v.content->'tags' ? p.tag)
          OR EXISTS (SELECT 1 FROM programme_campaigns pc WHERE pc.programme_id = p.id AND pc.campaign_id = c.id))
      ORDER BY v.content->>'name', c.id`.execute(this.db);
    return rows.rows;
  }
}
