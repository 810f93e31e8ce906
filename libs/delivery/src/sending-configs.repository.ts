import { Injectable } from '@nestjs/common';
import { Database, ownedAtLevel, PartnerScope, SendingConfigRow, TenantScope } from '@tcma/persistence';

export type SendingConfigFields = Pick<
  SendingConfigRow,
  'smtpUrlEncrypted' | 'dkimDomain' | 'dkimSelector' | 'dkimKeyEncrypted' | 'ratePerSecond'
>;

/**
 * SMTP, DKIM and rate settings: the vendor's own (a vendor scope) or one partner's (a
 * partner scope). Partner rows have a partner_id; the vendor's has none, so a partner scope
 * reads and writes its own row only.
 */
@Injectable()
export class SendingConfigsRepository {
  constructor(private readonly db: Database) {}

  /** The partner's own configuration if it has one, else the vendor's: what its sends use. */
  async effectiveForSystem(vendorId: string, partnerId: string): Promise<SendingConfigRow | null> {
    const row = await this.db
      .selectFrom('sendingConfigs')
      .selectAll()
      .where('vendorId', '=', vendorId)
      .where((eb) => eb.or([eb('partnerId', '=', partnerId), eb('partnerId', 'is', null)]))
      .orderBy('partnerId', (ob) => ob.asc().nullsLast())
      .limit(1)
      .executeTakeFirst();
    return row ?? null;
  }

  /** What the partner's sends use: its own configuration if it has one, else its vendor's. */
  async effective(scope: PartnerScope): Promise<SendingConfigRow | null> {
    return this.effectiveForSystem(scope.vendorId, scope.partnerId);
  }

  async find(scope: TenantScope): Promise<SendingConfigRow | null> {
    const row = await this.db
      .selectFrom('sendingConfigs as c')
      .selectAll('c')
      .where((eb) => ownedAtLevel(eb, scope, 'c'))
      .executeTakeFirst();
    return row ?? null;
  }

  async upsert(scope: TenantScope, fields: SendingConfigFields): Promise<SendingConfigRow> {
    return this.db
      .insertInto('sendingConfigs')
      .values({ vendorId: scope.vendorId, partnerId: scope.partnerId, ...fields })
      .onConflict((oc) =>
        oc.columns(['vendorId', 'partnerId']).doUpdateSet((eb) => ({
          smtpUrlEncrypted: eb.ref('excluded.smtpUrlEncrypted'),
          dkimDomain: eb.ref('excluded.dkimDomain'),
          dkimSelector: eb.ref('excluded.dkimSelector'),
          dkimKeyEncrypted: eb.ref('excluded.dkimKeyEncrypted'),
          ratePerSecond: eb.ref('excluded.ratePerSecond'),
          revision: eb('sendingConfigs.revision', '+', 1),
          updatedAt: new Date(),
        })),
      )
      .returningAll()
      .executeTakeFirstOrThrow();
  }

  /** Sets the DKIM key only, keeping the SMTP server and rate (a configuration without them is created). */
  async setDkim(
    scope: TenantScope,
    fields: Pick<SendingConfigRow, 'dkimDomain' | 'dkimSelector' | 'dkimKeyEncrypted'>,
  ): Promise<SendingConfigRow> {
    return this.db
      .insertInto('sendingConfigs')
      .values({ vendorId: scope.vendorId, partnerId: scope.partnerId, ...fields })
      .onConflict((oc) =>
        oc.columns(['vendorId', 'partnerId']).doUpdateSet((eb) => ({
          dkimDomain: eb.ref('excluded.dkimDomain'),
          dkimSelector: eb.ref('excluded.dkimSelector'),
          dkimKeyEncrypted: eb.ref('excluded.dkimKeyEncrypted'),
          revision: eb('sendingConfigs.revision', '+', 1),
          updatedAt: new Date(),
        })),
      )
      .returningAll()
      .executeTakeFirstOrThrow();
  }

  async remove(scope: TenantScope): Promise<boolean> {
    const removed = await this.db
      .deleteFrom('sendingConfigs as c')
      .where((eb) => ownedAtLevel(eb, scope, 'c'))
      .executeTakeFirst();
    return removed.numDeletedRows > 0n;
  }
}
