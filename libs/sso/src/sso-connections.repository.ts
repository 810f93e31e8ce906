import { Injectable } from '@nestjs/common';
import type { SsoRequirement } from '@tcma/accounts';
import {
  Database,
  Executor,
  NewSsoConnection,
  ownedAtLevel,
  SsoAudience,
  SsoConnectionRow,
  TenantScope,
  VendorScope,
} from '@tcma/persistence';

/** The requirement a change would leave without an enabled connection to sign in through. */
export type Stranded = SsoAudience | null;

export type SsoConnectionInput = Omit<NewSsoConnection, 'id' | 'vendorId' | 'partnerId' | 'createdAt' | 'updatedAt'>;
export type SsoConnectionChanges = Partial<SsoConnectionInput>;

/**
 * Identity connections, each the vendor's own or one partner's: every scoped method works at
 * exactly its scope's level (a vendor scope sees the vendor's own connections, a partner scope
 * its partner's). Sign-in reads one by id before anyone is known (the ForSystem reads).
 */
@Injectable()
export class SsoConnectionsRepository {
  constructor(private readonly db: Database) {}

  list(scope: TenantScope): Promise<SsoConnectionRow[]> {
    return this.db
      .selectFrom('ssoConnections')
      .selectAll()
      .where((eb) => ownedAtLevel(eb, scope, 'ssoConnections'))
      .orderBy('createdAt')
      .orderBy('id')
      .execute();
  }

  async find(scope: TenantScope, id: string): Promise<SsoConnectionRow | null> {
    return (
      (await this.db
        .selectFrom('ssoConnections')
        .selectAll()
        .where('id', '=', id)
        .where((eb) => ownedAtLevel(eb, scope, 'ssoConnections'))
        .executeTakeFirst()) ?? null
    );
  }

  /** Null when the owner has a connection of that name already (nothing written). */
  async create(scope: TenantScope, input: SsoConnectionInput): Promise<SsoConnectionRow | null> {
    return (
      (await this.db
        .insertInto('ssoConnections')
        .values({ ...input, vendorId: scope.vendorId, partnerId: scope.partnerId })
        .onConflict((oc) => oc.columns(['vendorId', 'partnerId', 'name']).doNothing())
        .returningAll()
        .executeTakeFirst()) ?? null
    );
  }

  /**
   * Changes a connection unless that leaves a required kind of user without an enabled
   * connection (then nothing is written and the kind is named). The vendor's row is locked
   * first, so a change of the requirement at the same moment sees this one.
   */
  update(
    scope: TenantScope,
    id: string,
    changes: SsoConnectionChanges,
  ): Promise<{ updated: SsoConnectionRow | null; stranded: Stranded }> {
    return this.db
      .transaction()
      .execute(async (tx) => {
        await this.lockVendor(tx, scope);
        const updated =
          (await tx
            .updateTable('ssoConnections')
            .set({ ...changes, updatedAt: new Date() })
            .where('id', '=', id)
            .where((eb) => ownedAtLevel(eb, scope, 'ssoConnections'))
            .returningAll()
            .executeTakeFirst()) ?? null;
        const stranded = await this.stranded(tx, scope);
        if (stranded) throw new StrandedRollback(stranded);
        return { updated, stranded: null };
      })
      .catch(strandedOutcome({ updated: null }));
  }

  /** Removes a connection, unless that leaves a required kind of user without one (as update). */
  remove(scope: TenantScope, id: string): Promise<{ removed: boolean; stranded: Stranded }> {
    return this.db
      .transaction()
      .execute(async (tx) => {
        await this.lockVendor(tx, scope);
        const removed = await tx
          .deleteFrom('ssoConnections')
          .where('id', '=', id)
          .where((eb) => ownedAtLevel(eb, scope, 'ssoConnections'))
          .executeTakeFirst();
        const stranded = await this.stranded(tx, scope);
        if (stranded) throw new StrandedRollback(stranded);
        return { removed: removed.numDeletedRows > 0n, stranded: null };
      })
      .catch(strandedOutcome({ removed: false }));
  }

  async requirement(scope: VendorScope): Promise<SsoRequirement> {
    return this.db
      .selectFrom('vendors')
      .select(['ssoRequiredVendorUsers', 'ssoRequiredPartnerUsers'])
      .where('id', '=', scope.vendorId)
      .executeTakeFirstOrThrow();
  }

  /** Sets the requirement unless a kind of user it requires has no enabled connection (nothing written then). */
  setRequirement(scope: VendorScope, requirement: SsoRequirement): Promise<{ stranded: Stranded }> {
    return this.db
      .transaction()
      .execute(async (tx) => {
        await this.lockVendor(tx, scope);
        await tx.updateTable('vendors').set(requirement).where('id', '=', scope.vendorId).execute();
        const stranded = await this.stranded(tx, scope);
        if (stranded) throw new StrandedRollback(stranded);
        return { stranded: null };
      })
      .catch(strandedOutcome({}));
  }

  private async lockVendor(tx: Executor, scope: TenantScope): Promise<void> {
    await tx.selectFrom('vendors').select('id').where('id', '=', scope.vendorId).forUpdate().execute();
  }

  /**
   * A kind of user the vendor requires single sign-on of, with no enabled connection of the
   * vendor's own for it: a partner's own connection signs in that partner's users only, so it
   * neither counts nor can strand anyone.
   */
  private async stranded(tx: Executor, scope: TenantScope): Promise<Stranded> {
    if (scope.partnerId !== null) return null;
    const vendor = await tx
      .selectFrom('vendors')
      .select(['ssoRequiredVendorUsers', 'ssoRequiredPartnerUsers'])
      .where('id', '=', scope.vendorId)
      .executeTakeFirstOrThrow();
    const enabled = new Set(
      (
        await tx
          .selectFrom('ssoConnections')
          .select('audience')
          .distinct()
          .where((eb) => ownedAtLevel(eb, scope, 'ssoConnections'))
          .where('enabled', '=', true)
          .execute()
      ).map((c) => c.audience),
    );
    if (vendor.ssoRequiredVendorUsers && !enabled.has('vendor_users')) return 'vendor_users';
    if (vendor.ssoRequiredPartnerUsers && !enabled.has('partner_users')) return 'partner_users';
    return null;
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

  /** The vendor's own enabled connections, of the vendor a sign-in page names by slug, for its buttons. */
  enabledBySlugForSystem(
    slug: string,
  ): Promise<Array<Pick<SsoConnectionRow, 'id' | 'name' | 'audience' | 'protocol'>>> {
    return this.db
      .selectFrom('ssoConnections as c')
      .innerJoin('vendors as v', 'v.id', 'c.vendorId')
      .select(['c.id', 'c.name', 'c.audience', 'c.protocol'])
      .where('v.slug', '=', slug)
      .where('c.partnerId', 'is', null)
      .where('c.enabled', '=', true)
      .orderBy('c.createdAt')
      .orderBy('c.id')
      .execute();
  }
}

/** Rolls a transaction back when its change would strand a required kind of user. */
class StrandedRollback extends Error {
  constructor(readonly audience: SsoAudience) {
    super(`single sign-on required of ${audience} without a connection`);
  }
}

const strandedOutcome =
  <T extends object>(nothing: T) =>
  (e: unknown): T & { stranded: Stranded } => {
    if (e instanceof StrandedRollback) return { ...nothing, stranded: e.audience };
    throw e;
  };
