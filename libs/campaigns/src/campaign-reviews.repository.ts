import { Injectable } from '@nestjs/common';
import type { Selectable } from 'kysely';
import type { Locale } from '@tcma/locales';
import type { DB, ReviewEventKind, ReviewStatus, TenantScope, Tx } from '@tcma/persistence';
import { Database, executorOf, vendorOwned } from '@tcma/persistence';

export type CampaignReviewRow = Selectable<DB['campaignReviews']>;

/** One step of a review's trail, with the name and email of who took it (null once deleted, or for the engine). */
export interface ReviewEventRow {
  id: string;
  reviewId: string;
  kind: ReviewEventKind;
  actorId: string | null;
  actorName: string | null;
  actorEmail: string | null;
  draftRevision: number;
  assetId: string | null;
  body: string | null;
  at: Date;
}

export interface NewReviewEvent {
  kind: ReviewEventKind;
  actorId: string | null;
  draftRevision: number;
  assetId?: string | null;
  body?: string | null;
  at: Date;
}

/** A pending review across the vendor's campaigns: what waits for its approvers. */
export type WaitingReviewRow = CampaignReviewRow & { campaignName: string; requestedByName: string | null };

/** Reviews of campaign drafts and their audit trail; every method takes the caller's vendor scope. */
@Injectable()
export class CampaignReviewsRepository {
  constructor(private readonly db: Database) {}

  /**
   * Opens a review of `draftRevision` with its first step, or returns null when the campaign
   * already has one pending (the partial unique index decides, so two at once cannot both open).
   */
  async open(
    scope: TenantScope,
    review: { campaignId: string; draftRevision: number; languageChoices: Record<string, string> | null },
    requested: { by: string; at: Date; note: string | null },
  ): Promise<CampaignReviewRow | null> {
    return this.db.transaction().execute(async (tx) => {
      const row = await tx
        .insertInto('campaignReviews')
        .values({
          vendorId: scope.vendorId,
          campaignId: review.campaignId,
          draftRevision: review.draftRevision,
          languageChoices: review.languageChoices,
          requestedBy: requested.by,
          requestedAt: requested.at,
        })
        .onConflict((oc) => oc.column('campaignId').where('status', '=', 'pending').doNothing())
        .returningAll()
        .executeTakeFirst();
      if (!row) return null;
      await tx
        .insertInto('campaignReviewEvents')
        .values({
          reviewId: row.id,
          vendorId: scope.vendorId,
          kind: 'requested',
          actorId: requested.by,
          draftRevision: review.draftRevision,
          body: requested.note,
          at: requested.at,
        })
        .execute();
      return row;
    });
  }

  async find(scope: TenantScope, campaignId: string, id: string): Promise<CampaignReviewRow | null> {
    return (
      (await this.db
        .selectFrom('campaignReviews')
        .selectAll()
        .where('id', '=', id)
        .where('campaignId', '=', campaignId)
        .where((eb) => vendorOwned(eb, scope, 'campaignReviews'))
        .executeTakeFirst()) ?? null
    );
  }

  /** The campaign's reviews, newest first. */
  async list(scope: TenantScope, campaignId: string): Promise<CampaignReviewRow[]> {
    return this.db
      .selectFrom('campaignReviews')
      .selectAll()
      .where('campaignId', '=', campaignId)
      .where((eb) => vendorOwned(eb, scope, 'campaignReviews'))
      .orderBy('requestedAt', 'desc')
      .orderBy('id')
      .execute();
  }

  /** The trails of these reviews, oldest step first. */
  async events(scope: TenantScope, reviewIds: string[]): Promise<ReviewEventRow[]> {
    if (!reviewIds.length) return [];
    return this.db
      .selectFrom('campaignReviewEvents as e')
      .leftJoin('users as u', 'u.id', 'e.actorId')
      .select([
        'e.id',
        'e.reviewId',
        'e.kind',
        'e.actorId',
        'u.name as actorName',
        'u.email as actorEmail',
        'e.draftRevision',
        'e.assetId',
        'e.body',
        'e.at',
      ])
      .where('e.reviewId', 'in', reviewIds)
      .where('e.vendorId', '=', scope.vendorId)
      .orderBy('e.at')
      .orderBy('e.id')
      .execute();
  }

