import { Injectable } from '@nestjs/common';
import { sql } from 'kysely';
import {
  Database,
  Executor,
  executorOf,
  Found,
  PageWindow,
  partnerOwned,
  SocialDeliveryStatus,
  SocialNetwork,
  TenantScope,
  Tx,
} from '@tcma/persistence';
import { TO_PUBLISH } from './social-deliveries.repository';
import { NewSocialPost, SocialDeliveryView, SocialPostView, withDeliveries } from './social-post-views';

/** Social posts as partners and vendors see them: created, listed, cancelled (the publishing ledger is SocialDeliveriesRepository). */
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
