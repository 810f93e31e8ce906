import { Expression, ExpressionBuilder, sql, SqlBool, StringReference } from 'kysely';
import type { TenantScope } from './tenant-scope';

/**
 * The tenant condition of a query, for a table or alias of it. The alias is checked against
 * the tables of the query: naming one without the scope's columns does not compile.
 *
 *   db.selectFrom('launches as l').selectAll('l').where((eb) => partnerOwned(eb, scope, 'l'))
 */

/** The tables/aliases of a query that have column C. */
type OwnersOf<DB, TB extends keyof DB, C extends string> =
  StringReference<DB, TB> extends infer R ? (R extends `${infer A}.${C}` ? A : never) : never;

/** Rows that belong to a vendor (campaigns, sending settings): the vendor's own, whichever of its users asks. */
export function vendorOwned<DB, TB extends keyof DB>(
  eb: ExpressionBuilder<DB, TB>,
  scope: TenantScope,
  alias: OwnersOf<DB, TB, 'vendorId'>,
): Expression<SqlBool> {
  return eb.and([sql<SqlBool>`${sql.ref(`${String(alias)}.vendorId`)} = ${scope.vendorId}`]);
}

/** Rows that belong to a partner of a vendor (prospects, launches, sends): a partner scope also pins the partner. */
export function partnerOwned<DB, TB extends keyof DB>(
  eb: ExpressionBuilder<DB, TB>,
  scope: TenantScope,
  alias: OwnersOf<DB, TB, 'vendorId'> & OwnersOf<DB, TB, 'partnerId'>,
): Expression<SqlBool> {
  const conditions = [sql<SqlBool>`${sql.ref(`${String(alias)}.vendorId`)} = ${scope.vendorId}`];
  if (scope.partnerId !== null)
    conditions.push(sql<SqlBool>`${sql.ref(`${String(alias)}.partnerId`)} = ${scope.partnerId}`);
  return eb.and(conditions);
}

/**
 * Rows about a partner's contacts (people: suppressions, outbox messages) the scope may see: as
 * partnerOwned, except that a vendor scope never sees the rows of a partner keeping its contacts
 * private (the vendor's own rows, partnerId null, stay visible to it).
 */
export function contactsOwned<DB, TB extends keyof DB>(
  eb: ExpressionBuilder<DB, TB>,
  scope: TenantScope,
  alias: OwnersOf<DB, TB, 'vendorId'> & OwnersOf<DB, TB, 'partnerId'>,
): Expression<SqlBool> {
  const partner = sql.ref(`${String(alias)}.partnerId`);
  const conditions = [sql<SqlBool>`${sql.ref(`${String(alias)}.vendorId`)} = ${scope.vendorId}`];
  if (scope.partnerId !== null) conditions.push(sql<SqlBool>`${partner} = ${scope.partnerId}`);
  else
    conditions.push(
      sql<SqlBool>`NOT EXISTS (SELECT 1 FROM partners private_partner WHERE private_partner.id = ${partner} AND private_partner.contacts_private)`,
    );
  return eb.and(conditions);
}

/**
 * Rows at exactly the scope's level, in tables where a vendor's own row (partnerId null) sits
 * beside its partners' rows (sending settings, suppressions): a vendor scope matches the
 * vendor's own rows only, a partner scope that partner's.
 */
export function ownedAtLevel<DB, TB extends keyof DB>(
  eb: ExpressionBuilder<DB, TB>,
  scope: TenantScope,
  alias: OwnersOf<DB, TB, 'vendorId'> & OwnersOf<DB, TB, 'partnerId'>,
): Expression<SqlBool> {
  const partner = sql.ref(`${String(alias)}.partnerId`);
  return eb.and([
    sql<SqlBool>`${sql.ref(`${String(alias)}.vendorId`)} = ${scope.vendorId}`,
    scope.partnerId === null ? sql<SqlBool>`${partner} IS NULL` : sql<SqlBool>`${partner} = ${scope.partnerId}`,
  ]);
}

/**
 * The partners a scope may see (the partners table, whose `id` is the partner): every partner of
 * its vendor, or for a partner scope only itself.
 */
export function visiblePartners<DB, TB extends keyof DB>(
  eb: ExpressionBuilder<DB, TB>,
  scope: TenantScope,
  alias: OwnersOf<DB, TB, 'vendorId'> & OwnersOf<DB, TB, 'contactsPrivate'>,
): Expression<SqlBool> {
  const conditions = [sql<SqlBool>`${sql.ref(`${String(alias)}.vendorId`)} = ${scope.vendorId}`];
  if (scope.partnerId !== null) conditions.push(sql<SqlBool>`${sql.ref(`${String(alias)}.id`)} = ${scope.partnerId}`);
  return eb.and(conditions);
}

/** The scope's own vendor (the vendors table, whose `id` is the vendor; the alias must be of that table). */
export function ownVendor<DB, TB extends keyof DB>(
  eb: ExpressionBuilder<DB, TB>,
  scope: TenantScope,
  alias: OwnersOf<DB, TB, 'sendingDomain'>,
): Expression<SqlBool> {
  return eb.and([sql<SqlBool>`${sql.ref(`${String(alias)}.id`)} = ${scope.vendorId}`]);
}
