import { Injectable } from '@nestjs/common';
import { Database, Found, NewUser, PageWindow, Role, TenantScope, UserRow, vendorOwned } from '@tcma/persistence';

export type NewUserInput = Pick<NewUser, 'partnerId' | 'email' | 'name' | 'role'>;
export type UserChanges = Partial<Pick<UserRow, 'name' | 'disabledAt' | 'locale'>>;

@Injectable()
export class UsersRepository {
  constructor(private readonly db: Database) {}

  create(scope: TenantScope, input: NewUserInput): Promise<UserRow> {
    return this.db
      .insertInto('users')
      .values({ ...input, vendorId: scope.vendorId, disabledAt: null })
      .returningAll()
      .executeTakeFirstOrThrow();
  }

  async find(scope: TenantScope, id: string): Promise<UserRow | null> {
    return (
      (await this.db
        .selectFrom('users')
        .selectAll()
        .where('id', '=', id)
        .where((eb) => vendorOwned(eb, scope, 'users'))
        .executeTakeFirst()) ?? null
    );
  }

  async emailTaken(scope: TenantScope, email: string): Promise<boolean> {
    const found = await this.db
      .selectFrom('users')
      .select('id')
      .where('email', '=', email)
      .where((eb) => vendorOwned(eb, scope, 'users'))
      .limit(1)
      .executeTakeFirst();
    return found !== undefined;
  }

  /** The vendor's users; `partnerId: null` means vendor users only. */
  async list(
    scope: TenantScope,
    filter: { partnerId?: string | null; role?: Role } & PageWindow,
  ): Promise<Found<UserRow>> {
    const matching = this.db.selectFrom('users').where((eb) => {
      const conditions = [vendorOwned(eb, scope, 'users')];
      // A partner scope sees its own users only (vendor users have no partner).
      if (scope.partnerId !== null) conditions.push(eb('partnerId', '=', scope.partnerId));
      if (filter.partnerId !== undefined)
        conditions.push(
          filter.partnerId === null ? eb('partnerId', 'is', null) : eb('partnerId', '=', filter.partnerId),
        );
      if (filter.role) conditions.push(eb('role', '=', filter.role));
      return eb.and(conditions);
    });
    const [items, count] = await Promise.all([
      matching
        .selectAll()
        .orderBy('createdAt', 'asc')
        .orderBy('id', 'asc')
        .limit(filter.limit)
        .offset(filter.offset)
        .execute(),
      matching.select((eb) => eb.cast<number>(eb.fn.countAll(), 'integer').as('total')).executeTakeFirstOrThrow(),
    ]);
    return { items, total: count.total };
  }

  /** Applies the changes (none: nothing is written) and returns the user as it now is, or null when not in scope. */
  async update(scope: TenantScope, id: string, changes: UserChanges): Promise<UserRow | null> {
    if (!Object.keys(changes).length) return this.find(scope, id);
    const updated = await this.db
      .updateTable('users')
      .set(changes)
      .where('id', '=', id)
      .where((eb) => vendorOwned(eb, scope, 'users'))
      .returningAll()
      .executeTakeFirst();
    return updated ?? null;
  }
}
