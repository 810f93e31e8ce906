import type { Asset, SendWindow, SequenceDefinition, StepWait } from '@tcma/campaign-model';
import { isInWindow, sequenceTimeline, waitUntil, zonedParts } from '@tcma/sequences';

export interface TimelineStep {
  /** 1-based, as the sequence builder numbers steps. */
  index: number;
  stepId: string;
  emailAssetId: string;
  assetName: string;
  due: Date;
  /** The due instant as the recipient's clock shows it, e.g. "Mon 7 Dec 2026, 08:00". */
  local: string;
  /** What put the step there: its wait, or its send window when the wait ended outside it. */
  rule: 'wait' | 'window';
  /** When the wait alone would have ended (before the window moved it). */
  waitEnds: Date;
  /** The rule in words: "3 days after step 1", "moved to the send window: Mon–Fri 09:00–17:00". */
  explanation: string;
  /** Whether the step goes only if a condition on the previous email holds. */
  conditional: boolean;
}

const WEEKDAY_SHORT = ['Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat', 'Sun'];
const MONTH_SHORT = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
const two = (n: number) => String(n).padStart(2, '0');
const capitalised = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);

/** An instant as a wall clock in `zone` reads it: "Mon 7 Dec 2026, 08:00". */
export function localWallTime(instant: Date, zone: string): string {
  const p = zonedParts(instant, zone);
  return `${WEEKDAY_SHORT[p.weekday]} ${p.day} ${MONTH_SHORT[p.month - 1]} ${p.year}, ${two(p.hour)}:${two(p.minute)}`;
}

function describeWait(wait: StepWait, index: number): string {
  const after = index === 1 ? 'the start' : `step ${index - 1}`;
  if (wait.type === 'next_weekday') return `next ${capitalised(wait.weekday)} at ${wait.time} after ${after}`;
  const parts = [
    [wait.days ?? 0, 'day'],
    [wait.hours ?? 0, 'hour'],
    [wait.minutes ?? 0, 'minute'],
  ].flatMap(([n, unit]) => (n ? [`${n} ${unit}${n === 1 ? '' : 's'}`] : []));
  return parts.length ? `${parts.join(' ')} after ${after}` : `at once after ${after}`;
}

const describeWindow = (w: SendWindow) =>
  `moved to the send window: ${w.days.map((d) => capitalised(d.slice(0, 3))).join(', ')} ${two(w.startHour)}:00–${two(w.endHour)}:00`;

/**
 * When a sample recipient in `zone` enrolled at `start` would receive each step: the pure
 * scheduling rules (sequenceTimeline), each step explained by the rule that placed it.
 */
export function draftTimeline(
  sequence: SequenceDefinition,
  assets: readonly Asset[],
  start: Date,
  zone: string,
): TimelineStep[] {
  const due = sequenceTimeline(start, sequence.steps, zone);
  const names = new Map(assets.map((a) => [a.id, a.name]));
  return sequence.steps.map((step, i) => {
    const from = i === 0 ? start : due[i - 1];
    const waitEnds = waitUntil(from, step.wait, zone);
    const moved = Boolean(step.window) && !isInWindow(waitEnds, step.window, zone);
    return {
      index: i + 1,
      stepId: step.id,
      emailAssetId: step.emailAssetId,
      assetName: names.get(step.emailAssetId) ?? '',
      due: due[i],
      local: localWallTime(due[i], zone),
      rule: moved ? 'window' : 'wait',
      waitEnds,
      explanation:
        moved && step.window
          ? `${describeWait(step.wait, i + 1)}, ${describeWindow(step.window)}`
          : describeWait(step.wait, i + 1),
      conditional: (step.condition ?? 'always') !== 'always',
    };
  });
}
