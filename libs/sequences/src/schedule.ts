import type { SendWindow, SequenceStep, StepWait } from '@tcma/campaign-model';
import { WEEKDAYS } from '@tcma/campaign-model';
import { addLocalDays, LocalDateTime, weekdayOf, zonedParts, zonedTimeToInstant } from './zoned-time';

const MINUTE = 60_000;

/**
 * When a wait ends. Days are calendar days in the recipient's zone (same wall-clock time,
 * whatever a daylight-saving change does in between); hours and minutes are elapsed time.
 * "Next <weekday> at HH:MM" is the first such local moment strictly after `from`.
 */
export function waitUntil(from: Date, wait: StepWait, zone: string): Date {
  if (wait.type === 'duration') {
    let at = from;
    if (wait.days) {
      const p = zonedParts(from, zone);
      at = zonedTimeToInstant(addLocalDays(p, wait.days), zone);
      // Keep the seconds of the start: a local time has minute resolution.
      at = new Date(at.getTime() + p.second * 1000 + (from.getTime() % 1000));
    }
    return new Date(at.getTime() + ((wait.hours ?? 0) * 60 + (wait.minutes ?? 0)) * MINUTE);
  }
  const [hour, minute] = wait.time.split(':').map(Number);
  const target = WEEKDAYS.indexOf(wait.weekday);
  const p = zonedParts(from, zone);
  for (let ahead = 0; ahead <= 7; ahead++) {
    const day = addLocalDays({ ...p, hour, minute }, ahead);
    if (weekdayOf(day) !== target) continue;
    const at = zonedTimeToInstant(day, zone);
    if (at.getTime() > from.getTime()) return at;
  }
  throw new Error('unreachable: a weekday recurs within 8 days');
}

function inWindowLocal(local: LocalDateTime & { weekday: number }, window: SendWindow): boolean {
  return window.days.includes(WEEKDAYS[local.weekday]) && local.hour >= window.startHour && local.hour < window.endHour;
}

export function isInWindow(instant: Date, window: SendWindow | null | undefined, zone: string): boolean {
  return !window || inWindowLocal(zonedParts(instant, zone), window);
}

/** The first moment at or after `at` that lies in the window (the window's opening, if outside). */
export function nextOpenSlot(at: Date, window: SendWindow | null | undefined, zone: string): Date {
  if (!window || isInWindow(at, window, zone)) return at;
  const p = zonedParts(at, zone);
  for (let ahead = 0; ahead <= 7; ahead++) {
    const day = addLocalDays({ ...p, hour: window.startHour, minute: 0 }, ahead);
    if (!window.days.includes(WEEKDAYS[weekdayOf(day)])) continue;
    const opening = zonedTimeToInstant(day, zone);
    if (opening.getTime() >= at.getTime()) return opening;
  }
  throw new Error('A send window must contain at least one day');
}

/** When a step is due: its wait from `from` (launch start or the previous send), moved into its window. */
export function stepDue(from: Date, step: Pick<SequenceStep, 'wait' | 'window'>, zone: string): Date {
  return nextOpenSlot(waitUntil(from, step.wait, zone), step.window, zone);
}

export type DueDecision =
  | { action: 'send' }
  | { action: 'wait'; until: Date }
  | { action: 'reschedule'; to: Date; reason: 'late' | 'outside_window' };

/**
 * What to do with a step found at `now`. Not yet due: wait. Later than `maxLatenessMs` past
 * its due time (a stopped worker, a paused launch): not now in a burst, but at the next open
 * slot of its window or, without one, the next time its due wall-clock time comes round.
 * Due but outside its window (the window closed while it waited): the next open slot.
 */
export function decideDue(
  due: Date,
  now: Date,
  step: Pick<SequenceStep, 'window'>,
  zone: string,
  maxLatenessMs: number,
): DueDecision {
  if (now.getTime() < due.getTime()) return { action: 'wait', until: due };
  if (now.getTime() - due.getTime() > maxLatenessMs) {
    if (step.window)
      return {
        action: 'reschedule',
        to: nextOpenSlot(new Date(now.getTime() + MINUTE), step.window, zone),
        reason: 'late',
      };
    const dueLocal = zonedParts(due, zone);
    const nowLocal = zonedParts(now, zone);
    for (let ahead = 0; ahead <= 2; ahead++) {
      const at = zonedTimeToInstant(
        addLocalDays({ ...nowLocal, hour: dueLocal.hour, minute: dueLocal.minute }, ahead),
        zone,
      );
      if (at.getTime() > now.getTime()) return { action: 'reschedule', to: at, reason: 'late' };
    }
  }
  if (!isInWindow(now, step.window, zone))
    return { action: 'reschedule', to: nextOpenSlot(now, step.window, zone), reason: 'outside_window' };
  return { action: 'send' };
}

/**
 * When each step of a sequence is due for a recipient in `zone` who enrolls at `start`, each
 * step sent as soon as it is due: the timeline a launch's dry run shows. Conditions are not
 * judged here (a conditional step goes at that time or not at all).
 */
export function sequenceTimeline(
  start: Date,
  steps: ReadonlyArray<Pick<SequenceStep, 'wait' | 'window'>>,
  zone: string,
): Date[] {
  const times: Date[] = [];
  let from = start;
  for (const step of steps) {
    from = stepDue(from, step, zone);
    times.push(from);
  }
  return times;
}
