export const WEEKDAYS = ['monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday', 'sunday'] as const;
export type Weekday = (typeof WEEKDAYS)[number];

export interface DurationWait {
  type: 'duration';
  days?: number;
  hours?: number;
  minutes?: number;
}

/** "Next <weekday> at HH:MM" in the recipient's local time. */
export interface NextWeekdayWait {
  type: 'next_weekday';
  weekday: Weekday;
  time: string;
}

export type StepWait = DurationWait | NextWeekdayWait;

/** Local days and hours in which a step may be sent: [startHour, endHour). */
export interface SendWindow {
  days: Weekday[];
  startHour: number;
  endHour: number;
}

export const STEP_CONDITIONS = ['always', 'previous_not_opened', 'previous_not_clicked', 'previous_clicked'] as const;
export type StepCondition = (typeof STEP_CONDITIONS)[number];

export interface SequenceStep {
  id: string;
  emailAssetId: string;
  wait: StepWait;
  window?: SendWindow | null;
  condition?: StepCondition;
}

export interface SequenceExitRules {
  /** Always true: an unsubscribed prospect never receives another step. */
  unsubscribed: true;
  /** Name of a campaign link; a prospect who clicks it leaves the sequence. */
  clickedLink?: string | null;
  converted: boolean;
}

export interface SequenceDefinition {
  steps: SequenceStep[];
  exit: SequenceExitRules;
}

export const MAX_SEQUENCE_STEPS = 20;
