import { useTranslation } from '../../../shared/i18n';
import {
  Button,
  Checkbox,
  Chip,
  Fieldset,
  Group,
  NumberInput,
  Select,
  SimpleGrid,
  Stack,
  Text,
  TextInput,
} from '@mantine/core';
import type { FieldProblem } from '../../../api/api-error';
import { messageIn } from '../problems';
import { OFFICE_HOURS, useConditions, useWeekdays, waitOfType } from './sequence-words';
import type { StepInput, Wait, Weekday } from './use-sequence';

interface StepFieldsProps {
  index: number;
  count: number;
  step: StepInput;
  emails: Array<{ value: string; label: string }>;
  /** The API's problems, paths relative to the sequence (`steps[1].wait.time`). */
  problems: FieldProblem[];
  disabled: boolean;
  onChange: (step: StepInput) => void;
  onMove: (by: -1 | 1) => void;
  onRemove: () => void;
}

const numberOrUndefined = (v: string | number) => (typeof v === 'number' ? v : undefined);

/** One step of the sequence: which email, the wait before it, its send window and its condition. */
export function StepFields({
  index,
  count,
  step,
  emails,
  problems,
  disabled,
  onChange,
  onMove,
  onRemove,
}: StepFieldsProps) {
  const { t } = useTranslation('campaign-editor');
  const CONDITIONS = useConditions();
  const WEEKDAYS = useWeekdays();
  const at = `steps[${index}]`;
  const error = (path: string) => messageIn(t, problems, `${at}.${path}`);
  const change = (changes: Partial<StepInput>) => onChange({ ...step, ...changes });
  const changeWait = (changes: Partial<Wait>) => change({ wait: { ...step.wait, ...changes } });
  const legend = t('sequence.step.legend', { n: index + 1 });
  const wait = step.wait;
  // Problems of the wait as a whole (its total) show under its first field.
  const waitProblem = messageIn(
    t,
    problems.filter((p) => p.path === `${at}.wait`),
    `${at}.wait`,
  );

  return (
    <Fieldset legend={legend} variant="filled">
      <Stack gap="sm">
        <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
          <Select
            label={t('kind.email')}
            description={t('sequence.step.emailHint')}
            required
            data={emails}
            value={step.emailAssetId || null}
            allowDeselect={false}
            onChange={(v) => v && change({ emailAssetId: v })}
            error={error('emailAssetId')}
            disabled={disabled}
          />
          <Select
            label={t('sequence.step.condition')}
            description={index === 0 ? t('sequence.step.conditionFirst') : t('sequence.step.conditionHint')}
            data={CONDITIONS}
            value={step.condition}
            allowDeselect={false}
            onChange={(v) => {
              const found = CONDITIONS.find((c) => c.value === v);
              if (found) change({ condition: found.value });
            }}
            error={error('condition')}
            disabled={disabled}
          />
        </SimpleGrid>
        <SimpleGrid cols={{ base: 1, sm: 2, lg: 4 }} spacing="sm">
          <Select
            label={index === 0 ? t('sequence.step.waitFirst') : t('sequence.step.wait', { n: index })}
            data={[
              { value: 'duration', label: t('sequence.step.duration') },
              { value: 'next_weekday', label: t('sequence.step.nextWeekday') },
            ]}
            value={wait.type}
            allowDeselect={false}
            onChange={(v) =>
              (v === 'duration' || v === 'next_weekday') && v !== wait.type && change({ wait: waitOfType(v) })
            }
            error={error('wait.type')}
            disabled={disabled}
          />
          {wait.type === 'duration' ? (
            <>
              <NumberInput
                label={t('sequence.step.days')}
                min={0}
                allowDecimal={false}
                value={wait.days ?? ''}
                onChange={(v) => changeWait({ days: numberOrUndefined(v) })}
                error={waitProblem ?? error('wait.days')}
                disabled={disabled}
              />
              <NumberInput
                label={t('sequence.step.hours')}
                min={0}
                allowDecimal={false}
                value={wait.hours ?? ''}
                onChange={(v) => changeWait({ hours: numberOrUndefined(v) })}
                error={error('wait.hours')}
                disabled={disabled}
              />
              <NumberInput
                label={t('sequence.step.minutes')}
                min={0}
                allowDecimal={false}
                value={wait.minutes ?? ''}
                onChange={(v) => changeWait({ minutes: numberOrUndefined(v) })}
                error={error('wait.minutes')}
                disabled={disabled}
              />
            </>
          ) : (
            <>
              <Select
                label={t('sequence.step.weekday')}
                data={WEEKDAYS}
                value={wait.weekday ?? null}
                allowDeselect={false}
                onChange={(v) => {
                  const day = WEEKDAYS.find((d) => d.value === v);
                  if (day) changeWait({ weekday: day.value });
                }}
                error={waitProblem ?? error('wait.weekday')}
                disabled={disabled}
              />
              <TextInput
                label={t('sequence.step.time')}
                placeholder="09:00"
                value={wait.time ?? ''}
                onChange={(e) => changeWait({ time: e.currentTarget.value })}
                error={error('wait.time')}
                disabled={disabled}
              />
            </>
          )}
        </SimpleGrid>
        <Checkbox
          label={t('sequence.step.window')}
          checked={Boolean(step.window)}
          onChange={(e) => change({ window: e.currentTarget.checked ? OFFICE_HOURS : null })}
          disabled={disabled}
        />
        {step.window ? (
          <WindowFields
            n={index + 1}
            window={step.window}
            at={`${at}.window`}
            problems={problems}
            disabled={disabled}
            onChange={(window) => change({ window })}
          />
        ) : null}
        <Group justify="flex-end" gap="xs" wrap="wrap">
          <Button
            variant="default"
            size="xs"
            onClick={() => onMove(-1)}
            disabled={disabled || index === 0}
            aria-label={t('sequence.step.moveUpLabel', { n: index + 1 })}
          >
            {t('sequence.step.moveUp')}
          </Button>
          <Button
            variant="default"
            size="xs"
            onClick={() => onMove(1)}
            disabled={disabled || index === count - 1}
            aria-label={t('sequence.step.moveDownLabel', { n: index + 1 })}
          >
            {t('sequence.step.moveDown')}
          </Button>
          <Button
            variant="default"
            c="red.9"
            size="xs"
            onClick={onRemove}
            disabled={disabled}
            aria-label={t('sequence.step.removeLabel', { n: index + 1 })}
          >
            {t('remove')}
          </Button>
        </Group>
      </Stack>
    </Fieldset>
  );
}

