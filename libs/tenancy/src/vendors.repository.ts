import { Injectable } from '@nestjs/common';
import { Database, NewApiToken, NewUser, ownVendor, TenantScope, VendorRow } from '@tcma/persistence';

export interface NewVendorWithAdmin {
  vendor: { name: string; slug: string };
  admin: Pick<NewUser, 'email' | 'name'>;
  token: Omit<NewApiToken, 'userId'>;
}

@Injectable()
export class VendorsRepository {
  constructor(private readonly db: Database) {}

  /**
   * The CLI's bootstrap: a vendor, its first admin and the admin's token, all or nothing.
   * Null when the slug is taken (nothing is written then).
   */
  createWithAdminForSystem(input: NewVendorWithAdmin): Promise<{ vendor: VendorRow; userId: string } | null> {
    return this.db.transaction().execute(async (tx) => {
      if (await tx.selectFrom('vendors').select('id').where('slug', '=', input.vendor.slug).executeTakeFirst())
        return null;
      const vendor = await tx.insertInto('vendors').values(input.vendor).returningAll().executeTakeFirstOrThrow();
      const user = await tx
        .insertInto('users')
        .values({ ...input.admin, vendorId: vendor.id, partnerId: null, role: 'vendor_admin', disabledAt: null })
        .returning('id')
        .executeTakeFirstOrThrow();
      await tx
        .insertInto('apiTokens')
        .values({ ...input.token, userId: user.id, lastUsedAt: null, revokedAt: null })
        .execute();
      return { vendor, userId: user.id };
    });
  }

  /** Slugs are unique across the installation. */
  async slugTakenForSystem(slug: string): Promise<boolean> {
    return (await this.db.selectFrom('vendors').select('id').where('slug', '=', slug).executeTakeFirst()) !== undefined;
  }

  /** The scope's own vendor. */
  async find(scope: TenantScope): Promise<VendorRow | null> {
    return (
      (await this.db
        .selectFrom('vendors')
        .selectAll()
        .where((eb) => ownVendor(eb, scope, 'vendors'))
        .executeTakeFirst()) ?? null
    );
  }

  /** The worker's read of the vendor a send belongs to. */
  async findForSystem(id: string): Promise<VendorRow | null> {
    return (await this.db.selectFrom('vendors').selectAll().where('id', '=', id).executeTakeFirst()) ?? null;
  }

  async setSendingDomain(scope: TenantScope, sendingDomain: string | null): Promise<void> {
    await this.db
      .updateTable('vendors')
      .set({ sendingDomain })
      .where((eb) => ownVendor(eb, scope, 'vendors'))
      .execute();
  }

  /** Whether the vendor's campaigns are published only through an approver's review. */
  async setPublishApproval(scope: TenantScope, publishApproval: boolean): Promise<void> {
    await this.db
      .updateTable('vendors')
      .set({ publishApproval })
      .where((eb) => ownVendor(eb, scope, 'vendors'))
      .execute();
  }
}
