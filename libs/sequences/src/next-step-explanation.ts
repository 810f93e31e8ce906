import type { SequenceStep } from '@tcma/campaign-model';
import { decideDue } from './schedule';
import { zonedParts } from './zoned-time';

/** Why an enrollment's next email has not gone yet (or never will), as a machine reads it. */
export const NEXT_STEP_STATES = [
  'waiting_for_time',
  'waiting_for_window',
  'waiting_for_rate',
  'due',
  'overdue',
  'launch_enrolling',
  'launch_paused',
  'cancelled',
  'completed',
  'exited',
] as const;
export type NextStepState = (typeof NEXT_STEP_STATES)[number];

/** What is stored about an enrollment and its launch, and the rules of its next step. */
export interface NextStepFacts {
  enrollmentStatus: 'active' | 'completed' | 'exited' | 'cancelled';
  /** awaiting_approval and returned launches have no enrollments; they read as enrolling and cancelled. */
  launchStatus: 'awaiting_approval' | 'returned' | 'enrolling' | 'active' | 'paused' | 'cancelled' | 'completed';
  exitReason: string | null;
  /** 0-based index of the next step, and how many steps the sequence has. */
  nextStep: number;
  stepCount: number;
  nextDueAt: Date | null;
  /** When the sweep put the step in the queue (null: not queued). */
  queuedAt: Date | null;
  /** The next step's rules (its send window), if there is a next step. */
  step: Pick<SequenceStep, 'window'> | null;
  /** The prospect's zone (the partner's when the prospect has none). */
  zone: string;
  now: Date;
  maxLatenessMs: number;
}

export interface NextStepExplanation {
  state: NextStepState;
  /** A sentence for a person: "waiting for Monday 08:00 America/New_York". */
  explanation: string;
  /** When the step is expected to go, if it will. */
  sendsAt: Date | null;
}

const DAYS = ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday'];
const MONTHS = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
];
const pad = (n: number) => String(n).padStart(2, '0');
const WEEK_MS = 6 * 86_400_000;

/** "Monday 08:00 America/New_York"; with the date when it is a week or more away ("Monday 7 December 08:00 …"). */
export function describeLocalTime(at: Date, zone: string, now: Date): string {
  const p = zonedParts(at, zone);
  const date =
    Math.abs(at.getTime() - now.getTime()) >= WEEK_MS
      ? ` ${p.day} ${MONTHS[p.month - 1]}${p.year !== zonedParts(now, zone).year ? ` ${p.year}` : ''}`
      : '';
  return `${DAYS[p.weekday]}${date} ${pad(p.hour)}:${pad(p.minute)} ${zone}`;
}

const EXIT_WORDS: Record<string, string> = {
  unsubscribed: 'unsubscribed',
  suppressed: 'the address is suppressed',
  converted: 'converted',
  clicked: 'clicked the link that ends the sequence',
};

/**
 * The answer to "why is my outbox empty?" for one enrollment, from the same rules the sender
 * applies (decideDue): a launch paused or cancelled, a prospect who left, a step waiting for
 * its time or its send window, or a step due and queued, waiting for the sender's rate.
 */
export function explainNextStep(f: NextStepFacts): NextStepExplanation {
  const stepName = `step ${f.nextStep + 1}`;
  if (f.enrollmentStatus === 'exited')
    return {
      state: 'exited',
      explanation: `exited: ${EXIT_WORDS[f.exitReason ?? ''] ?? f.exitReason ?? 'left the sequence'}`,
      sendsAt: null,
    };
  if (f.enrollmentStatus === 'completed' || f.nextStep >= f.stepCount || !f.nextDueAt)
    return { state: 'completed', explanation: `completed: all ${f.stepCount} steps dealt with`, sendsAt: null };
  if (f.enrollmentStatus === 'cancelled' || f.launchStatus === 'cancelled' || f.launchStatus === 'returned')
    return { state: 'cancelled', explanation: 'cancelled launch: no further step will be sent', sendsAt: null };
  if (f.launchStatus === 'paused')
    return {
      state: 'launch_paused',
      explanation: `paused launch: ${stepName} waits until the launch is resumed`,
      sendsAt: null,
    };
  if (f.launchStatus === 'enrolling' || f.launchStatus === 'awaiting_approval')
    return {
      state: 'launch_enrolling',
      explanation: 'the launch is still enrolling its audience',
      sendsAt: f.nextDueAt,
    };
  const due = f.nextDueAt;
  const when = (at: Date) => describeLocalTime(at, f.zone, f.now);
  if (due.getTime() > f.now.getTime()) {
    const atOpening = f.step?.window ? opensWindowAt(due, f.step.window.startHour, f.zone) : false;
    return {
      state: atOpening ? 'waiting_for_window' : 'waiting_for_time',
      explanation: `waiting for ${when(due)}${atOpening ? ` (when ${stepName}'s send window opens)` : ''}`,
      sendsAt: due,
    };
  }
  const decision = decideDue(due, f.now, f.step ?? {}, f.zone, f.maxLatenessMs);
  if (decision.action === 'reschedule' && decision.reason === 'outside_window')
    return {
      state: 'waiting_for_window',
      explanation: `waiting for ${when(decision.to)}: ${stepName} fell due outside its send window`,
      sendsAt: decision.to,
    };
  if (decision.action === 'reschedule')
    return {
      state: 'overdue',
      explanation: `overdue since ${when(due)}: moves to ${when(decision.to)} rather than go out late`,
      sendsAt: decision.to,
    };
  if (f.queuedAt)
    return {
      state: 'waiting_for_rate',
      explanation: `waiting for the sender's rate: ${stepName} is due and queued`,
      sendsAt: null,
    };
  return { state: 'due', explanation: `due now: the next sweep queues ${stepName}`, sendsAt: f.now };
}

function opensWindowAt(at: Date, startHour: number, zone: string): boolean {
  const p = zonedParts(at, zone);
  return p.hour === startHour && p.minute === 0;
}
