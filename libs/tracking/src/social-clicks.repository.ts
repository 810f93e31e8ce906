import { Injectable } from '@nestjs/common';
import { Batcher, Database, executorOf, Transactions, unnest } from '@tcma/persistence';
import { sql } from 'kysely';
import type { MachineReason } from './machine-rules';

export interface SocialClickInput {
  /** The link's short code. */
  code: string;
  at: Date;
  userAgent: string | null;
  method: string;
  machine: MachineReason | null;
}

/** A link that redirects: its target, and what an eviction names it by. */
export interface LiveSocialLink {
  target: string;
  postId: string;
  campaignId: string;
}

/** Clicks of social posts' tracked links, each copying its context (vendor, partner, campaign, post, network) from the link. */
@Injectable()
export class SocialClicksRepository {
  /** Clicks arriving together share one insert, as the email clicks do. */
  private readonly clicks = new Batcher<SocialClickInput, LiveSocialLink | null>(
    (items) => this.insertClicks(items),
    1000,
  );

  constructor(
    private readonly db: Database,
    private readonly transactions: Transactions,
  ) {}

  /**
   * Records a click of the link with this code (across tenants: the code is the key); the link,
   * or null for a code no post has, or whose post was cancelled (nothing is recorded then).
   */
  recordClickForSystem(click: SocialClickInput): Promise<LiveSocialLink | null> {
    return this.clicks.call(click);
  }

  /**
   * One statement for the lot, reading the links' targets as it writes (a data-modifying CTE),
   * without waiting for the commit to reach disk, as the email clicks (EventsRepository).
   */
  private insertClicks(items: SocialClickInput[]): Promise<Array<LiveSocialLink | null>> {
    return this.transactions.run(async (tx) => {
      const db = executorOf(this.db, tx);
      await sql`SET LOCAL synchronous_commit = off`.execute(db);
      const codes = [...new Set(items.map((i) => i.code))];
      const col = <T>(f: (e: SocialClickInput) => T) => items.map(f);
      const links = await db
        .with('l', (q) =>
          q
            .selectFrom('socialPostLinks as k')
            .innerJoin('socialPosts as p', 'p.id', 'k.postId')
            .select(['k.id', 'k.postId', 'k.vendorId', 'k.partnerId', 'k.campaignId', 'k.network', 'k.target'])
            .where('k.id', 'in', codes)
            .where('p.cancelledAt', 'is', null),
        )
        .with('written', (q) =>
          q
            .insertInto('socialPostClicks')
            .columns([
              'linkId',
              'postId',
              'vendorId',
              'partnerId',
              'campaignId',
              'network',
              'occurredAt',
              'userAgent',
              'method',
              'machine',
            ])
            .expression((eb) =>
              eb
                .selectFrom(
                  unnest<
                    { code: string; at: Date; userAgent: string | null; method: string; machine: string | null },
                    'x'
                  >('x', {
                    code: { type: 'text', values: col((e) => e.code) },
                    at: { type: 'timestamptz', values: col((e) => e.at) },
                    userAgent: { type: 'text', values: col((e) => e.userAgent?.slice(0, 512) ?? null) },
                    method: { type: 'text', values: col((e) => e.method) },
                    machine: { type: 'text', values: col((e) => e.machine) },
                  }),
                )
                .innerJoin('l', 'l.id', 'x.code')
                .select([
                  'l.id',
                  'l.postId',
                  'l.vendorId',
                  'l.partnerId',
                  'l.campaignId',
                  'l.network',
                  'x.at',
                  'x.userAgent',
                  'x.method',
                  'x.machine',
                ]),
            )
            .returning('id'),
        )
        .selectFrom('l')
        .select(['l.id', 'l.target', 'l.postId', 'l.campaignId'])
        .execute();
      const found = new Map(links.map(({ id, ...link }) => [id, link]));
      return items.map((i) => found.get(i.code) ?? null);
    });
  }
}
