import { Injectable } from '@nestjs/common';
import {
  Database,
  executorOf,
  Found,
  contactsOwned,
  ownedAtLevel,
  PageWindow,
  PartnerScope,
  suppressionCovers,
  SuppressionReason,
  suppressionTargetOf,
  SuppressionRow,
  TenantScope,
  Tx,
} from '@tcma/persistence';

@Injectable()
export class SuppressionsRepository {
  constructor(private readonly db: Database) {}

  /**
   * Suppresses an address at the scope's level: vendor-wide for a vendor scope, for one
   * partner with a partner scope; `campaignId` narrows either to one campaign. False when the
   * address was already suppressed at that level.
   */
  async add(
    scope: TenantScope,
    campaignId: string | null,
    emailLower: string,
    reason: SuppressionReason,
    sendId: string | null,
    tx?: Tx,
  ): Promise<boolean> {
    const rows = await executorOf(this.db, tx)
      .insertInto('suppressions')
      .values({ vendorId: scope.vendorId, partnerId: scope.partnerId, campaignId, emailLower, reason, sendId })
      .onConflict((oc) => oc.columns(['vendorId', 'partnerId', 'campaignId', 'emailLower']).doNothing())
      .returning('id')
      .execute();
    return rows.length > 0;
  }

  /** The suppression of an address at exactly this level (the scope's, narrowed to a campaign when given). */
  async findAtLevel(scope: TenantScope, campaignId: string | null, emailLower: string): Promise<SuppressionRow | null> {
    const row = await this.db
      .selectFrom('suppressions as s')
      .selectAll('s')
      .where((eb) => ownedAtLevel(eb, scope, 's'))
      .where('s.emailLower', '=', emailLower)
      .where((eb) => (campaignId === null ? eb('s.campaignId', 'is', null) : eb('s.campaignId', '=', campaignId)))
      .executeTakeFirst();
    return row ?? null;
  }

  /**
   * Whether a suppression covers the address for this partner's mail: the unsubscribe page's
   * state. The suppression rule itself; for no campaign in particular (null) only vendor-wide and
   * partner suppressions count, for a campaign its own too.
   */
  async covers(scope: PartnerScope, emailLower: string, campaignId: string | null = null): Promise<boolean> {
    const row = await this.db
      .selectNoFrom((eb) =>
        suppressionCovers(
          suppressionTargetOf(scope, { campaignId: eb.val(campaignId), emailLower: eb.val(emailLower) }),
        ).as('covered'),
      )
      .executeTakeFirstOrThrow();
    return Boolean(row.covered);
  }

  /** Newest first. A partner scope sees its own suppressions, a vendor scope every level. */
  async page(scope: TenantScope, email: string | undefined, window: PageWindow): Promise<Found<SuppressionRow>> {
    const matching = this.db
      .selectFrom('suppressions as s')
      .where((eb) => contactsOwned(eb, scope, 's'))
      .$if(Boolean(email), (qb) => qb.where('s.emailLower', '=', (email ?? '').toLowerCase()));
    const [items, count] = await Promise.all([
      matching.selectAll('s').orderBy('s.id', 'desc').limit(window.limit).offset(window.offset).execute(),
      matching.select((eb) => eb.cast<number>(eb.fn.countAll(), 'integer').as('total')).executeTakeFirstOrThrow(),
    ]);
    return { items, total: count.total };
  }

  async find(scope: TenantScope, id: string): Promise<SuppressionRow | null> {
    if (!/^\d{1,18}$/.test(id)) return null;
    return (
      (await this.db
        .selectFrom('suppressions as s')
        .selectAll('s')
        .where('s.id', '=', id)
        .where((eb) => contactsOwned(eb, scope, 's'))
        .executeTakeFirst()) ?? null
    );
  }

  async remove(scope: TenantScope, id: string): Promise<void> {
    await this.db
      .deleteFrom('suppressions as s')
      .where('s.id', '=', id)
      .where((eb) => contactsOwned(eb, scope, 's'))
      .execute();
  }
}