  async addEvent(scope: TenantScope, reviewId: string, event: NewReviewEvent, within?: Tx): Promise<void> {
    await executorOf(this.db, within)
      .insertInto('campaignReviewEvents')
      .values({ reviewId, vendorId: scope.vendorId, ...event })
      .execute();
  }

  /**
   * Closes a pending review as `status` with its step in the trail, in one statement (in the
   * caller's transaction when given); false when it was no longer pending (decided or voided meanwhile).
   */
  async decide(
    scope: TenantScope,
    id: string,
    decision: { status: Exclude<ReviewStatus, 'pending'>; publishedVersion?: number },
    event: NewReviewEvent,
    within?: Tx,
  ): Promise<boolean> {
    const done = await executorOf(this.db, within)
      .with('decided', (db) =>
        db
          .updateTable('campaignReviews')
          .set({
            status: decision.status,
            decidedBy: event.actorId,
            decidedAt: event.at,
            publishedVersion: decision.publishedVersion ?? null,
          })
          .where('id', '=', id)
          .where('status', '=', 'pending')
          .where((eb) => vendorOwned(eb, scope, 'campaignReviews'))
          .returning(['id', 'vendorId']),
      )
      .insertInto('campaignReviewEvents')
      .columns(['reviewId', 'vendorId', 'kind', 'actorId', 'draftRevision', 'assetId', 'body', 'at'])
      .expression((db) =>
        db
          .selectFrom('decided')
          .select((eb) => [
            'decided.id',
            'decided.vendorId',
            eb.val(event.kind).as('kind'),
            eb.val(event.actorId).as('actorId'),
            eb.val(event.draftRevision).as('draftRevision'),
            eb.val(event.assetId ?? null).as('assetId'),
            eb.val(event.body ?? null).as('body'),
            eb.val(event.at).as('at'),
          ]),
      )
      .returning('id')
      .executeTakeFirst();
    return done !== undefined;
  }

  /**
   * Voids the campaign's pending review when the draft it was asked for is no longer the draft
   * (an edit made `revision`), with the edit's author and time in the trail; true when one was.
   */
  async voidOutdated(
    scope: TenantScope,
    campaignId: string,
    revision: number,
    by: string | null,
    at: Date,
  ): Promise<boolean> {
    const pending = await this.db
      .selectFrom('campaignReviews')
      .select(['id', 'draftRevision'])
      .where('campaignId', '=', campaignId)
      .where('status', '=', 'pending')
      .where('draftRevision', '<>', revision)
      .where((eb) => vendorOwned(eb, scope, 'campaignReviews'))
      .executeTakeFirst();
    if (!pending) return false;
    return this.decide(
      scope,
      pending.id,
      { status: 'voided' },
      {
        kind: 'voided',
        actorId: by,
        draftRevision: revision,
        at,
      },
    );
  }

  /** The pending reviews of the vendor's campaigns, oldest first: what its approvers have to do. */
  async waiting(scope: TenantScope, limit: number): Promise<{ items: WaitingReviewRow[]; total: number }> {
    const base = this.db
      .selectFrom('campaignReviews as r')
      .where('r.status', '=', 'pending')
      .where('r.vendorId', '=', scope.vendorId);
    const [items, total] = await Promise.all([
      base
        .innerJoin('campaigns as c', 'c.id', 'r.campaignId')
        .leftJoin('users as u', 'u.id', 'r.requestedBy')
        .selectAll('r')
        .select(['c.name as campaignName', 'u.name as requestedByName'])
        .orderBy('r.requestedAt')
        .orderBy('r.id')
        .limit(limit)
        .execute(),
      base.select((eb) => eb.fn.countAll<string>().as('n')).executeTakeFirstOrThrow(),
    ]);
    return { items, total: Number(total.n) };
  }

  /**
   * Who approves for the vendor: its enabled approvers and admins, but never `except` (who asked;
   * null when no user did, as a launch the system started).
   */
  async approvers(
    scope: TenantScope,
    except: string | null,
  ): Promise<Array<{ id: string; email: string; locale: Locale | null }>> {
    return this.db
      .selectFrom('users')
      .select(['id', 'email', 'locale'])
      .where('vendorId', '=', scope.vendorId)
      .where('partnerId', 'is', null)
      .where('role', 'in', ['vendor_admin', 'vendor_approver'])
      .where('disabledAt', 'is', null)
      .$if(except !== null, (q) => q.where('id', '<>', except as string))
      .orderBy('email')
      .execute();
  }
}
