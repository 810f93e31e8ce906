import { isDeepStrictEqual } from 'node:util';

/**
 * The fields of `next` whose values differ from the row's (jsonb values compared deeply):
 * an edit that changes nothing writes nothing, so the row's updatedAt stays as it was.
 */
export function changedFields<R extends object, C extends Partial<R>>(row: R, next: C): Partial<C> {
  const changed: Partial<C> = {};
  for (const key of Object.keys(next) as Array<keyof C & keyof R>) {
    if (next[key] !== undefined && !isDeepStrictEqual(next[key], row[key])) changed[key] = next[key];
  }
  return changed;
}
