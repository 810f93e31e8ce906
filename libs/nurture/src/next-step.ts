import type { SequenceDefinition } from '@tcma/campaign-model';
import { stepDue } from '@tcma/sequences';
import type { AdvanceTo } from './enrollments.repository';

/**
 * Where an enrollment goes after step `step` was dealt with at `at`: the next step with its
 * due time (queued at once when due within the horizon), or completed after the last one.
 */
export function nextStep(
  sequence: SequenceDefinition,
  step: number,
  at: Date,
  zone: string,
  now: Date,
  horizonMs: number,
): AdvanceTo {
  const next = sequence.steps[step + 1];
  if (!next) return { nextStep: step + 1, nextDueAt: null, status: 'completed', queuedAt: null };
  const due = stepDue(at, next, zone);
  return {
    nextStep: step + 1,
    nextDueAt: due,
    status: 'active',
    queuedAt: due.getTime() <= now.getTime() + horizonMs ? now : null,
  };
}
