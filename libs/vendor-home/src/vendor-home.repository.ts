import { Injectable } from '@nestjs/common';
import { Database, partnerOwned, VendorScope, visiblePartners } from '@tcma/persistence';
import { RawBuilder, sql } from 'kysely';

/** How many partners of the network did each thing since the period began. */
export interface NetworkCounts {
  /** Active partners in all. */
  partners: number;
  /** Partners with an invitation sent in the period. */
  invited: number;
  /** Partners one of whose users signed in during the period. */
  signedIn: number;
  /** Partners that started a launch in the period. */
  launched: number;
}

export interface ResultCounts {
  launches: number;
  /** Prospects enrolled by the period's launches. */
  prospectsReached: number;
  /** Emails handed to SMTP, accepted, bounced, and unique human clicks, on the period's days (UTC). */
  sent: number;
  bounced: number;
  clicks: number;
  leads: number;
  /** Recipients who marked an email as spam (complaint suppressions recorded in the period). */
  complaints: number;
}

export interface TopCampaign {
  campaignId: string;
  campaignName: string;
  count: number;
}

export interface IdlePartner {
  partnerId: string;
  partnerName: string;
  /** Null when it never launched. */
  lastLaunchAt: Date | null;
  /** The last time one of its users signed in; null when none ever did. */
  lastSignInAt: Date | null;
  /** Its enabled users: whom a reminder goes to. */
  users: number;
  /** When the vendor last reminded it (the vendor home's Remind); null when never. */
  lastRemindedAt: Date | null;
}

const count = (expression: RawBuilder<unknown>) => sql<number>`(${expression})::int`;

/**
 * The vendor home's reads: counts over the vendor's whole network, never a partner's contacts
 * (nothing here names a prospect). Every method takes the vendor's scope.
 */
@Injectable()
export class VendorHomeRepository {
  constructor(private readonly db: Database) {}

  async network(scope: VendorScope, since: Date): Promise<NetworkCounts> {
    const { rows } = await sql<NetworkCounts>`
      SELECT
        ${count(sql`SELECT count(*) FROM partners p WHERE p.vendor_id = ${scope.vendorId} AND p.status = 'active'`)} AS partners,
        ${count(sql`SELECT count(DISTINCT i.partner_id) FROM invitations i WHERE i.vendor_id = ${scope.vendorId} AND i.partner_id IS NOT NULL AND i.created_at >= ${since}`)} AS invited,
        ${count(sql`SELECT count(DISTINCT u.partner_id) FROM sessions s JOIN users u ON u.id = s.user_id WHERE u.vendor_id = ${scope.vendorId} AND u.partner_id IS NOT NULL AND s.created_at >= ${since}`)} AS "signedIn",
        ${count(sql`SELECT count(DISTINCT l.partner_id) FROM launches l WHERE l.vendor_id = ${scope.vendorId} AND l.created_at >= ${since}`)} AS launched
    `.execute(this.db);
    return rows[0];
  }

  async results(scope: VendorScope, since: Date, sinceDay: string): Promise<ResultCounts> {
    const { rows } = await sql<ResultCounts>`
      SELECT
        ${count(sql`SELECT count(*) FROM launches l WHERE l.vendor_id = ${scope.vendorId} AND l.created_at >= ${since}`)} AS launches,
        ${count(sql`SELECT coalesce(sum(l.enrolled), 0) FROM launches l WHERE l.vendor_id = ${scope.vendorId} AND l.created_at >= ${since}`)} AS "prospectsReached",
        ${count(sql`SELECT coalesce(sum(a.sent), 0) FROM analytics_daily a WHERE a.vendor_id = ${scope.vendorId} AND a.day >= ${sinceDay}`)} AS sent,
        ${count(sql`SELECT coalesce(sum(a.bounced), 0) FROM analytics_daily a WHERE a.vendor_id = ${scope.vendorId} AND a.day >= ${sinceDay}`)} AS bounced,
        ${count(sql`SELECT coalesce(sum(a.clicked), 0) FROM analytics_daily a WHERE a.vendor_id = ${scope.vendorId} AND a.day >= ${sinceDay}`)} AS clicks,
        ${count(sql`SELECT count(*) FROM leads d WHERE d.vendor_id = ${scope.vendorId} AND d.created_at >= ${since}`)} AS leads,
        ${count(sql`SELECT count(*) FROM suppressions s WHERE s.vendor_id = ${scope.vendorId} AND s.reason = 'complaint' AND s.created_at >= ${since}`)} AS complaints
    `.execute(this.db);
    return rows[0];
  }

