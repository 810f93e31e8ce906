import { Compilable, CompiledQuery, Kysely } from 'kysely';

/** The values of one run of a prepared statement: each an array (an `unnest` column), one parameter each. */
export type PreparedValues = Record<string, ReadonlyArray<unknown>>;

/**
 * A statement whose SQL never changes between runs, built and compiled by Kysely once and then
 * run with each call's values. Kysely rebuilds and recompiles its query tree on every call: for
 * the send path's settle statement (five CTEs, one per message sent) that was about a fifth of a
 * worker's CPU. Only statements whose every varying value is an `unnest` array qualify: the
 * arrays are one parameter each whatever their length, so the SQL text is the same every time.
 *
 * On the first run the statement is built from that run's values and each parameter traced back
 * to the value it came from by identity; any other parameter is a constant of the statement (a
 * status it sets, an increment) and kept. Every value must appear exactly once, or the statement
 * does not qualify and the first run throws.
 */
export function prepared<DB, V extends PreparedValues, O>(
  build: (db: Kysely<DB>, values: V) => Compilable<O>,
): (db: Kysely<DB>, values: V) => Promise<O[]> {
  let compiled: { sql: string; parameters: ReadonlyArray<(values: V) => unknown> } | undefined;
  return async (db, values) => {
    if (!compiled) compiled = trace(build(db, values).compile(), values);
    const parameters = compiled.parameters.map((take) => take(values));
    const result = await db.executeQuery<O>(CompiledQuery.raw(compiled.sql, parameters));
    return result.rows;
  };
}

function trace<V extends PreparedValues>(
  query: CompiledQuery,
  values: V,
): { sql: string; parameters: ReadonlyArray<(values: V) => unknown> } {
  const keys = Object.keys(values);
  const used = new Set<string>();
  const parameters = query.parameters.map((parameter) => {
    const key = keys.find((k) => values[k] === parameter);
    if (key === undefined) return () => parameter;
    if (used.has(key)) throw new Error(`prepared: value ${key} is used twice; give each use its own array`);
    used.add(key);
    return (v: V) => v[key];
  });
  const unused = keys.filter((k) => !used.has(k));
  if (unused.length) throw new Error(`prepared: values ${unused.join(', ')} are not parameters of the statement`);
  return { sql: query.sql, parameters };
}
