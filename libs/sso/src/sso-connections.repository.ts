import { Injectable } from '@nestjs/common';
import { Database, NewSsoConnection, SsoConnectionRow, vendorOwned, VendorScope } from '@tcma/persistence';

export type SsoConnectionInput = Omit<NewSsoConnection, 'id' | 'vendorId' | 'createdAt' | 'updatedAt'>;
export type SsoConnectionChanges = Partial<SsoConnectionInput>;

/** A vendor's identity connections. Sign-in reads one by id before anyone is known (the ForSystem read). */
@Injectable()
export class SsoConnectionsRepository {
  constructor(private readonly db: Database) {}

  list(scope: VendorScope): Promise<SsoConnectionRow[]> {
    return this.db
      .selectFrom('ssoConnections')
      .selectAll()
      .where((eb) => vendorOwned(eb, scope, 'ssoConnections'))
      .orderBy('createdAt')
      .orderBy('id')
      .execute();
  }

  async find(scope: VendorScope, id: string): Promise<SsoConnectionRow | null> {
    return (
      (await this.db
        .selectFrom('ssoConnections')
        .selectAll()
        .where('id', '=', id)
        .where((eb) => vendorOwned(eb, scope, 'ssoConnections'))
        .executeTakeFirst()) ?? null
    );
  }

  /** Null when the vendor has a connection of that name already (nothing written). */
  async create(scope: VendorScope, input: SsoConnectionInput): Promise<SsoConnectionRow | null> {
    return (
      (await this.db
        .insertInto('ssoConnections')
        .values({ ...input, vendorId: scope.vendorId })
        .onConflict((oc) => oc.columns(['vendorId', 'name']).doNothing())
        .returningAll()
        .executeTakeFirst()) ?? null
    );
  }

  async update(scope: VendorScope, id: string, changes: SsoConnectionChanges): Promise<SsoConnectionRow | null> {
    return (
      (await this.db
        .updateTable('ssoConnections')
        .set({ ...changes, updatedAt: new Date() })
        .where('id', '=', id)
        .where((eb) => vendorOwned(eb, scope, 'ssoConnections'))
        .returningAll()
        .executeTakeFirst()) ?? null
    );
  }

  async remove(scope: VendorScope, id: string): Promise<boolean> {
    const removed = await this.db
      .deleteFrom('ssoConnections')
      .where('id', '=', id)
      .where((eb) => vendorOwned(eb, scope, 'ssoConnections'))
      .executeTakeFirst();
    return removed.numDeletedRows > 0n;
  }

  /** The connection a sign-in names by id, enabled, whoever's it is: the caller checks the host's vendor. */
  async findEnabledForSystem(id: string): Promise<SsoConnectionRow | null> {
    return (
      (await this.db
        .selectFrom('ssoConnections')
        .selectAll()
        .where('id', '=', id)
        .where('enabled', '=', true)
        .executeTakeFirst()) ?? null
    );
  }

  /** The enabled connections of the vendor a sign-in page names by slug, for its buttons. */
  enabledBySlugForSystem(slug: string): Promise<Array<Pick<SsoConnectionRow, 'id' | 'name' | 'audience'>>> {
    return this.db
      .selectFrom('ssoConnections as c')
      .innerJoin('vendors as v', 'v.id', 'c.vendorId')
      .select(['c.id', 'c.name', 'c.audience'])
      .where('v.slug', '=', slug)
      .where('c.enabled', '=', true)
      .orderBy('c.createdAt')
      .orderBy('c.id')
      .execute();
  }
}
