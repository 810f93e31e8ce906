import { Injectable } from '@nestjs/common';
import { Database, VendorBrandRow, VendorRow, VendorScope, vendorOwned } from '@tcma/persistence';

export type VendorBrandFields = Omit<VendorBrandRow, 'vendorId' | 'revision' | 'updatedAt'>;

@Injectable()
export class VendorBrandsRepository {
  constructor(private readonly db: Database) {}

  async find(scope: VendorScope): Promise<VendorBrandRow | null> {
    return (
      (await this.db
        .selectFrom('vendorBrands')
        .selectAll()
        .where((eb) => vendorOwned(eb, scope, 'vendorBrands'))
        .executeTakeFirst()) ?? null
    );
  }

  /**
   * A vendor named by its slug, for pages nobody is signed in to (the slug is in their address),
   * with its brand when it has one.
   */
  async findBySlugForSystem(slug: string): Promise<{ vendor: VendorRow; brand: VendorBrandRow | null } | null> {
    const vendor = await this.db.selectFrom('vendors').selectAll().where('slug', '=', slug).executeTakeFirst();
    if (!vendor) return null;
    return { vendor, brand: await this.find(new VendorScope(vendor.id)) };
  }

  /** Creates or changes the vendor's brand, bumping its revision; fields left out keep their value. */
  save(scope: VendorScope, fields: Partial<VendorBrandFields>): Promise<VendorBrandRow> {
    return this.db
      .insertInto('vendorBrands')
      .values({ ...emptyFields(), ...fields, vendorId: scope.vendorId, revision: 1 })
      .onConflict((oc) =>
        oc.column('vendorId').doUpdateSet((eb) => ({
          ...fields,
          revision: eb(eb.ref('vendorBrands.revision'), '+', 1),
          updatedAt: eb.fn<Date>('now'),
        })),
      )
      .returningAll()
      .executeTakeFirstOrThrow();
  }
}

function emptyFields(): VendorBrandFields {
  return { displayName: null, primaryColor: null, supportEmail: null, supportUrl: null, logo: null, favicon: null };
}
