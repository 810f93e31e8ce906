import { Injectable } from '@nestjs/common';
import { sql } from 'kysely';
import { Database, PartnerScope, PendingLaunchState } from '@tcma/persistence';

/**
 * Offering versions to subscribers: the fan-out at a publish, the sweep's catch-up of versions
 * never offered, and a partner's "launch the current version now".
 */
@Injectable()
export class PendingLaunchOffersRepository {
  constructor(private readonly db: Database) {}

  /**
   * One pending launch per subscriber of a programme holding this version's campaign (by
   * membership or tag) whose partner is active and eligible, and who subscribed before the
   * version was published (or its campaign became available): one INSERT … SELECT, whatever
   * the count. A partner subscribed through two programmes gets one (its oldest subscription);
   * the unique (subscription, version) key makes a second run (a publish handled twice, two
   * workers racing) insert nothing. A subscription at its weekly cap gets the row as
   * `skipped` (reason `weekly_cap`), so the partner sees what it missed. Returns the new
   * open ones.
   */
  async fanOutForSystem(campaignVersionId: string, now: Date): Promise<string[]> {
    const weekAgo = new Date(now.getTime() - 7 * 86_400_000);
    // The version and its programmes are found once (materialized: the version's content is
    // read once, not per subscriber), then joined to the subscriptions.
    const rows = await sql<{ id: string; state: PendingLaunchState }>`
      WITH version AS MATERIALIZED (
        SELECT v.id, v.campaign_id, v.version, v.tiers, v.regions, c.vendor_id, v.content->'tags' AS tags,
               GREATEST(v.published_at, c.available_from) AS offered_from
        FROM campaign_versions v JOIN campaigns c ON c.id = v.campaign_id
        WHERE v.id = ${campaignVersionId} AND c.status = 'published'
      ), holding AS MATERIALIZED (
        SELECT p.id FROM programmes p JOIN version ON p.vendor_id = version.vendor_id
        WHERE (p.tag IS NOT NULL AND version.tags ? p.tag) OR EXISTS (SELECT 1 FROM programme_campaigns pc WHERE pc.programme_id = p.id AND pc.campaign_id = version.campaign_id)
      ), chosen AS (
        SELECT DISTINCT ON (s.partner_id) s.id, s.vendor_id, s.partner_id, s.audience, s.slot_values, s.review_hours, s.weekly_cap, version.id AS version_id, version.campaign_id, version.version
        FROM version
        JOIN programme_subscriptions s ON s.vendor_id = version.vendor_id AND s.status = 'active' AND s.programme_id IN (SELECT id FROM holding)
          AND s.subscribed_at <= version.offered_from
        JOIN partners pa ON pa.id = s.partner_id AND pa.status = 'active'
          AND (cardinality(version.tiers) = 0 OR pa.tier = ANY(version.tiers))
          AND (cardinality(version.regions) = 0 OR pa.region = ANY(version.regions))
        WHERE NOT EXISTS (SELECT 1 FROM pending_launches o WHERE o.partner_id = s.partner_id AND o.campaign_version_id = version.id)
        ORDER BY s.partner_id, s.created_at, s.id
      ), capped AS (
        SELECT chosen.*, (chosen.weekly_cap IS NOT NULL AND (
          SELECT count(*) FROM pending_launches q
          WHERE q.subscription_id = chosen.id AND q.created_at > ${weekAgo} AND q.state IN ('pending', 'waiting_readiness', 'started')
        ) >= chosen.weekly_cap) AS over_cap
        FROM chosen
      )
      INSERT INTO pending_launches (vendor_id, partner_id, subscription_id, campaign_id, campaign_version_id, version, audience, slot_values, due_at, state, reason, created_at, updated_at)
      SELECT vendor_id, partner_id, id, campaign_id, version_id, version, audience, slot_values,
             ${now}::timestamptz + review_hours * interval '1 hour',
             CASE WHEN over_cap THEN 'skipped' ELSE 'pending' END,
             CASE WHEN over_cap THEN 'weekly_cap' END,
             ${now}, ${now}
      FROM capped
      ON CONFLICT (subscription_id, campaign_version_id) DO NOTHING
      RETURNING id, state`.execute(this.db);
    return rows.rows.filter((r) => r.state === 'pending').map((r) => r.id);
  }

