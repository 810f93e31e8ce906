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

/** Clicks of social posts' tracked links, each copying its context (vendor, partner, campaign, post, network) from the link. */
@Injectable()
export class SocialClicksRepository {
  /** Clicks arriving together share one insert, as the email clicks do. */
  private readonly clicks = new Batcher<SocialClickInput, string | null>((items) => this.insertClicks(items), 1000);

  constructor(
    private readonly db: Database,
    private readonly transactions: Transactions,
  ) {}

  /** Records a click of the link with this code (across tenants: the code is the key); its target, or null for an unknown code. */
  recordClickForSystem(click: SocialClickInput): Promise<string | null> {
    return this.clicks.call(click);
  }

  /**
   * One statement for the lot, reading the links' targets as it writes (a data-modifying CTE),
   * without waiting for the commit to reach disk, as the email clicks (EventsRepository).
   */
  private insertClicks(items: SocialClickInput[]): Promise<Array<string | null>> {
    return this.transactions.run(async (tx) => {
      const db = executorOf(this.db, tx);
      await sql`SET LOCAL synchronous_commit = off`.execute(db);
      const codes = [...new Set(items.map((i) => i.code))];
      const col = <T>(f: (e: SocialClickInput) => T) => items.map(f);
      const links = await db
        .with('l', (q) =>
          q
            .selectFrom('socialPostLinks')
            .select(['id', 'postId', 'vendorId', 'partnerId', 'campaignId', 'network', 'target'])
            .where('id', 'in', codes),
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
        .select(['l.id', 'l.target'])
        .execute();
      const targets = new Map(links.map((l) => [l.id, l.target]));
      return items.map((i) => targets.get(i.code) ?? null);
    });
  }
}
