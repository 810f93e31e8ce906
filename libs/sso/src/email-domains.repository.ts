import { Injectable } from '@nestjs/common';
import { Database, EmailDomainRow, ownedAtLevel, TenantScope } from '@tcma/persistence';

/** What a claim came to: the new pending row, or why none was written. */
export type DomainClaimOutcome = { claimed: EmailDomainRow } | { refused: 'limit' | 'claimed' };

/** A connection an email's domain offers at sign-in. */
export interface DomainConnection {
  id: string;
  name: string;
  protocol: 'oidc' | 'saml';
  vendorId: string;
}

/**
 * The email domains a vendor and its partners claim. Every method but the sign-in page's lookup
 * (which comes before anyone is known) works at exactly one owner's level: the vendor's own
 * domains, or one partner's.
 */
@Injectable()
export class EmailDomainsRepository {
  constructor(private readonly db: Database) {}

  list(scope: TenantScope): Promise<EmailDomainRow[]> {
    return this.db
      .selectFrom('emailDomains')
      .selectAll()
      .where((eb) => ownedAtLevel(eb, scope, 'emailDomains'))
      .orderBy('createdAt')
      .orderBy('id')
      .execute();
  }

  async find(scope: TenantScope, id: string): Promise<EmailDomainRow | null> {
    return (
      (await this.db
        .selectFrom('emailDomains')
        .selectAll()
        .where('id', '=', id)
        .where((eb) => ownedAtLevel(eb, scope, 'emailDomains'))
        .executeTakeFirst()) ?? null
    );
  }

  /**
   * A pending claim, unless the owner holds `limit` domains already or has claimed this one.
   * The vendor's row is locked first, so two claims at once count each other.
   */
  claim(scope: TenantScope, domain: string, verificationToken: string, limit: number): Promise<DomainClaimOutcome> {
    return this.db.transaction().execute(async (tx) => {
      await tx.selectFrom('vendors').select('id').where('id', '=', scope.vendorId).forUpdate().execute();
      const held = await tx
        .selectFrom('emailDomains')
        .select('domain')
        .where((eb) => ownedAtLevel(eb, scope, 'emailDomains'))
        .execute();
      if (held.some((d) => d.domain === domain)) return { refused: 'claimed' as const };
      if (held.length >= limit) return { refused: 'limit' as const };
      const claimed = await tx
        .insertInto('emailDomains')
        .values({ vendorId: scope.vendorId, partnerId: scope.partnerId, domain, verificationToken })
        .returningAll()
        .executeTakeFirstOrThrow();
      return { claimed };
    });
  }

  /** Whether another owner of the scope's vendor (the vendor, or another partner) has verified `domain`. */
  async verifiedByAnotherOwner(scope: TenantScope, domain: string): Promise<boolean> {
    const row = await this.db
      .selectFrom('emailDomains')
      .select('id')
      .where('vendorId', '=', scope.vendorId)
      .where('domain', '=', domain)
      .where('status', '=', 'verified')
      .where((eb) => eb.not(ownedAtLevel(eb, scope, 'emailDomains')))
      .executeTakeFirst();
    return row !== undefined;
  }

  /** Whether the owner has verified `domain`: a partner's own connection signs in only its domains' emails. */
  async isVerified(scope: TenantScope, domain: string): Promise<boolean> {
    const row = await this.db
      .selectFrom('emailDomains')
      .select('id')
      .where('domain', '=', domain)
      .where('status', '=', 'verified')
      .where((eb) => ownedAtLevel(eb, scope, 'emailDomains'))
      .executeTakeFirst();
    return row !== undefined;
  }

  /** Records a check; `verifiedAt` set verifies the domain (the partial unique index refuses a second owner's: 23505). */
  async recordCheck(
    scope: TenantScope,
    id: string,
    check: { checkedAt: Date; lastError: string | null; verifiedAt?: Date },
  ): Promise<EmailDomainRow | null> {
    return (
      (await this.db
        .updateTable('emailDomains')
        .set({
          checkedAt: check.checkedAt,
          lastError: check.lastError,
          ...(check.verifiedAt ? { status: 'verified' as const, verifiedAt: check.verifiedAt } : {}),
        })
        .where('id', '=', id)
        .where((eb) => ownedAtLevel(eb, scope, 'emailDomains'))
        .returningAll()
        .executeTakeFirst()) ?? null
    );
  }

  async remove(scope: TenantScope, id: string): Promise<boolean> {
    const removed = await this.db
      .deleteFrom('emailDomains')
      .where('id', '=', id)
      .where((eb) => ownedAtLevel(eb, scope, 'emailDomains'))
      .executeTakeFirst();
    return removed.numDeletedRows > 0n;
  }

  /**
   * The enabled connections an email of `domain` signs in through, across vendors unless one is
   * given (the host's by id, or the page's `?vendor=` by slug): a partner's verified domain offers that
   * partner's own connections, a vendor's verified domain the vendor's connections for its own
   * users. At most `limit`, the owner's oldest first.
   */
  connectionsForDomainForSystem(
    domain: string,
    vendor: { id: string } | { slug: string } | null,
    limit: number,
  ): Promise<DomainConnection[]> {
    let query = this.db
      .selectFrom('emailDomains as d')
      .innerJoin('ssoConnections as c', (j) =>
        j
          .onRef('c.vendorId', '=', 'd.vendorId')
          .on((eb) =>
            eb.or([
              eb('c.partnerId', '=', eb.ref('d.partnerId')),
              eb.and([
                eb('c.partnerId', 'is', null),
                eb('d.partnerId', 'is', null),
                eb('c.audience', '=', 'vendor_users'),
              ]),
            ]),
          ),
      )
      .innerJoin('vendors as v', 'v.id', 'd.vendorId')
      .leftJoin('partners as p', 'p.id', 'd.partnerId')
      .select(['c.id', 'c.name', 'c.protocol', 'c.vendorId'])
      .where('d.domain', '=', domain)
      // A suspended partner's connection is not offered (its users could not sign in anyway).
      .where((eb) => eb.or([eb('d.partnerId', 'is', null), eb('p.status', '=', 'active')]))
      .where('d.status', '=', 'verified')
      .where('c.enabled', '=', true);
    if (vendor && 'id' in vendor) query = query.where('d.vendorId', '=', vendor.id);
    if (vendor && 'slug' in vendor) query = query.where('v.slug', '=', vendor.slug);
    return query.orderBy('c.createdAt').orderBy('c.id').limit(limit).execute();
  }
}
