import { Injectable } from '@nestjs/common';
import { sql } from 'kysely';
import {
  claimantAlive,
  Database,
  Executor,
  executorOf,
  Found,
  PageWindow,
  partnerOwned,
  SocialDeliveryStatus,
  SocialNetwork,
  SocialPostSource,
  TenantScope,
  Tx,
} from '@tcma/persistence';

/** One network's publication of a post, as the calendar shows it. */
export interface SocialDeliveryView {
  id: string;
  network: SocialNetwork;
  status: SocialDeliveryStatus;
  attempts: number;
  nextAttemptAt: Date | null;
  remoteId: string | null;
  url: string | null;
  lastError: string | null;
  publishedAt: Date | null;
  /** People's clicks of the tracked links in this network's copy (preview fetchers and other machines not counted). */
  clicks: number;
  /** The partner's social connection chosen for this network; null: the most recently connected working one, when published. */
  connectionId: string | null;
  /** The chosen account's name (null when none was chosen, or it was removed since). */
  accountName: string | null;
}

export interface SocialPostView {
  id: string;
  vendorId: string;
  partnerId: string;
  /** The vendor's console lists every partner's posts together. */
  partnerName: string;
  campaignId: string;
  campaignName: string;
  version: number;
  assetId: string;
  copy: Partial<Record<SocialNetwork, string>>;
  dueAt: Date;
  timeZone: string;
  source: SocialPostSource;
  createdBy: string | null;
  pendingLaunchId: string | null;
  launchId: string | null;
  cancelledAt: Date | null;
  createdAt: Date;
  /** People's clicks of the post's tracked links, all networks. */
  clicks: number;
  deliveries: SocialDeliveryView[];
}

/** A tracked link of a post's copy for one network (libs/tracking SocialLinks). */
export interface NewSocialPostLink {
  /** Its short code. */
  id: string;
  network: SocialNetwork;
  linkIndex: number;
  target: string;
}

export interface NewSocialPost {
  id: string;
  vendorId: string;
  partnerId: string;
  campaignId: string;
  campaignVersionId: string;
  version: number;
  assetId: string;
  copy: Partial<Record<SocialNetwork, string>>;
  dueAt: Date;
  timeZone: string;
  createdBy: string | null;
  source: SocialPostSource;
  pendingLaunchId: string | null;
  launchId: string | null;
  networks: SocialNetwork[];
  /** The connection chosen per network (checked to be the partner's, on that network); absent: the default. */
  accounts: Partial<Record<SocialNetwork, string>>;
  links: NewSocialPostLink[];
}

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
const TO_PUBLISH: readonly SocialDeliveryStatus[] = ['scheduled', 'waiting'];
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

/** Social posts and their ledger (one row per post, network and partner). */
@Injectable()
export class SocialPostsRepository {
  constructor(private readonly db: Database) {}

  /**
   * A post and one ledger row per network, in one statement each inside a transaction. A
   * programme's post is keyed by its pending launch: a second call for the same one returns null.
   * In the caller's transaction when given one (a programme's post commits with its launch).
   */
  async create(scope: TenantScope, post: NewSocialPost, now: Date, within?: Tx): Promise<string | null> {
    if (post.vendorId !== scope.vendorId || (scope.partnerId !== null && scope.partnerId !== post.partnerId))
      throw new Error('A social post is created in its own tenant');
    const write = async (tx: Executor): Promise<string | null> => {
      const { networks, links, accounts, ...row } = post;
      // The row's tenant is written from the scope (checked above to agree with the post's).
      const vendorId = scope.vendorId;
      const partnerId = scope.partnerId ?? post.partnerId;
      const created = await tx
        .insertInto('socialPosts')
        .values({
          ...row,
          vendorId: scope.vendorId,
          partnerId,
          copy: sql<Partial<Record<SocialNetwork, string>>>`${JSON.stringify(post.copy)}::jsonb`,
          createdAt: now,
          updatedAt: now,
        })
        .onConflict((oc) => oc.column('pendingLaunchId').doNothing())
        .returning('id')
        .executeTakeFirst();
      if (!created) return null;
      await tx
        .insertInto('socialPostDeliveries')
        .values(
          networks.map((network) => ({
            postId: created.id,
            vendorId,
            partnerId,
            network,
            connectionId: accounts[network] ?? null,
            status: 'scheduled' as const,
            nextAttemptAt: post.dueAt,
            createdAt: now,
            updatedAt: now,
          })),
        )
        .onConflict((oc) => oc.columns(['postId', 'network', 'partnerId']).doNothing())
        .execute();
      if (links.length)
        await tx
          .insertInto('socialPostLinks')
          .values(
            links.map((l) => ({
              ...l,
              postId: created.id,
              vendorId,
              partnerId,
              campaignId: post.campaignId,
              createdAt: now,
            })),
          )
          .execute();
      return created.id;
    };
    return within ? write(executorOf(this.db, within)) : this.db.transaction().execute(write);
  }

