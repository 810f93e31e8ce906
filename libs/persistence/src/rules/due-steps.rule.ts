import { Expression, expressionBuilder, SqlBool } from 'kysely';
import type { DB, Enrollments, Launches } from '../db/database.types';

type Scheduling = DB & { e: Enrollments; l: Launches };

/**
 * A step that is due: the next step of an active enrollment, of a launch that is running,
 * due by `until`. Reads the query's enrollments as `e` and their launches as `l`.
 */
export function stepDue(until: Date): Expression<SqlBool> {
  const eb = expressionBuilder<Scheduling, 'e' | 'l'>();
  return eb.and([eb('e.status', '=', 'active'), eb('e.nextDueAt', '<=', until), eb('l.status', '=', 'active')]);
}

/**
 * The sweep's rule: a due step that is not in the queue, because it was never queued or was
 * queued before `requeueBefore` and is still not done (its job was lost with a worker or a
 * Redis flush).
 */
export function dueAndNotQueued(until: Date, requeueBefore: Date): Expression<SqlBool> {
  const eb = expressionBuilder<Scheduling, 'e' | 'l'>();
  return eb.and([stepDue(until), eb.or([eb('e.queuedAt', 'is', null), eb('e.queuedAt', '<', requeueBefore)])]);
}
