import { Injectable } from '@nestjs/common';
import { Database, VendorHostNameRow, vendorOwned, VendorScope } from '@tcma/persistence';

/** The vendor a verified host name belongs to. */
export interface HostVendor {
  vendorId: string;
  slug: string;
}

/** What a claim came to: the new pending row, or why none was written. */
export type ClaimOutcome = { claimed: VendorHostNameRow } | { refused: 'limit' | 'claimed' };

/**
 * The host names vendors claim for their partner portals. Every method but the host's own
 * lookup (which comes before anyone is known: a request names only its host) works in one
 * vendor's scope.
 */
@Injectable()
export class VendorHostNamesRepository {
  constructor(private readonly db: Database) {}

  list(scope: VendorScope): Promise<VendorHostNameRow[]> {
    return this.db
      .selectFrom('vendorHostNames')
      .selectAll()
      .where((eb) => vendorOwned(eb, scope, 'vendorHostNames'))
      .orderBy('createdAt')
      .orderBy('id')
      .execute();
  }

  async find(scope: VendorScope, id: string): Promise<VendorHostNameRow | null> {
    return (
      (await this.db
        .selectFrom('vendorHostNames')
        .selectAll()
        .where('id', '=', id)
        .where((eb) => vendorOwned(eb, scope, 'vendorHostNames'))
        .executeTakeFirst()) ?? null
    );
  }

  /**
   * A pending claim, unless the vendor holds `limit` host names already or has claimed this
   * one. The vendor's row is locked first, so two claims at once count each other.
   */
  claim(scope: VendorScope, host: string, verificationToken: string, limit: number): Promise<ClaimOutcome> {
    return this.db.transaction().execute(async (tx) => {
      await tx.selectFrom('vendors').select('id').where('id', '=', scope.vendorId).forUpdate().execute();
      const held = await tx
        .selectFrom('vendorHostNames')
        .select('host')
        .where((eb) => vendorOwned(eb, scope, 'vendorHostNames'))
        .execute();
      if (held.some((h) => h.host === host)) return { refused: 'claimed' as const };
      if (held.length >= limit) return { refused: 'limit' as const };
      const claimed = await tx
        .insertInto('vendorHostNames')
        .values({ vendorId: scope.vendorId, host, verificationToken })
        .returningAll()
        .executeTakeFirstOrThrow();
      return { claimed };
    });
  }

  /** Whether another vendor than the scope's has verified `host` (a pending claim of theirs does not count). */
  async verifiedByAnotherVendor(scope: VendorScope, host: string): Promise<boolean> {
    const row = await this.db
      .selectFrom('vendorHostNames')
      .select('id')
      .where('host', '=', host)
      .where('status', '=', 'verified')
      .where('vendorId', '<>', scope.vendorId)
      .executeTakeFirst();
    return row !== undefined;
  }

  /** Records a check; `verifiedAt` set verifies the host (the partial unique index refuses a second vendor's: 23505). */
  async recordCheck(
    scope: VendorScope,
    id: string,
    check: { checkedAt: Date; lastError: string | null; verifiedAt?: Date },
  ): Promise<VendorHostNameRow | null> {
    return (
      (await this.db
        .updateTable('vendorHostNames')
        .set({
          checkedAt: check.checkedAt,
          lastError: check.lastError,
          ...(check.verifiedAt ? { status: 'verified' as const, verifiedAt: check.verifiedAt } : {}),
        })
        .where('id', '=', id)
        .where((eb) => vendorOwned(eb, scope, 'vendorHostNames'))
        .returningAll()
        .executeTakeFirst()) ?? null
    );
  }

  /** Deletes one; the row it was (its host leaves the cache), or null when the scope has none of that id. */
  async remove(scope: VendorScope, id: string): Promise<VendorHostNameRow | null> {
    return (
      (await this.db
        .deleteFrom('vendorHostNames')
        .where('id', '=', id)
        .where((eb) => vendorOwned(eb, scope, 'vendorHostNames'))
        .returningAll()
        .executeTakeFirst()) ?? null
    );
  }

  /** The vendor that verified `host`, across vendors: a request names its host before anyone is known. */
  async vendorOfVerifiedHostForSystem(host: string): Promise<HostVendor | null> {
    return (
      (await this.db
        .selectFrom('vendorHostNames as h')
        .innerJoin('vendors as v', 'v.id', 'h.vendorId')
        .select(['h.vendorId', 'v.slug'])
        .where('h.host', '=', host)
        .where('h.status', '=', 'verified')
        .executeTakeFirst()) ?? null
    );
  }
}
