import { Injectable } from '@nestjs/common';
import { sql } from 'kysely';
import {
  AudienceSpec,
  Database,
  executorOf,
  Found,
  MissingItem,
  PageWindow,
  PartnerScope,
  partnerOwned,
  PendingLaunchRow,
  PendingLaunchState,
  Role,
  TenantScope,
  Tx,
} from '@tcma/persistence';

/** A pending launch as the portal and the emails show it: with its campaign's and programme's names. */
export type PendingLaunchView = PendingLaunchRow & { campaignName: string; programmeId: string; programmeName: string };

export type PendingAction = 'launch' | 'skip' | 'edit' | 'auto_start' | 'cancel';
export type ActionVia = 'email' | 'portal' | 'system';

/** States a pending launch can still be acted on in. */
export const OPEN_STATES: readonly PendingLaunchState[] = ['pending', 'waiting_readiness'];

/** Pending launches: created in bulk at a publish, started by the sweep or the partner, skipped, cancelled. */
@Injectable()
export class PendingLaunchesRepository {
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

  /**
   * Open pending launches due at `now`, leased for `leaseMs` (their due time moves on, so a
   * second sweeper does not take them meanwhile; a crashed one's are taken again after it).
   */
  async claimDueForSystem(now: Date, leaseMs: number, limit: number): Promise<string[]> {
    const rows = await sql<{ id: string }>`
      UPDATE pending_launches SET due_at = ${new Date(now.getTime() + leaseMs)}
      WHERE id IN (
        SELECT id FROM pending_launches WHERE state IN ('pending', 'waiting_readiness') AND due_at <= ${now}
        ORDER BY due_at LIMIT ${limit} FOR UPDATE SKIP LOCKED
      )
      RETURNING id`.execute(this.db);
    return rows.rows.map((r) => r.id);
  }

  /**
   * Pending launches marked started with no launch, which only an engine older than the
   * one-transaction start could leave (its worker died between its two writes; today the mark, the
   * launch and the link commit together, so no one else ever sees that state). One whose partner
   * has a launch of that version written by it (no other pending launch's) is linked to it; the
   * others open again, due now, for the sweep to start once (the launch's unique pending launch id).
   */
  async finishStrandedForSystem(now: Date, limit: number): Promise<{ linked: number; reopened: number }> {
    const rows = await sql<{ linked: number; reopened: number }>`
      WITH stranded AS MATERIALIZED (
        SELECT pl.id, pl.partner_id, pl.campaign_version_id FROM pending_launches pl
        WHERE pl.state = 'started' AND pl.launch_id IS NULL
        ORDER BY pl.id LIMIT ${limit} FOR UPDATE SKIP LOCKED
      ), written AS MATERIALIZED (
        SELECT DISTINCT ON (s.id) s.id, l.id AS launch_id FROM stranded s
        JOIN launches l ON l.partner_id = s.partner_id AND l.campaign_version_id = s.campaign_version_id
          AND (l.pending_launch_id IS NULL OR l.pending_launch_id = s.id)
          AND NOT EXISTS (SELECT 1 FROM pending_launches o WHERE o.launch_id = l.id)
        ORDER BY s.id, l.created_at, l.id
      ), linked AS (
        UPDATE pending_launches pl SET launch_id = w.launch_id, updated_at = ${now}
        FROM written w WHERE pl.id = w.id
        RETURNING pl.id
      ), reopened AS (
        UPDATE pending_launches pl SET state = 'pending', reason = NULL, due_at = ${now}, updated_at = ${now}
        FROM stranded s WHERE pl.id = s.id AND NOT EXISTS (SELECT 1 FROM written w WHERE w.id = s.id)
        RETURNING pl.id
      )
      SELECT (SELECT count(*) FROM linked)::int AS linked, (SELECT count(*) FROM reopened)::int AS reopened`.execute(
      this.db,
    );
    return rows.rows[0];
  }

  async findForSystem(id: string): Promise<PendingLaunchView | null> {
    return (await this.view().where('pl.id', '=', id).executeTakeFirst()) ?? null;
  }

  async find(scope: TenantScope, id: string): Promise<PendingLaunchView | null> {
    return (
      (await this.view()
        .where('pl.id', '=', id)
        .where((eb) => partnerOwned(eb, scope, 'pl'))
        .executeTakeFirst()) ?? null
    );
  }

