import { Injectable } from '@nestjs/common';
import { ConsentRecordRow, ConsentSource, Database, executorOf, partnerOwned, PartnerScope, TenantScope, Tx } from '@tcma/persistence';

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

  async record(scope: PartnerScope, evidence: ConsentEvidence, tx?: Tx): Promise<void> {
    const { at, userAgent, ...rest } = evidence;
    await executorOf(this.db, tx)
      .insertInto('consentRecords')
      .values({ ...rest, userAgent: userAgent?.slice(0, 512) ?? null, occurredAt: at, vendorId: scope.vendorId, partnerId: scope.partnerId })
      .execute();
  }

  /** A withdrawal for every prospect of the partner with this address (an unsubscribe names an address). */
  async withdrawByAddress(scope: PartnerScope, emailLower: string, source: ConsentSource, at: Date, tx?: Tx): Promise<void> {
    await executorOf(this.db, tx)
      .insertInto('consentRecords')
      .columns(['vendorId', 'partnerId', 'prospectId', 'granted', 'source', 'occurredAt'])
      .expression((eb) =>
        eb
          .selectFrom('prospects as p')
          .select((s) => ['p.vendorId', 'p.partnerId', 'p.id', s.lit(false).as('granted'), s.val(source).as('source'), s.val(at).as('occurredAt')])
          .where('p.emailLower', '=', emailLower)
          .where((s) => partnerOwned(s, scope, 'p')),
      )
      .execute();
  }

  async history(scope: TenantScope, prospectId: string): Promise<ConsentRecordRow[]> {
    return this.db.selectFrom('consentRecords as c').selectAll('c').where('c.prospectId', '=', prospectId).where((eb) => partnerOwned(eb, scope, 'c')).orderBy('c.occurredAt').orderBy('c.id').execute();
  }
}
