import { Injectable } from '@nestjs/common';
import { sql } from 'kysely';
import { claimantAlive, Database, SocialDeliveryStatus, SocialNetwork } from '@tcma/persistence';

/** What the publisher needs about one claimed delivery. */
export interface ClaimedDelivery {
  id: string;
  postId: string;
  vendorId: string;
  partnerId: string;
  network: SocialNetwork;
  attempts: number;
  /** The account chosen for it; null: the network's default. */
  connectionId: string | null;
  campaignId: string;
  campaignVersionId: string;
  version: number;
  assetId: string;
  text: string;
  /** When the post was due: the window findPublished looks in starts here. */
  dueAt: Date;
  /** The engine's reference to the post the last try created (recorded before its creating call); null: none was made. */
  remoteRef: string | null;
  /** Rate-limit waits granted so far, in ms (MAX_THROTTLED_MS bounds them). */
  throttledMs: number;
}

export type DeliveryOutcome =
  | { status: 'published'; remoteId: string; url: string | null; at: Date }
  | { status: 'uncertain'; error: string; checkAt: Date }
  /** A rate limit: `throttledMs` is added to the delivery's, and the claim's attempt given back. */
  | { status: 'waiting'; error: string; until: Date; throttledMs: number }
  | { status: 'scheduled'; error: string; retryAt: Date }
  /** `uncounted`: the claim's attempt is given back (the call was refused by a rate limit). */
  | { status: 'failed'; error: string; uncounted?: boolean };

/** States the sweep queues for publishing (due, not being published). */
export const TO_PUBLISH: readonly SocialDeliveryStatus[] = ['scheduled', 'waiting'];
/** What a claim returns of the row (ClaimedDelivery's own columns). */
const CLAIMED = [
  'd.id',
  'd.postId',
  'd.vendorId',
  'd.partnerId',
  'd.network',
  'd.attempts',
  'd.connectionId',
  'd.remoteRef',
  'd.throttledMs',
] as const;

/** The publishing ledger of social posts: claims, references and outcomes, for the publisher and the sweep. */
@Injectable()
export class SocialDeliveriesRepository {
  constructor(private readonly db: Database) {}

  /**
   * Deliveries due by `now` (scheduled, or waiting out a 429) that are not queued, or were queued
   * before `requeueBefore` and are still not done (their job was lost): marked queued, returned.
   */
  async claimDueForSystem(
    now: Date,
    requeueBefore: Date,
    limit: number,
  ): Promise<Array<{ id: string; attempts: number }>> {
    const rows = await sql<{ id: string; attempts: number }>`
      UPDATE social_post_deliveries SET queued_at = ${now}
      WHERE id IN (
        SELECT id FROM social_post_deliveries
        WHERE status = ANY(${TO_PUBLISH}) AND next_attempt_at <= ${now} AND (queued_at IS NULL OR queued_at < ${requeueBefore})
        ORDER BY next_attempt_at LIMIT ${limit} FOR UPDATE SKIP LOCKED
      )
      RETURNING id, attempts`.execute(this.db);
    return rows.rows;
  }

  /** Forgets every queued mark (Redis lost its queues): the next claim queues them again. */
  async unqueueAllForSystem(): Promise<number> {
    const moved = await this.db
      .updateTable('socialPostDeliveries')
      .set({ queuedAt: null })
      .where('status', 'in', TO_PUBLISH)
      .where('queuedAt', 'is not', null)
      .executeTakeFirst();
    return Number(moved.numUpdatedRows);
  }

  /**
   * Claims one delivery for publishing: only one caller moves it from scheduled/waiting to
   * publishing, and only when due. Null when it is not (already claimed, done, cancelled, not due).
   */
  async claimForSystem(id: string, worker: string, now: Date): Promise<ClaimedDelivery | null> {
    const claimed = await this.db
      .updateTable('socialPostDeliveries as d')
      .set((eb) => ({
        status: 'publishing',
        attempts: eb('d.attempts', '+', 1),
        claimedBy: worker,
        claimedAt: now,
        queuedAt: null,
        // A reference belongs to one try: this one has made no creating call yet.
        remoteRef: null,
        updatedAt: now,
      }))
      .where('d.id', '=', id)
      .where('d.status', 'in', TO_PUBLISH)
      .where('d.nextAttemptAt', '<=', now)
      .returning(CLAIMED)
      .executeTakeFirst();
    if (!claimed) return null;
    return this.claimedView(claimed);
  }

