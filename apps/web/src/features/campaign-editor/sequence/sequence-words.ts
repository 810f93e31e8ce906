import type { SendWindow, StepCondition, StepInput, Wait, Weekday } from './use-sequence';

/** The weekdays the API takes (its OpenAPI enum), in order, with their names. */
export const WEEKDAYS: Array<{ value: Weekday; label: string; short: string }> = [
  { value: 'monday', label: 'Monday', short: 'Mon' },
  { value: 'tuesday', label: 'Tuesday', short: 'Tue' },
  { value: 'wednesday', label: 'Wednesday', short: 'Wed' },
  { value: 'thursday', label: 'Thursday', short: 'Thu' },
  { value: 'friday', label: 'Friday', short: 'Fri' },
  { value: 'saturday', label: 'Saturday', short: 'Sat' },
  { value: 'sunday', label: 'Sunday', short: 'Sun' },
];

/** The conditions the API takes, in words (on the email of the previous step). */
export const CONDITIONS: Array<{ value: StepCondition; label: string }> = [
  { value: 'always', label: 'Always' },
  { value: 'previous_not_opened', label: 'Only if the previous email was not opened' },
  { value: 'previous_not_clicked', label: 'Only if the previous email was not clicked' },
  { value: 'previous_clicked', label: 'Only if the previous email was clicked' },
];

/** What a new step starts as: the first email, two days after the previous step, always. */
export const newStep = (emailAssetId: string): StepInput => ({
  emailAssetId,
  wait: { type: 'duration', days: 2 },
  window: null,
  condition: 'always',
});

/** A new send window: working days, office hours. */
export const OFFICE_HOURS: SendWindow = {
  days: ['monday', 'tuesday', 'wednesday', 'thursday', 'friday'],
  startHour: 9,
  endHour: 17,
};

/** A wait switched to the other kind, keeping nothing of the old one. */
export const waitOfType = (type: Wait['type']): Wait =>
  type === 'duration' ? { type, days: 2 } : { type, weekday: 'tuesday', time: '09:00' };
