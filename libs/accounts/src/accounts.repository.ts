import { Injectable } from '@nestjs/common';
import { Database, executorOf, Tx, UserRow } from '@tcma/persistence';
import type { SsoRequirement } from './sso-requirement';

/** Users as sign-in sees them: found by email before any tenant is known. */
@Injectable()
export class AccountsRepository {
  constructor(private readonly db: Database) {}

  /**
   * Enabled users with this email (one per vendor at most), whose partner, if any, is active;
   * oldest first. Sign-in tries the few there are. `onlyVendorId`: only that vendor's (on its
   * own host name, nobody else may sign in). With what their vendor requires of their sign-in.
   */
  activeByEmailForSystem(
    email: string,
    limit: number,
    onlyVendorId: string | null = null,
  ): Promise<Array<UserRow & SsoRequirement>> {
    let users = this.db
      .selectFrom('users as u')
      .leftJoin('partners as p', 'p.id', 'u.partnerId')
      .innerJoin('vendors as v', 'v.id', 'u.vendorId')
      .selectAll('u')
      .select(['v.ssoRequiredVendorUsers', 'v.ssoRequiredPartnerUsers'])
      .where('u.email', '=', email)
      .where('u.disabledAt', 'is', null)
      .where((eb) => eb.or([eb('u.partnerId', 'is', null), eb('p.status', '=', 'active')]));
    if (onlyVendorId !== null) users = users.where('u.vendorId', '=', onlyVendorId);
    return users.orderBy('u.createdAt', 'asc').limit(limit).execute();
  }

  async findForSystem(id: string): Promise<UserRow | null> {
    return (await this.db.selectFrom('users').selectAll().where('id', '=', id).executeTakeFirst()) ?? null;
  }

  async setPasswordForSystem(userId: string, passwordHash: string, now: Date, tx?: Tx): Promise<void> {
    await executorOf(this.db, tx)
      .updateTable('users')
      .set({ passwordHash, passwordChangedAt: now })
      .where('id', '=', userId)
      .execute();
  }
}
