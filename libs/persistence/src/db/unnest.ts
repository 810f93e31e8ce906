import { AliasedRawBuilder, sql } from 'kysely';

const snake = (s: string) => s.replace(/([a-z0-9])([A-Z])/g, '$1_$2').toLowerCase();

type Columns<R> = { [K in keyof R]: { type: string; values: ReadonlyArray<R[K]> } };

/**
 * Parallel arrays as a table for bulk statements, one parameter per column whatever the row
 * count: `unnest($1::bigint[], $2::text[]) AS alias(col_a, col_b)`, as Kysely's aliased raw
 * source (its documented recipe for set-returning functions). Columns are named in camelCase
 * like every other and reach SQL in snake_case.
 *
 *   db.selectFrom(unnest('c', { sendId: { type: 'bigint', values: ids } })).select('c.sendId')
 */
export function unnest<R extends Record<string, unknown>, A extends string>(
  alias: A,
  columns: Columns<R>,
): AliasedRawBuilder<R, A> {
  const names = Object.keys(columns);
  const arrays = names.map((name) => {
    const column = columns[name as keyof R];
    if (!/^[a-z][a-z0-9 ]*$/.test(column.type)) throw new Error(`unnest: unexpected SQL type ${column.type}`);
    return sql`${column.values}::${sql.raw(column.type)}[]`;
  });
  return sql<R>`unnest(${sql.join(arrays)})`.as<A>(sql.raw(`${alias}(${names.map(snake).join(', ')})`));
}