interface WindowFieldsProps {
  /** The step's number, from 1. */
  n: number;
  window: NonNullable<StepInput['window']>;
  at: string;
  problems: FieldProblem[];
  disabled: boolean;
  onChange: (window: NonNullable<StepInput['window']>) => void;
}

function WindowFields({ n, window, at, problems, disabled, onChange }: WindowFieldsProps) {
  const { t } = useTranslation('campaign-editor');
  const WEEKDAYS = useWeekdays();
  const own = messageIn(
    t,
    problems.filter((p) => p.path === at),
    at,
  );
  const daysProblem = messageIn(t, problems, `${at}.days`);
  return (
    <Stack gap="xs" pl={{ base: 0, sm: 'md' }}>
      <div role="group" aria-label={t('sequence.step.windowDaysLabel', { n })}>
        <Text size="sm" fw={500} mb={4}>
          {t('sequence.step.days')}
        </Text>
        <Chip.Group
          multiple
          value={window.days}
          onChange={(days) =>
            onChange({ ...window, days: WEEKDAYS.filter((d) => days.includes(d.value)).map((d): Weekday => d.value) })
          }
        >
          <Group gap={6}>
            {WEEKDAYS.map((d) => (
              <Chip key={d.value} value={d.value} size="xs" disabled={disabled}>
                {d.short}
              </Chip>
            ))}
          </Group>
        </Chip.Group>
        {daysProblem ? (
          <Text size="xs" c="red.8" mt={4}>
            {daysProblem}
          </Text>
        ) : null}
      </div>
      <SimpleGrid cols={{ base: 2, sm: 4 }} spacing="sm">
        <NumberInput
          label={t('sequence.step.fromHour')}
          min={0}
          max={23}
          allowDecimal={false}
          value={window.startHour}
          onChange={(v) => typeof v === 'number' && onChange({ ...window, startHour: v })}
          error={own ?? messageIn(t, problems, `${at}.startHour`)}
          disabled={disabled}
        />
        <NumberInput
          label={t('sequence.step.untilHour')}
          min={1}
          max={24}
          allowDecimal={false}
          value={window.endHour}
          onChange={(v) => typeof v === 'number' && onChange({ ...window, endHour: v })}
          error={messageIn(t, problems, `${at}.endHour`)}
          disabled={disabled}
        />
      </SimpleGrid>
    </Stack>
  );
}