  /** The scope's pending launches, soonest due first (open ones), then the rest newest first. */
  async list(
    scope: TenantScope,
    filter: PageWindow & { states?: PendingLaunchState[]; programmeId?: string },
  ): Promise<Found<PendingLaunchView>> {
    let matching = this.view().where((eb) => partnerOwned(eb, scope, 'pl'));
    if (filter.states?.length) matching = matching.where('pl.state', 'in', filter.states);
    if (filter.programmeId) matching = matching.where('p.id', '=', filter.programmeId);
    let counted = this.db.selectFrom('pendingLaunches as pl').where((eb) => partnerOwned(eb, scope, 'pl'));
    if (filter.states?.length) counted = counted.where('pl.state', 'in', filter.states);
    if (filter.programmeId)
      counted = counted.where(
        'pl.subscriptionId',
        'in',
        this.db
          .selectFrom('programmeSubscriptions as s')
          .select('s.id')
          .where('s.programmeId', '=', filter.programmeId),
      );
    const [items, count] = await Promise.all([
      matching
        .orderBy(sql`CASE WHEN pl.state IN ('pending', 'waiting_readiness') THEN 0 ELSE 1 END`)
        .orderBy('pl.dueAt')
        .orderBy('pl.id')
        .limit(filter.limit)
        .offset(filter.offset)
        .execute(),
      counted.select((eb) => eb.cast<number>(eb.fn.countAll(), 'integer').as('total')).executeTakeFirstOrThrow(),
    ]);
    return { items, total: count.total };
  }

  /**
   * Moves an open pending launch of the scope to `state`; false when it was no longer open
   * (started, skipped or cancelled meanwhile). The one place a launch is decided: whoever
   * moves it first wins.
   */
  async close(
    scope: TenantScope,
    id: string,
    state: 'started' | 'skipped' | 'cancelled',
    reason: string | null,
    now: Date,
    tx?: Tx,
  ): Promise<boolean> {
    const moved = await executorOf(this.db, tx)
      .updateTable('pendingLaunches as pl')
      .set({ state, reason, updatedAt: now })
      .where('pl.id', '=', id)
      .where('pl.state', 'in', OPEN_STATES)
      .where((eb) => partnerOwned(eb, scope, 'pl'))
      .executeTakeFirst();
    return moved.numUpdatedRows > 0n;
  }

  /** Records the launch a started pending launch became. */
  async setLaunch(scope: PartnerScope, id: string, launchId: string, now: Date, tx?: Tx): Promise<void> {
    await executorOf(this.db, tx)
      .updateTable('pendingLaunches as pl')
      .set({ launchId, updatedAt: now })
      .where('pl.id', '=', id)
      .where((eb) => partnerOwned(eb, scope, 'pl'))
      .execute();
  }

  /** Puts a pending launch (back) to wait for the partner's readiness, checked again at `dueAt`. */
  async waitForReadiness(
    scope: PartnerScope,
    id: string,
    missing: MissingItem[],
    dueAt: Date,
    now: Date,
  ): Promise<void> {
    await this.db
      .updateTable('pendingLaunches as pl')
      .set({
        state: 'waiting_readiness',
        missing: sql<MissingItem[]>`${JSON.stringify(missing)}::jsonb`,
        dueAt,
        updatedAt: now,
      })
      .where('pl.id', '=', id)
      .where('pl.state', 'in', OPEN_STATES)
      .where((eb) => partnerOwned(eb, scope, 'pl'))
      .execute();
  }

  /** Back to `pending` once ready (the missing items are cleared), keeping its due time. */
  async markReady(scope: PartnerScope, id: string, now: Date): Promise<void> {
    await this.db
      .updateTable('pendingLaunches as pl')
      .set({ state: 'pending', missing: sql<MissingItem[]>`'[]'::jsonb`, updatedAt: now })
      .where('pl.id', '=', id)
      .where('pl.state', '=', 'waiting_readiness')
      .where((eb) => partnerOwned(eb, scope, 'pl'))
      .execute();
  }

  /** The partner's changes before it starts; false when no longer open. */
  async edit(
    scope: TenantScope,
    id: string,
    changes: { audience?: AudienceSpec; slotValues?: Record<string, string>; dueAt?: Date },
    now: Date,
  ): Promise<boolean> {
    const moved = await this.db
      .updateTable('pendingLaunches as pl')
      .set({ ...changes, updatedAt: now })
      .where('pl.id', '=', id)
      .where('pl.state', 'in', OPEN_STATES)
      .where((eb) => partnerOwned(eb, scope, 'pl'))
      .executeTakeFirst();
    return moved.numUpdatedRows > 0n;
  }

