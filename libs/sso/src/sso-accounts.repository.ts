import { Injectable } from '@nestjs/common';
import { Database, PartnerRow, Role, UserRow, vendorOwned, VendorScope } from '@tcma/persistence';

/** The users and partners a single sign-on finds or provisions, in the connection's vendor only. */
@Injectable()
export class SsoAccountsRepository {
  constructor(private readonly db: Database) {}

  async userByEmail(scope: VendorScope, email: string): Promise<UserRow | null> {
    return (
      (await this.db
        .selectFrom('users')
        .selectAll()
        .where('email', '=', email)
        .where((eb) => vendorOwned(eb, scope, 'users'))
        .executeTakeFirst()) ?? null
    );
  }

  async partner(scope: VendorScope, id: string): Promise<PartnerRow | null> {
    return (
      (await this.db
        .selectFrom('partners')
        .selectAll()
        .where('id', '=', id)
        .where((eb) => vendorOwned(eb, scope, 'partners'))
        .executeTakeFirst()) ?? null
    );
  }

  async partnerByExternalId(scope: VendorScope, externalId: string): Promise<PartnerRow | null> {
    return (
      (await this.db
        .selectFrom('partners')
        .selectAll()
        .where('externalId', '=', externalId)
        .where((eb) => vendorOwned(eb, scope, 'partners'))
        .executeTakeFirst()) ?? null
    );
  }

  /**
   * A user provisioned at first sign-in, without a password (it signs in through its provider).
   * A sign-in of the same email at the same moment made it first: that row is returned.
   */
  async provision(
    scope: VendorScope,
    user: { email: string; name: string; role: Role; partnerId: string | null },
  ): Promise<UserRow> {
    const made = await this.db
      .insertInto('users')
      .values({ ...user, vendorId: scope.vendorId, disabledAt: null })
      .onConflict((oc) => oc.columns(['vendorId', 'email']).doNothing())
      .returningAll()
      .executeTakeFirst();
    return made ?? (await this.userByEmail(scope, user.email))!;
  }
}