  async find(scope: TenantScope, id: string): Promise<SocialPostView | null> {
    const post = await this.posts()
      .where('p.id', '=', id)
      .where((eb) => partnerOwned(eb, scope, 'p'))
      .executeTakeFirst();
    if (!post) return null;
    return withDeliveries(post, (await this.deliveriesOf([post.id])).get(post.id) ?? []);
  }

  /**
   * The calendar: the scope's posts (a vendor's: all its partners'), latest due first, each with
   * its networks' states and clicks. A status keeps the posts with at least one network in it;
   * `clicks` counts people's clicks of every matching post (all pages).
   */
  async list(
    scope: TenantScope,
    filter: PageWindow & { campaignId?: string; from?: Date; to?: Date; status?: SocialDeliveryStatus },
  ): Promise<Found<SocialPostView> & { clicks: number }> {
    let matching = this.posts().where((eb) => partnerOwned(eb, scope, 'p'));
    let counted = this.db.selectFrom('socialPosts as p').where((eb) => partnerOwned(eb, scope, 'p'));
    if (filter.status) {
      const status = filter.status;
      matching = matching.where((eb) =>
        eb.exists(
          eb
            .selectFrom('socialPostDeliveries as d')
            .select('d.id')
            .whereRef('d.postId', '=', 'p.id')
            .where('d.status', '=', status),
        ),
      );
      counted = counted.where((eb) =>
        eb.exists(
          eb
            .selectFrom('socialPostDeliveries as d')
            .select('d.id')
            .whereRef('d.postId', '=', 'p.id')
            .where('d.status', '=', status),
        ),
      );
    }
    if (filter.campaignId) {
      matching = matching.where('p.campaignId', '=', filter.campaignId);
      counted = counted.where('p.campaignId', '=', filter.campaignId);
    }
    if (filter.from) {
      matching = matching.where('p.dueAt', '>=', filter.from);
      counted = counted.where('p.dueAt', '>=', filter.from);
    }
    if (filter.to) {
      matching = matching.where('p.dueAt', '<', filter.to);
      counted = counted.where('p.dueAt', '<', filter.to);
    }
    const [rows, count] = await Promise.all([
      matching.orderBy('p.dueAt', 'desc').orderBy('p.id').limit(filter.limit).offset(filter.offset).execute(),
      counted
        .select((eb) => [
          eb.cast<number>(eb.fn.countAll(), 'integer').as('total'),
          eb
            .cast<number>(
              eb.fn.coalesce(
                eb.fn.sum(
                  eb
                    .selectFrom('socialPostClicks as c')
                    .select((c) => c.fn.countAll().as('n'))
                    .whereRef('c.postId', '=', 'p.id')
                    .where('c.machine', 'is', null),
                ),
                eb.lit(0),
              ),
              'integer',
            )
            .as('clicks'),
        ])
        .executeTakeFirstOrThrow(),
    ]);
    const deliveries = await this.deliveriesOf(rows.map((r) => r.id));
    return {
      items: rows.map((r) => withDeliveries(r, deliveries.get(r.id) ?? [])),
      total: count.total,
      clicks: count.clicks,
    };
  }

