import { Injectable } from '@nestjs/common';
import {
  ConsentRecordRow,
  ConsentSource,
  Database,
  executorOf,
  Found,
  PageWindow,
  partnerOwned,
  PartnerScope,
  TenantScope,
  Tx,
} from '@tcma/persistence';

export interface ConsentEvidence {
  prospectId: string;
  granted: boolean;
  source: ConsentSource;
  wording: string | null;
  wordingVersion: string | null;
  campaignId: string | null;
  page: string | null;
  ip: string | null;
  userAgent: string | null;
  at: Date;
}

/** A prospect's consent history, append-only: granted by a form or an import, withdrawn by an unsubscribe. */
@Injectable()
export class ConsentRepository {
  constructor(private readonly db: Database) {}

  /** The evidence of several prospects' consent, in one statement. */
  async recordMany(scope: PartnerScope, evidence: ConsentEvidence[], tx?: Tx): Promise<void> {
    if (!evidence.length) return;
    await executorOf(this.db, tx)
      .insertInto('consentRecords')
      .values(
        evidence.map(({ at, userAgent, ...rest }) => ({
          ...rest,
          userAgent: userAgent?.slice(0, 512) ?? null,
          occurredAt: at,
          vendorId: scope.vendorId,
          partnerId: scope.partnerId,
        })),
      )
      .execute();
  }

  /**
   * A withdrawal for every prospect of the scope with this address (an unsubscribe names an
   * address): a partner's prospects, or with a vendor scope those of all its partners (leaving
   * the vendor's whole network). `campaignId`: withdrawn from that campaign's mail only.
   */
  async withdrawByAddress(
    scope: TenantScope,
    emailLower: string,
    source: ConsentSource,
    at: Date,
    campaignId: string | null = null,
    tx?: Tx,
  ): Promise<void> {
    await executorOf(this.db, tx)
      .insertInto('consentRecords')
      .columns(['vendorId', 'partnerId', 'prospectId', 'granted', 'source', 'campaignId', 'occurredAt'])
      .expression((eb) =>
        eb
          .selectFrom('prospects as p')
          .select((s) => [
            'p.vendorId',
            'p.partnerId',
            'p.id',
            s.lit(false).as('granted'),
            s.val(source).as('source'),
            s.val(campaignId).as('campaignId'),
            s.val(at).as('occurredAt'),
          ])
          .where('p.emailLower', '=', emailLower)
          .where((s) => partnerOwned(s, scope, 'p')),
      )
      .execute();
  }

  /** A prospect's records, oldest first: what was granted or withdrawn, when, where and by which wording. */
  async history(scope: TenantScope, prospectId: string, window: PageWindow): Promise<Found<ConsentRecordRow>> {
    const matching = this.db
      .selectFrom('consentRecords as c')
      .where('c.prospectId', '=', prospectId)
      .where((eb) => partnerOwned(eb, scope, 'c'));
    const [items, count] = await Promise.all([
      matching
        .selectAll('c')
        .orderBy('c.occurredAt')
        .orderBy('c.id')
        .limit(window.limit)
        .offset(window.offset)
        .execute(),
      matching.select((eb) => eb.cast<number>(eb.fn.countAll(), 'integer').as('total')).executeTakeFirstOrThrow(),
    ]);
    return { items, total: count.total };
  }
}