  /** The campaigns launched most often in the period, most first (ties by name). */
  topByLaunches(scope: VendorScope, since: Date, limit: number): Promise<TopCampaign[]> {
    return this.db
      .selectFrom('launches as l')
      .innerJoin('campaigns as c', 'c.id', 'l.campaignId')
      .select((eb) => [
        'c.id as campaignId',
        'c.name as campaignName',
        eb.cast<number>(eb.fn.countAll(), 'integer').as('count'),
      ])
      .where((eb) => partnerOwned(eb, scope, 'l'))
      .where('l.createdAt', '>=', since)
      .groupBy(['c.id', 'c.name'])
      .orderBy('count', 'desc')
      .orderBy('c.name')
      .limit(limit)
      .execute();
  }

  /** The campaigns with the most unique human clicks on the period's days, most first; none without a click. */
  topByClicks(scope: VendorScope, sinceDay: string, limit: number): Promise<TopCampaign[]> {
    return this.db
      .selectFrom('analyticsDaily as a')
      .innerJoin('campaigns as c', 'c.id', 'a.campaignId')
      .select((eb) => [
        'c.id as campaignId',
        'c.name as campaignName',
        eb.cast<number>(eb.fn.sum('a.clicked'), 'integer').as('count'),
      ])
      .where((eb) => partnerOwned(eb, scope, 'a'))
      .where('a.day', '>=', sinceDay)
      .groupBy(['c.id', 'c.name'])
      .having((eb) => eb.fn.sum('a.clicked'), '>', 0)
      .orderBy('count', 'desc')
      .orderBy('c.name')
      .limit(limit)
      .execute();
  }

  /**
   * Active partners with no launch since `idleSince`: those that never launched first, then the
   * longest idle; at most `limit`, with how many there are in all.
   */
  async idlePartners(
    scope: VendorScope,
    idleSince: Date,
    limit: number,
  ): Promise<{ items: IdlePartner[]; total: number }> {
    const rows = await this.db
      .with('ls', (db) =>
        db
          .selectFrom('launches as l')
          .select((eb) => ['l.partnerId', eb.fn.max('l.createdAt').as('lastLaunchAt')])
          .where((eb) => partnerOwned(eb, scope, 'l'))
          .groupBy('l.partnerId'),
      )
      .with('us', (db) =>
        db
          .selectFrom('users as u')
          .leftJoin('sessions as s', 's.userId', 'u.id')
          .select((eb) => [
            'u.partnerId',
            eb.fn.max('s.createdAt').as('lastSignInAt'),
            eb.cast<number>(eb.fn.count('u.id').distinct(), 'integer').as('users'),
          ])
          .where('u.vendorId', '=', scope.vendorId)
          .where('u.partnerId', 'is not', null)
          .where('u.disabledAt', 'is', null)
          .groupBy('u.partnerId'),
      )
      .with('rm', (db) =>
        db
          .selectFrom('partnerReminders as r')
          .select((eb) => ['r.partnerId', eb.fn.max('r.createdAt').as('lastRemindedAt')])
          .where((eb) => partnerOwned(eb, scope, 'r'))
          .groupBy('r.partnerId'),
      )
      .selectFrom('partners as p')
      .leftJoin('ls', 'ls.partnerId', 'p.id')
      .leftJoin('us', 'us.partnerId', 'p.id')
      .leftJoin('rm', 'rm.partnerId', 'p.id')
      .select((eb) => [
        'p.id as partnerId',
        'p.companyName as partnerName',
        'ls.lastLaunchAt',
        'us.lastSignInAt',
        'rm.lastRemindedAt',
        eb.fn.coalesce('us.users', eb.lit(0)).as('users'),
        sql<number>`(count(*) OVER ())::int`.as('total'),
      ])
      .where((eb) => visiblePartners(eb, scope, 'p'))
      .where('p.status', '=', 'active')
      .where((eb) => eb.or([eb('ls.lastLaunchAt', 'is', null), eb('ls.lastLaunchAt', '<', idleSince)]))
      .orderBy(sql`ls.last_launch_at ASC NULLS FIRST`)
      .orderBy('p.companyName')
      .limit(limit)
      .execute();
    return {
      items: rows.map(({ total: _total, ...row }) => ({
        ...row,
        lastLaunchAt: row.lastLaunchAt ?? null,
        lastSignInAt: row.lastSignInAt ?? null,
        lastRemindedAt: row.lastRemindedAt ?? null,
      })),
      total: rows[0]?.total ?? 0,
    };
  }
}