  /**
   * Cancels a post none of whose networks has been claimed yet; false when one has (it is being
   * published or was), so a post is never half cancelled. In the caller's transaction when given
   * one (a concierge's cancel commits with its audit entry).
   */
  async cancel(scope: TenantScope, id: string, now: Date, within?: Tx): Promise<boolean> {
    const run = async (tx: Executor): Promise<boolean> => {
      const post = await tx
        .selectFrom('socialPosts as p')
        .select('p.id')
        .where('p.id', '=', id)
        .where('p.cancelledAt', 'is', null)
        .where((eb) => partnerOwned(eb, scope, 'p'))
        .forUpdate()
        .executeTakeFirst();
      if (!post) return false;
      // Scheduled (maybe for a retry) and waiting out a rate limit: nothing of it is published or being published.
      const started = await tx
        .selectFrom('socialPostDeliveries')
        .select('id')
        .where('postId', '=', id)
        .where('status', 'not in', TO_PUBLISH)
        .where('attempts', '>', 0)
        .forUpdate()
        .executeTakeFirst();
      if (started) return false;
      const moved = await tx
        .updateTable('socialPostDeliveries')
        .set({ status: 'cancelled', nextAttemptAt: null, updatedAt: now })
        .where('postId', '=', id)
        .where('status', 'in', TO_PUBLISH)
        .returning('id')
        .execute();
      const all = await tx
        .selectFrom('socialPostDeliveries')
        .select((eb) => eb.cast<number>(eb.fn.countAll(), 'integer').as('n'))
        .where('postId', '=', id)
        .executeTakeFirstOrThrow();
      if (moved.length !== all.n) throw new Error('A delivery was claimed while cancelling');
      await tx.updateTable('socialPosts').set({ cancelledAt: now, updatedAt: now }).where('id', '=', id).execute();
      return true;
    };
    return within ? run(executorOf(this.db, within)) : this.db.transaction().execute(run);
  }

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

  private posts() {
    return this.db
      .selectFrom('socialPosts as p')
      .innerJoin('campaigns as c', 'c.id', 'p.campaignId')
      .innerJoin('partners as pa', 'pa.id', 'p.partnerId')
      .select([
        'p.id',
        'p.vendorId',
        'p.partnerId',
        'pa.companyName as partnerName',
        'p.campaignId',
        'c.name as campaignName',
        'p.version',
        'p.assetId',
        'p.copy',
        'p.dueAt',
        'p.timeZone',
        'p.source',
        'p.createdBy',
        'p.pendingLaunchId',
        'p.launchId',
        'p.cancelledAt',
        'p.createdAt',
      ]);
  }

  private async deliveriesOf(postIds: string[]): Promise<Map<string, SocialDeliveryView[]>> {
    const out = new Map<string, SocialDeliveryView[]>();
    if (!postIds.length) return out;
    const rows = await this.db
      .selectFrom('socialPostDeliveries')
      // The chosen account, the post's partner's own (a removed one leaves its name null).
      .leftJoin('socialConnections as sc', (j) =>
        j
          .onRef('sc.id', '=', 'socialPostDeliveries.connectionId')
          .onRef('sc.partnerId', '=', 'socialPostDeliveries.partnerId'),
      )
      .select([
        'socialPostDeliveries.id',
        'socialPostDeliveries.postId',
        'socialPostDeliveries.network',
        'socialPostDeliveries.status',
        'socialPostDeliveries.attempts',
        'socialPostDeliveries.nextAttemptAt',
        'socialPostDeliveries.remoteId',
        'socialPostDeliveries.url',
        'socialPostDeliveries.lastError',
        'socialPostDeliveries.publishedAt',
        'socialPostDeliveries.connectionId',
        'sc.accountName',
      ])
      .select((eb) =>
        eb
          .selectFrom('socialPostClicks as c')
          .select((c) => c.cast<number>(c.fn.countAll(), 'integer').as('n'))
          .whereRef('c.postId', '=', 'socialPostDeliveries.postId')
          .whereRef('c.network', '=', 'socialPostDeliveries.network')
          .where('c.machine', 'is', null)
          .$asScalar()
          .$notNull()
          .as('clicks'),
      )
      .where('socialPostDeliveries.postId', 'in', postIds)
      .orderBy('socialPostDeliveries.network')
      .execute();
    for (const { postId, ...d } of rows) out.set(postId, [...(out.get(postId) ?? []), d]);
    return out;
  }
}

/** A post with its networks' publications, its clicks the sum of theirs. */
function withDeliveries<P extends object>(
  post: P,
  deliveries: SocialDeliveryView[],
): P & { clicks: number; deliveries: SocialDeliveryView[] } {
  return { ...post, clicks: deliveries.reduce((n, d) => n + d.clicks, 0), deliveries };
}
