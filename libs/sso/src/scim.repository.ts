import { Injectable } from '@nestjs/common';
import { Database, Role, UserRow, vendorOwned, VendorScope } from '@tcma/persistence';

/** A user with the external id of its partner, as SCIM shows it. */
export type ScimUserRow = UserRow & { partnerExternalId: string | null };

/**
 * Users as a vendor's identity provider provisions them over SCIM. The token's own lookup comes
 * before any tenant is known (the token names it); everything else is in the token's vendor.
 */
@Injectable()
export class ScimRepository {
  constructor(private readonly db: Database) {}

  async vendorOfTokenForSystem(tokenHash: Buffer): Promise<string | null> {
    const row = await this.db
      .selectFrom('vendors')
      .select('id')
      .where('scimTokenHash', '=', tokenHash)
      .executeTakeFirst();
    return row?.id ?? null;
  }

  async setToken(scope: VendorScope, tokenHash: Buffer | null): Promise<void> {
    await this.db.updateTable('vendors').set({ scimTokenHash: tokenHash }).where('id', '=', scope.vendorId).execute();
  }

  async tokenSet(scope: VendorScope): Promise<boolean> {
    const row = await this.db
      .selectFrom('vendors')
      .select('scimTokenHash')
      .where('id', '=', scope.vendorId)
      .executeTakeFirstOrThrow();
    return row.scimTokenHash !== null;
  }

  private users(scope: VendorScope) {
    return this.db
      .selectFrom('users as u')
      .leftJoin('partners as p', 'p.id', 'u.partnerId')
      .selectAll('u')
      .select('p.externalId as partnerExternalId')
      .where((eb) => vendorOwned(eb, scope, 'u'));
  }

  async list(
    scope: VendorScope,
    email: string | null,
    page: { offset: number; limit: number },
  ): Promise<{ items: ScimUserRow[]; total: number }> {
    let counted = this.db
      .selectFrom('users as u')
      .select((eb) => eb.fn.countAll<string>().as('n'))
      .where((eb) => vendorOwned(eb, scope, 'u'));
    let users = this.users(scope);
    if (email !== null) {
      counted = counted.where('u.email', '=', email);
      users = users.where('u.email', '=', email);
    }
    const [items, total] = await Promise.all([
      users.orderBy('u.createdAt').orderBy('u.id').offset(page.offset).limit(page.limit).execute(),
      counted.executeTakeFirstOrThrow(),
    ]);
    return { items, total: Number(total.n) };
  }

  async find(scope: VendorScope, id: string): Promise<ScimUserRow | null> {
    return (await this.users(scope).where('u.id', '=', id).executeTakeFirst()) ?? null;
  }

  /** Null when the vendor has a user with that email already (nothing written). */
  async create(
    scope: VendorScope,
    user: { email: string; name: string; role: Role; partnerId: string | null; disabledAt: Date | null },
  ): Promise<UserRow | null> {
    return (
      (await this.db
        .insertInto('users')
        .values({ ...user, vendorId: scope.vendorId })
        .onConflict((oc) => oc.columns(['vendorId', 'email']).doNothing())
        .returningAll()
        .executeTakeFirst()) ?? null
    );
  }

  /**
   * Changes a user; one deactivated (disabledAt set) loses every session and API token in the
   * same transaction, so nothing it held works again if it is reactivated.
   */
  async update(
    scope: VendorScope,
    id: string,
    changes: Partial<Pick<UserRow, 'email' | 'name' | 'role' | 'disabledAt'>>,
    now: Date,
  ): Promise<boolean> {
    return this.db.transaction().execute(async (tx) => {
      const updated = await tx
        .updateTable('users')
        .set(changes)
        .where('id', '=', id)
        .where((eb) => vendorOwned(eb, scope, 'users'))
        .executeTakeFirst();
      if (updated.numUpdatedRows === 0n) return false;
      if (changes.disabledAt) {
        await tx
          .updateTable('sessions')
          .set({ revokedAt: now })
          .where('userId', '=', id)
          .where('revokedAt', 'is', null)
          .execute();
        await tx
          .updateTable('apiTokens')
          .set({ revokedAt: now })
          .where('userId', '=', id)
          .where('revokedAt', 'is', null)
          .execute();
      }
      return true;
    });
  }
}
