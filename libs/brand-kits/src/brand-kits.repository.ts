import { Injectable } from '@nestjs/common';
import { BrandKitRow, Database, partnerOwned, PartnerScope } from '@tcma/persistence';

export type BrandKitFields = Omit<BrandKitRow, 'partnerId' | 'vendorId' | 'revision' | 'updatedAt'>;

@Injectable()
export class BrandKitsRepository {
  constructor(private readonly db: Database) {}

  async find(scope: PartnerScope): Promise<BrandKitRow | null> {
    return (await this.db.selectFrom('brandKits').selectAll().where((eb) => partnerOwned(eb, scope, 'brandKits')).executeTakeFirst()) ?? null;
  }

  /** Creates or changes the partner's brand kit, bumping its revision. */
  save(scope: PartnerScope, fields: Partial<BrandKitFields>): Promise<BrandKitRow> {
    return this.db.transaction().execute(async (tx) => {
      const current = await tx.selectFrom('brandKits').selectAll().where((eb) => partnerOwned(eb, scope, 'brandKits')).forUpdate().executeTakeFirst();
      if (!current) {
        return tx
          .insertInto('brandKits')
          .values({ ...emptyFields(), ...fields, partnerId: scope.partnerId, vendorId: scope.vendorId, revision: 1 })
          .returningAll()
          .executeTakeFirstOrThrow();
      }
      return tx
        .updateTable('brandKits')
        .set((eb) => ({ ...fields, revision: current.revision + 1, updatedAt: eb.fn<Date>('now') }))
        .where('partnerId', '=', current.partnerId)
        .returningAll()
        .executeTakeFirstOrThrow();
    });
  }

  /** Marks `email` confirmed while it is still the partner's From address. The revision stays: nothing rendered changes. */
  async confirmSender(scope: PartnerScope, email: string): Promise<boolean> {
    const result = await this.db
      .updateTable('brandKits')
      .set({ senderConfirmedEmail: email })
      .where((eb) => eb.and([partnerOwned(eb, scope, 'brandKits'), eb(eb.fn('lower', ['senderFromEmail']), '=', email.toLowerCase())]))
      .executeTakeFirst();
    return result.numUpdatedRows > 0n;
  }
}

function emptyFields(): BrandKitFields {
  return {
    companyName: null,
    contactName: null,
    phone: null,
    email: null,
    website: null,
    address: null,
    primaryColor: null,
    secondaryColor: null,
    logo: null,
    senderFromName: null,
    senderFromEmail: null,
    senderReplyTo: null,
    senderConfirmedEmail: null,
  };
}
