import type { Problem } from '@tcma/errors';

/** A launch may start this far in the past (clock differences) and this far ahead. */
const START_TOLERANCE_MS = 5 * 60_000;
const MAX_START_AHEAD_MS = 365 * 86_400_000;

export function startProblems(startAt: Date, now: Date): Problem[] {
  const problems: Problem[] = [];
  if (startAt.getTime() < now.getTime() - START_TOLERANCE_MS)
    problems.push({ path: 'startAt', message: 'must not be in the past' });
  if (startAt.getTime() > now.getTime() + MAX_START_AHEAD_MS)
    problems.push({ path: 'startAt', message: 'must be within a year' });
  return problems;
}
