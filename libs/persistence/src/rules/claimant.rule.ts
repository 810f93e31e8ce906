import { Expression, expressionBuilder, sql, SqlBool } from 'kysely';
import type { DB } from '../db/database.types';

/**
 * Whether the worker named by `claimant` (a send's claimed_by) is alive: it wrote a
 * heartbeat within `aliveWithinMs`, by Postgres' clock. A worker that stopped beating has
 * died or lost Postgres; either way what it holds may be recovered.
 */
export function claimantAlive(claimant: Expression<string | null>, aliveWithinMs: number): Expression<SqlBool> {
  const eb = expressionBuilder<DB, never>();
  return eb.exists(
    eb
      .selectFrom('workers as w')
      .select(eb.lit(1).as('one'))
      .where('w.id', '=', claimant)
      .where('w.beatAt', '>', sql<Date>`now() - make_interval(secs => ${aliveWithinMs / 1000})`),
  );
}
