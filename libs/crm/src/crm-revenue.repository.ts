import { Injectable } from '@nestjs/common';
import { sql } from 'kysely';
import { Database, executorOf, partnerOwned, TenantScope, Tx } from '@tcma/persistence';

export interface NewRevenue {
  vendorId: string;
  partnerId: string;
  connectionId: string;
  dealId: string;
  leadId: string;
  campaignId: string;
  launchId: string | null;
  amount: string;
  currency: string;
  wonAt: Date;
}

export interface RevenueTotal {
  currency: string;
  amount: string;
  deals: number;
}

export interface RevenueBy extends RevenueTotal {
  id: string;
  name: string;
}

/** Won deals read back from CRMs, and what they add up to. */
@Injectable()
export class CrmRevenueRepository {
  constructor(private readonly db: Database) {}

  /** Once per deal and connection: false when it was already recorded. */
  async recordForSystem(revenue: NewRevenue, tx: Tx): Promise<boolean> {
    const row = await executorOf(this.db, tx)
      .insertInto('crmRevenue')
      .values(revenue)
      .onConflict((oc) => oc.columns(['connectionId', 'dealId']).doNothing())
      .returning('id')
      .executeTakeFirst();
    return row !== undefined;
  }

  /** Revenue influenced since `since`, per currency (amounts of different currencies are never added). */
  totals(scope: TenantScope, since: Date): Promise<RevenueTotal[]> {
    return this.db
      .selectFrom('crmRevenue as r')
      .where((eb) => partnerOwned(eb, scope, 'r'))
      .where('r.wonAt', '>=', since)
      .select(['r.currency', sql<string>`sum(r.amount)::text`.as('amount'), sql<number>`count(*)::int`.as('deals')])
      .groupBy('r.currency')
      .orderBy(sql`sum(r.amount)`, 'desc')
      .execute();
  }

  byCampaign(scope: TenantScope, since: Date, limit: number): Promise<RevenueBy[]> {
    return this.db
      .selectFrom('crmRevenue as r')
      .innerJoin('campaigns as c', 'c.id', 'r.campaignId')
      .where((eb) => partnerOwned(eb, scope, 'r'))
      .where('r.wonAt', '>=', since)
      .select([
        'c.id',
        'c.name',
        'r.currency',
        sql<string>`sum(r.amount)::text`.as('amount'),
        sql<number>`count(*)::int`.as('deals'),
      ])
      .groupBy(['c.id', 'c.name', 'r.currency'])
      .orderBy(sql`sum(r.amount)`, 'desc')
      .orderBy('c.id')
      .limit(limit)
      .execute();
  }

  byPartner(scope: TenantScope, since: Date, limit: number): Promise<RevenueBy[]> {
    return this.db
      .selectFrom('crmRevenue as r')
      .innerJoin('partners as p', 'p.id', 'r.partnerId')
      .where((eb) => partnerOwned(eb, scope, 'r'))
      .where('r.wonAt', '>=', since)
      .select([
        'p.id',
        'p.companyName as name',
        'r.currency',
        sql<string>`sum(r.amount)::text`.as('amount'),
        sql<number>`count(*)::int`.as('deals'),
      ])
      .groupBy(['p.id', 'p.companyName', 'r.currency'])
      .orderBy(sql`sum(r.amount)`, 'desc')
      .orderBy('p.id')
      .limit(limit)
      .execute();
  }

  /** Programme launches' revenue: the launch's pending launch names its subscription, and so its programme. */
  byProgramme(scope: TenantScope, since: Date, limit: number): Promise<RevenueBy[]> {
    return this.db
      .selectFrom('crmRevenue as r')
      .innerJoin('launches as l', 'l.id', 'r.launchId')
      .innerJoin('pendingLaunches as pl', 'pl.id', 'l.pendingLaunchId')
      .innerJoin('programmeSubscriptions as s', 's.id', 'pl.subscriptionId')
      .innerJoin('programmes as g', 'g.id', 's.programmeId')
      .where((eb) => partnerOwned(eb, scope, 'r'))
      .where('r.wonAt', '>=', since)
      .select([
        'g.id',
        'g.name',
        'r.currency',
        sql<string>`sum(r.amount)::text`.as('amount'),
        sql<number>`count(*)::int`.as('deals'),
      ])
      .groupBy(['g.id', 'g.name', 'r.currency'])
      .orderBy(sql`sum(r.amount)`, 'desc')
      .orderBy('g.id')
      .limit(limit)
      .execute();
  }

  /** One launch's revenue, per currency. */
  ofLaunch(scope: TenantScope, launchId: string): Promise<RevenueTotal[]> {
    return this.db
      .selectFrom('crmRevenue as r')
      .where((eb) => partnerOwned(eb, scope, 'r'))
      .where('r.launchId', '=', launchId)
      .select(['r.currency', sql<string>`sum(r.amount)::text`.as('amount'), sql<number>`count(*)::int`.as('deals')])
      .groupBy('r.currency')
      .execute();
  }
}
