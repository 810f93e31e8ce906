import { Injectable } from '@nestjs/common';
import { BrandKitRow, BrandLogo, Database, Executor, partnerOwned, PartnerScope } from '@tcma/persistence';
import { sql } from 'kysely';

export type BrandKitFields = Omit<BrandKitRow, 'partnerId' | 'vendorId' | 'revision' | 'updatedAt'>;

@Injectable()
export class BrandKitsRepository {
  constructor(private readonly db: Database) {}

  async find(scope: PartnerScope): Promise<BrandKitRow | null> {
    return (
      (await this.db
        .selectFrom('brandKits')
        .selectAll()
        .where((eb) => partnerOwned(eb, scope, 'brandKits'))
        .executeTakeFirst()) ?? null
    );
  }

  /** Creates or changes the partner's brand kit, bumping its revision; a new logo (or none) is written into the logo history. */
  save(scope: PartnerScope, fields: Partial<BrandKitFields>): Promise<BrandKitRow> {
    return this.db.transaction().execute(async (tx) => {
      const current = await tx
        .selectFrom('brandKits')
        .selectAll()
        .where((eb) => partnerOwned(eb, scope, 'brandKits'))
        .forUpdate()
        .executeTakeFirst();
      if (fields.logo !== undefined && (current?.logo?.pngKey ?? null) !== (fields.logo?.pngKey ?? null))
        await this.recordLogo(tx, scope, fields.logo);
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

  /** Closes the partner's current logo in the history and opens the new one (emails sent from now on link to it). */
  private async recordLogo(tx: Executor, scope: PartnerScope, logo: BrandLogo | null): Promise<void> {
    await tx
      .updateTable('brandKitLogos')
      .set({ replacedAt: sql<Date>`now()` })
      .where((eb) => eb.and([partnerOwned(eb, scope, 'brandKitLogos'), eb('replacedAt', 'is', null)]))
      .execute();
    if (logo) {
      await tx
        .insertInto('brandKitLogos')
        .values({
          vendorId: scope.vendorId,
          partnerId: scope.partnerId,
          pngKey: logo.pngKey,
          webpKey: logo.webpKey,
          setAt: sql<Date>`now()`,
        })
        .execute();
    }
  }

  /** Marks `email` confirmed while it is still the partner's From address. The revision stays: nothing rendered changes. */
  async confirmSender(scope: PartnerScope, email: string): Promise<boolean> {
    const result = await this.db
      .updateTable('brandKits')
      .set({ senderConfirmedEmail: email })
      .where((eb) =>
        eb.and([
          partnerOwned(eb, scope, 'brandKits'),
          eb(eb.fn('lower', ['senderFromEmail']), '=', email.toLowerCase()),
        ]),
      )
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
