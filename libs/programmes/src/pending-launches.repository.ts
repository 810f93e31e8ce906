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

/** States a pending launch can still be acted on in. */
export const OPEN_STATES: readonly PendingLaunchState[] = ['pending', 'waiting_readiness'];

/**
 * Pending launches: started by the sweep or the partner, skipped, cancelled, edited (created in
 * PendingLaunchOffersRepository, their action history in PendingLaunchActionsRepository).
 */
@Injectable()
export class PendingLaunchesRepository {
  constructor(private readonly db: Database) {}

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