  /**
   * The partner's explicit "launch the current version now" on one active subscription: for each
   * campaign its programme holds that is offered to the partner at `now` (published, inside its
   * dates, eligible by tier and region), the latest version gets a pending launch due now, unless
   * the partner has already settled that version (through any subscription): one open or started
   * is kept, and one the partner skipped stays skipped. One the engine closed without the
   * partner's word (skipped by the weekly cap, cancelled by unsubscribing or while the campaign
   * was unavailable) opens again, due now, with the subscription's defaults of today: the partner
   * asked, so no weekly cap. Returns the ids of the pending launches of those versions, kept,
   * reopened and new, so asking twice answers the same ones.
   */
  async offerCurrentOfSubscription(scope: PartnerScope, subscriptionId: string, now: Date): Promise<string[]> {
    const rows = await sql<{ id: string }>`
      WITH sub AS MATERIALIZED (
        SELECT s.* FROM programme_subscriptions s
        JOIN partners pa ON pa.id = s.partner_id AND pa.status = 'active'
        WHERE s.id = ${subscriptionId} AND s.vendor_id = ${scope.vendorId} AND s.partner_id = ${scope.partnerId} AND s.status = 'active'
      ), current AS MATERIALIZED (
        SELECT v.id, v.campaign_id, v.version
        FROM sub
        JOIN programmes p ON p.id = sub.programme_id
        JOIN campaigns c ON c.vendor_id = sub.vendor_id AND c.status = 'published'
          AND (c.available_from IS NULL OR c.available_from <= ${now})
          AND (c.available_until IS NULL OR c.available_until > ${now})
        JOIN campaign_versions v ON v.campaign_id = c.id AND v.version = c.latest_version
        JOIN partners pa ON pa.id = sub.partner_id
          AND (cardinality(v.tiers) = 0 OR pa.tier = ANY(v.tiers))
          AND (cardinality(v.regions) = 0 OR pa.region = ANY(v.regions))
        WHERE (p.tag IS NOT NULL AND v.content->'tags' ? p.tag)
          OR EXISTS (SELECT 1 FROM programme_campaigns pc WHERE pc.programme_id = p.id AND pc.campaign_id = c.id)
      ), settled AS MATERIALIZED (
        SELECT o.id, o.campaign_version_id FROM pending_launches o JOIN current ON o.campaign_version_id = current.id
        WHERE o.partner_id = ${scope.partnerId} AND o.vendor_id = ${scope.vendorId}
          AND (o.state IN ('pending', 'waiting_readiness', 'started') OR (o.state = 'skipped' AND o.reason = 'partner'))
      ), reopened AS (
        UPDATE pending_launches o
        SET state = 'pending', reason = NULL, missing = '[]'::jsonb, due_at = ${now},
            audience = sub.audience, slot_values = sub.slot_values, updated_at = ${now}
        FROM sub, current
        WHERE o.subscription_id = sub.id AND o.campaign_version_id = current.id
          AND o.vendor_id = ${scope.vendorId} AND o.partner_id = ${scope.partnerId}
          AND o.state IN ('skipped', 'cancelled') AND o.launch_id IS NULL
          AND NOT EXISTS (SELECT 1 FROM settled WHERE settled.campaign_version_id = current.id)
        RETURNING o.id
      ), offered AS (
        INSERT INTO pending_launches (vendor_id, partner_id, subscription_id, campaign_id, campaign_version_id, version, audience, slot_values, due_at, state, created_at, updated_at)
        SELECT sub.vendor_id, sub.partner_id, sub.id, current.campaign_id, current.id, current.version, sub.audience, sub.slot_values, ${now}, 'pending', ${now}, ${now}
        FROM sub, current
        WHERE NOT EXISTS (SELECT 1 FROM settled WHERE settled.campaign_version_id = current.id)
          AND NOT EXISTS (SELECT 1 FROM pending_launches o WHERE o.subscription_id = sub.id AND o.campaign_version_id = current.id)
        ON CONFLICT (subscription_id, campaign_version_id) DO NOTHING
        RETURNING id
      )
      SELECT id FROM settled
      UNION
      SELECT id FROM reopened
      UNION
      SELECT id FROM offered`.execute(this.db);
    return rows.rows.map((r) => r.id);
  }

  /** A version's campaign dates and state (is it offered now?), or null when the version is gone. */
  async campaignOfVersionForSystem(
    campaignVersionId: string,
  ): Promise<{ status: string; availableFrom: Date | null; availableUntil: Date | null } | null> {
    const row = await this.db
      .selectFrom('campaignVersions as v')
      .innerJoin('campaigns as c', 'c.id', 'v.campaignId')
      .select(['c.status', 'c.availableFrom', 'c.availableUntil'])
      .where('v.id', '=', campaignVersionId)
      .executeTakeFirst();
    return row ?? null;
  }

  /**
   * Versions that should have been offered and were not: the latest version of each campaign of
   * a programme with subscribers, published or made available (catalogue dates) in the last
   * `withinMs`, available at `now`, with no pending launch yet (its publish job was lost, or it
   * was not available then). The fan-out of each is idempotent, so asking twice is harmless.
   */
  async versionsToOfferForSystem(now: Date, withinMs: number): Promise<string[]> {
    const since = new Date(now.getTime() - withinMs);
    const rows = await sql<{ id: string }>`
      SELECT v.id FROM campaigns c
      JOIN campaign_versions v ON v.campaign_id = c.id AND v.version = c.latest_version
      WHERE c.status = 'published'
        AND (v.published_at > ${since} OR (c.available_from > ${since} AND c.available_from <= ${now}))
        AND (c.available_from IS NULL OR c.available_from <= ${now})
        AND (c.available_until IS NULL OR c.available_until > ${now})
        AND EXISTS (
          SELECT 1 FROM programmes p JOIN programme_subscriptions s ON s.programme_id = p.id AND s.status = 'active'
            AND s.subscribed_at <= GREATEST(v.published_at, c.available_from)
          WHERE p.vendor_id = c.vendor_id AND ((p.tag IS NOT NULL AND v.content->'tags' ? p.tag) OR EXISTS (SELECT 1 FROM programme_campaigns pc WHERE pc.programme_id = p.id AND pc.campaign_id = c.id)))
        AND NOT EXISTS (SELECT 1 FROM pending_launches o WHERE o.campaign_version_id = v.id)
      LIMIT 100`.execute(this.db);
    return rows.rows.map((r) => r.id);
  }
}