  /**
   * Deliveries to check with the network: uncertain ones due for their check, and publishing ones
   * whose worker stopped beating (SIGKILL mid-publish) or that have been publishing for longer
   * than `staleAfterMs` (a hung call); `deadAfterMs` null judges no worker dead. Each is taken (claimed by `worker`) so that two sweepers do
   * not check the same one.
   */
  async claimToSettleForSystem(
    worker: string,
    now: Date,
    deadAfterMs: number | null,
    staleAfterMs: number,
    limit: number,
  ): Promise<ClaimedDelivery[]> {
    const staleBefore = new Date(now.getTime() - staleAfterMs);
    const rows = await this.db
      .updateTable('socialPostDeliveries as d')
      .set({ claimedBy: worker, claimedAt: now, status: 'publishing', updatedAt: now })
      .where('d.id', 'in', (eb) =>
        eb
          .selectFrom('socialPostDeliveries as s')
          .select('s.id')
          .where((w) =>
            w.or([
              w.and([w('s.status', '=', 'uncertain'), w('s.nextAttemptAt', '<=', now)]),
              w.and([
                w('s.status', '=', 'publishing'),
                w.or([
                  w('s.claimedAt', '<', staleBefore),
                  ...(deadAfterMs === null ? [] : [w.not(claimantAlive(w.ref('s.claimedBy'), deadAfterMs))]),
                ]),
              ]),
            ]),
          )
          .where('s.claimedBy', 'is distinct from', worker)
          .orderBy('s.updatedAt')
          .limit(limit)
          .forUpdate()
          .skipLocked(),
      )
      .returning(CLAIMED)
      .execute();
    return Promise.all(rows.map((r) => this.claimedView(r)));
  }

  /**
   * Records the reference of the post a claimed try is about to create, before its creating
   * call; throws when this worker no longer holds the claim (the call must then not be made).
   */
  async rememberReferenceForSystem(id: string, worker: string, reference: string, now: Date): Promise<void> {
    const moved = await this.db
      .updateTable('socialPostDeliveries')
      .set({ remoteRef: reference, updatedAt: now })
      .where('id', '=', id)
      .where('status', '=', 'publishing')
      .where('claimedBy', '=', worker)
      .executeTakeFirst();
    if (moved.numUpdatedRows === 0n) throw new Error(`social delivery ${id} is no longer held by this worker`);
  }

  /** Records how a claimed publication ended; false when this worker no longer held it. */
  async finishForSystem(id: string, worker: string, outcome: DeliveryOutcome, now: Date): Promise<boolean> {
    const common = { claimedBy: null, claimedAt: null, updatedAt: now };
    const set =
      outcome.status === 'published'
        ? {
            ...common,
            status: 'published' as const,
            remoteId: outcome.remoteId,
            url: outcome.url,
            publishedAt: outcome.at,
            nextAttemptAt: null,
            lastError: null,
          }
        : outcome.status === 'failed'
          ? { ...common, status: 'failed' as const, lastError: outcome.error, nextAttemptAt: null }
          : {
              ...common,
              status: outcome.status,
              lastError: outcome.error,
              nextAttemptAt:
                outcome.status === 'uncertain'
                  ? outcome.checkAt
                  : outcome.status === 'waiting'
                    ? outcome.until
                    : outcome.retryAt,
            };
    // A rate-limited call is not an attempt: the claim's count is given back (as the email send
    // path gives back a claim whose rate slot lapsed), and its wait is added to the delivery's.
    const uncounted = outcome.status === 'waiting' || (outcome.status === 'failed' && outcome.uncounted === true);
    const throttled = outcome.status === 'waiting' ? outcome.throttledMs : 0;
    const moved = await this.db
      .updateTable('socialPostDeliveries')
      .set(set)
      .$if(uncounted, (q) => q.set((eb) => ({ attempts: sql<number>`greatest(${eb.ref('attempts')} - 1, 0)` })))
      .$if(throttled > 0, (q) => q.set((eb) => ({ throttledMs: eb('throttledMs', '+', throttled) })))
      .where('id', '=', id)
      .where('status', '=', 'publishing')
      .where('claimedBy', '=', worker)
      .executeTakeFirst();
    return moved.numUpdatedRows > 0n;
  }

  /** A delivery's current state (for tests and the handler's early return). */
  async statusForSystem(id: string): Promise<SocialDeliveryStatus | null> {
    const row = await this.db
      .selectFrom('socialPostDeliveries')
      .select('status')
      .where('id', '=', id)
      .executeTakeFirst();
    return row?.status ?? null;
  }

  private async claimedView(d: {
    id: string;
    postId: string;
    vendorId: string;
    partnerId: string;
    network: SocialNetwork;
    attempts: number;
    connectionId: string | null;
    remoteRef: string | null;
    throttledMs: number;
  }): Promise<ClaimedDelivery> {
    const post = await this.db
      .selectFrom('socialPosts')
      .select(['campaignId', 'campaignVersionId', 'version', 'assetId', 'copy', 'dueAt'])
      .where('id', '=', d.postId)
      .executeTakeFirstOrThrow();
    return {
      ...d,
      campaignId: post.campaignId,
      campaignVersionId: post.campaignVersionId,
      version: post.version,
      assetId: post.assetId,
      text: post.copy[d.network] ?? '',
      dueAt: post.dueAt,
    };
  }
}