  /** Cancels every open pending launch of a subscription (unsubscribing); their ids. */
  async cancelOpenOfSubscription(scope: TenantScope, subscriptionId: string, now: Date, tx?: Tx): Promise<string[]> {
    const rows = await executorOf(this.db, tx)
      .updateTable('pendingLaunches as pl')
      .set({ state: 'cancelled', reason: 'unsubscribed', updatedAt: now })
      .where('pl.subscriptionId', '=', subscriptionId)
      .where('pl.state', 'in', OPEN_STATES)
      .where((eb) => partnerOwned(eb, scope, 'pl'))
      .returning('pl.id')
      .execute();
    return rows.map((r) => r.id);
  }

  async markNotified(scope: PartnerScope, id: string, now: Date): Promise<void> {
    await this.db
      .updateTable('pendingLaunches as pl')
      .set({ notifiedAt: now })
      .where('pl.id', '=', id)
      .where((eb) => partnerOwned(eb, scope, 'pl'))
      .execute();
  }

  /** Who did what, when, and how; `userId` null for the system. */
  async recordAction(
    scope: TenantScope,
    id: string,
    action: PendingAction,
    via: ActionVia,
    userId: string | null,
    at: Date,
    tx?: Tx,
  ): Promise<void> {
    await executorOf(this.db, tx)
      .insertInto('pendingLaunchActions')
      .columns(['pendingLaunchId', 'action', 'via', 'userId', 'at'])
      .expression((eb) =>
        eb
          .selectFrom('pendingLaunches as pl')
          .select([
            'pl.id',
            eb.val(action).as('action'),
            eb.val(via).as('via'),
            eb.val(userId).as('userId'),
            eb.val(at).as('at'),
          ])
          .where('pl.id', '=', id)
          .where((w) => partnerOwned(w, scope, 'pl')),
      )
      .execute();
  }

  async actions(
    scope: TenantScope,
    id: string,
  ): Promise<Array<{ action: string; via: string; userId: string | null; at: Date }>> {
    return this.db
      .selectFrom('pendingLaunchActions as a')
      .innerJoin('pendingLaunches as pl', 'pl.id', 'a.pendingLaunchId')
      .select(['a.action', 'a.via', 'a.userId', 'a.at'])
      .where('pl.id', '=', id)
      .where((eb) => partnerOwned(eb, scope, 'pl'))
      .orderBy('a.id')
      .execute();
  }

  /** The partner's active users: who is told about its pending launches. */
  async recipients(
    scope: PartnerScope,
  ): Promise<Array<{ id: string; email: string; name: string; locale: string | null }>> {
    return this.db
      .selectFrom('users as u')
      .select(['u.id', 'u.email', 'u.name', 'u.locale'])
      .where((eb) => partnerOwned(eb, scope, 'u'))
      .where('u.disabledAt', 'is', null)
      .orderBy('u.email')
      .execute();
  }

  /** The user an automatic start acts as: the subscriber when still active, else the partner's oldest active user. */
  async actingUser(
    scope: PartnerScope,
    preferred: string | null,
  ): Promise<{ id: string; role: Role; locale: string | null } | null> {
    const row = await this.db
      .selectFrom('users as u')
      .select(['u.id', 'u.role', 'u.locale'])
      .where((eb) => partnerOwned(eb, scope, 'u'))
      .where('u.disabledAt', 'is', null)
      .orderBy(sql`u.id = ${preferred}`, (ob) => ob.desc().nullsLast())
      .orderBy('u.createdAt')
      .limit(1)
      .executeTakeFirst();
    return row ?? null;
  }

  /**
   * Partners with open pending launches and no launch of their own started in the last
   * `quietMs` (the weekly digest's readers), with how many are waiting.
   */
  async quietPartnersForSystem(
    now: Date,
    quietMs: number,
    limit: number,
  ): Promise<Array<{ vendorId: string; partnerId: string; open: number }>> {
    const since = new Date(now.getTime() - quietMs);
    const rows = await sql<{ vendorId: string; partnerId: string; open: number }>`
      SELECT pl.vendor_id, pl.partner_id, count(*)::int AS open
      FROM pending_launches pl
      WHERE pl.state IN ('pending', 'waiting_readiness')
        AND NOT EXISTS (SELECT 1 FROM launches l WHERE l.partner_id = pl.partner_id AND l.created_at > ${since})
      GROUP BY pl.vendor_id, pl.partner_id
      ORDER BY pl.partner_id
      LIMIT ${limit}`.execute(this.db);
    return rows.rows;
  }

  private view() {
    return this.db
      .selectFrom('pendingLaunches as pl')
      .innerJoin('campaigns as c', 'c.id', 'pl.campaignId')
      .innerJoin('programmeSubscriptions as s', 's.id', 'pl.subscriptionId')
      .innerJoin('programmes as p', 'p.id', 's.programmeId')
      .selectAll('pl')
      .select(['c.name as campaignName', 'p.id as programmeId', 'p.name as programmeName']);
  }
}
