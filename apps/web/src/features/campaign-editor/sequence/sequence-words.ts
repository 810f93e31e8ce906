import { useTranslation } from '../../../shared/i18n';
import type { SendWindow, StepCondition, StepInput, Wait, Weekday } from './use-sequence';

/** The weekdays the API takes (its OpenAPI enum), in order, with their names. */
export function useWeekdays(): Array<{ value: Weekday; label: string; short: string }> {
  const { t } = useTranslation('campaign-editor');
  return [
    { value: 'monday', label: t('weekday.monday'), short: t('weekday.mondayShort') },
    { value: 'tuesday', label: t('weekday.tuesday'), short: t('weekday.tuesdayShort') },
    { value: 'wednesday', label: t('weekday.wednesday'), short: t('weekday.wednesdayShort') },
    { value: 'thursday', label: t('weekday.thursday'), short: t('weekday.thursdayShort') },
    { value: 'friday', label: t('weekday.friday'), short: t('weekday.fridayShort') },
    { value: 'saturday', label: t('weekday.saturday'), short: t('weekday.saturdayShort') },
    { value: 'sunday', label: t('weekday.sunday'), short: t('weekday.sundayShort') },
  ];
}

/** The conditions the API takes, in words (on the email of the previous step). */
export function useConditions(): Array<{ value: StepCondition; label: string }> {
  const { t } = useTranslation('campaign-editor');
  return [
    { value: 'always', label: t('sequence.condition.always') },
    { value: 'previous_not_opened', label: t('sequence.condition.notOpened') },
    { value: 'previous_not_clicked', label: t('sequence.condition.notClicked') },
    { value: 'previous_clicked', label: t('sequence.condition.clicked') },
  ];
}

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
