import { Expression, ExpressionBuilder, sql, SqlBool, StringReference } from 'kysely';
import type { TenantScope } from './tenant-scope';

/**
 * The tenant condition of a query, for a table or alias of it. The alias is checked against
 * the tables of the query: naming one without the scope's columns does not compile.
 *
 *   db.selectFrom('launches as l').selectAll('l').where((eb) => partnerOwned(eb, scope, 'l'))
 */

/** The tables/aliases of a query that have column C. */
type OwnersOf<DB, TB extends keyof DB, C extends string> = StringReference<DB, TB> extends infer R ? (R extends `${infer A}.${C}` ? A : never) : never;

/** Rows that belong to a vendor (campaigns, sending settings): the vendor's own, whichever of its users asks. */
export function vendorOwned<DB, TB extends keyof DB>(eb: ExpressionBuilder<DB, TB>, scope: TenantScope, alias: OwnersOf<DB, TB, 'vendorId'>): Expression<SqlBool> {
  return eb.and([sql<SqlBool>`${sql.ref(`${String(alias)}.vendorId`)} = ${scope.vendorId}`]);
}

/** Rows that belong to a partner of a vendor (prospects, launches, sends): a partner scope also pins the partner. */
export function partnerOwned<DB, TB extends keyof DB>(eb: ExpressionBuilder<DB, TB>, scope: TenantScope, alias: OwnersOf<DB, TB, 'vendorId'> & OwnersOf<DB, TB, 'partnerId'>): Expression<SqlBool> {
  const conditions = [sql<SqlBool>`${sql.ref(`${String(alias)}.vendorId`)} = ${scope.vendorId}`];
  if (scope.partnerId !== null) conditions.push(sql<SqlBool>`${sql.ref(`${String(alias)}.partnerId`)} = ${scope.partnerId}`);
  return eb.and(conditions);
}
