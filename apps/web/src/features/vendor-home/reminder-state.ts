import type { components } from '../../api/client';

type IdlePartner = components['schemas']['IdlePartnerDto'];

/**
 * What an idle partner's row offers: the Remind button while the API says it may be reminded
 * (`remindAgainAt` null), else when it was reminded and from when it may be again. The week the
 * API waits between two reminders is its own rule: nothing here counts days.
 */
export type ReminderState =
  { canRemind: true } | { canRemind: false; remindedAt: string | null; today: boolean; againAt: string };

export function reminderState(
  partner: Pick<IdlePartner, 'lastRemindedAt' | 'remindAgainAt'>,
  now: Date | number = Date.now(),
  timeZone?: string,
): ReminderState {
  if (partner.remindAgainAt === null) return { canRemind: true };
  const remindedAt = partner.lastRemindedAt;
  return {
    canRemind: false,
    remindedAt,
    today: remindedAt !== null && sameDay(remindedAt, now, timeZone),
    againAt: partner.remindAgainAt,
  };
}

/** Whether two instants fall on the same calendar day in a time zone (by default the browser's, as the page's dates). */
export function sameDay(a: string | number | Date, b: string | number | Date, timeZone?: string): boolean {
  const day = new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' });
  return day.format(new Date(a)) === day.format(new Date(b));
}
