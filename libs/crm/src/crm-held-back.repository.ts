import { Injectable } from '@nestjs/common';
import { sql } from 'kysely';
import { Database, vendorOwned, VendorScope } from '@tcma/persistence';

/** How many of one partner's leads of one campaign stayed out of the vendor's own CRM. */
export interface HeldBackCount {
  partnerId: string;
  partnerName: string;
  campaignId: string;
  campaignName: string;
  leads: number;
}

/**
 * What the vendor's own CRM did not get: counted from the leads themselves (no row is written
 * for a lead held back), so nothing but numbers and names of partners and campaigns leaves here.
 */
@Injectable()
export class CrmHeldBackRepository {
  constructor(private readonly db: Database) {}

  /**
   * Per partner keeping its contacts private and campaign: its leads since `since` that have no
   * record on any of the vendor's own connections. Only leads from the vendor's first own
   * connection on count (before it, nothing was handed to the vendor's CRM anyway); a vendor
   * with no connection of its own gets none.
   */
  privatePartnersLeads(scope: VendorScope, since: Date): Promise<HeldBackCount[]> {
    const ownConnections = this.db
      .selectFrom('crmConnections as oc')
      .where('oc.vendorId', '=', scope.vendorId)
      .where('oc.partnerId', 'is', null);
    return (
      this.db
        .selectFrom('leads as l')
        .innerJoin('partners as p', 'p.id', 'l.partnerId')
        .innerJoin('campaigns as c', 'c.id', 'l.campaignId')
        .where((eb) => vendorOwned(eb, scope, 'l'))
        .where('p.vendorId', '=', scope.vendorId)
        .where('p.contactsPrivate', '=', true)
        .where('l.createdAt', '>=', since)
        // Null (no own connection) compares to nothing: no row.
        .where(
          'l.createdAt',
          '>=',
          ownConnections.select((eb) => eb.fn.min('oc.createdAt').as('first')),
        )
        .where((eb) =>
          eb.not(
            eb.exists(
              eb
                .selectFrom('crmRecords as r')
                .select(sql`1`.as('one'))
                .whereRef('r.leadId', '=', 'l.id')
                .where('r.connectionId', 'in', ownConnections.select('oc.id')),
            ),
          ),
        )
        .select([
          'p.id as partnerId',
          'p.companyName as partnerName',
          'c.id as campaignId',
          'c.name as campaignName',
          sql<number>`count(*)::int`.as('leads'),
        ])
        .groupBy(['p.id', 'p.companyName', 'c.id', 'c.name'])
        .orderBy('p.companyName')
        .orderBy('p.id')
        .orderBy('c.name')
        .orderBy('c.id')
        .execute()
    );
  }
}
