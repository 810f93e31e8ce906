import { ActionIcon, Button, Group, Input, Stack, TextInput } from '@mantine/core';
import { useTranslation } from '../../../shared/i18n';
import { fieldError } from '../../../shared/lib/field-error';

/** One slot value as the form holds it (rows, so a name can be typed before its value). */
export interface SlotRow {
  name: string;
  value: string;
}

export const slotRows = (values: Record<string, string> | undefined): SlotRow[] =>
  Object.entries(values ?? {}).map(([name, value]) => ({ name, value }));

/** The rows as the API reads them; a row without a name is left out. */
export const slotValuesBody = (rows: SlotRow[]): Record<string, string> =>
  Object.fromEntries(rows.filter((r) => r.name.trim()).map((r) => [r.name.trim(), r.value]));

/** Values of slots the brand kit does not fill (by the slot's name, as the campaign names it). */
export function SlotValuesFields({
  rows,
  onChange,
  error,
}: {
  rows: SlotRow[];
  onChange: (rows: SlotRow[]) => void;
  error: unknown;
}) {
  const { t } = useTranslation('programmes');
  const set = (i: number, row: Partial<SlotRow>) => onChange(rows.map((r, j) => (j === i ? { ...r, ...row } : r)));
  return (
    <Stack gap="xs" role="group" aria-labelledby="slot-values-label">
      <div>
        <Input.Label id="slot-values-label">{t('slots.label')}</Input.Label>
        <Input.Description>{t('slots.description')}</Input.Description>
        {fieldError(error, 'slotValues') ? <Input.Error>{fieldError(error, 'slotValues')}</Input.Error> : null}
      </div>
      {rows.map((row, i) => (
        <Group key={i} gap="xs" align="flex-start" wrap="nowrap">
          <TextInput
            label={t('slots.name', { n: i + 1 })}
            style={{ flex: 1, minWidth: 0 }}
            value={row.name}
            onChange={(e) => set(i, { name: e.currentTarget.value })}
          />
          <TextInput
            label={t('slots.value', { n: i + 1 })}
            style={{ flex: 1, minWidth: 0 }}
            value={row.value}
            onChange={(e) => set(i, { value: e.currentTarget.value })}
            error={row.name.trim() ? fieldError(error, `slotValues.${row.name.trim()}`) : undefined}
          />
          <ActionIcon
            mt={26}
            variant="subtle"
            color="gray"
            aria-label={t('slots.remove', { n: i + 1 })}
            onClick={() => onChange(rows.filter((_, j) => j !== i))}
          >
            ×
          </ActionIcon>
        </Group>
      ))}
      <div>
        <Button size="xs" variant="default" onClick={() => onChange([...rows, { name: '', value: '' }])}>
          {t('slots.add')}
        </Button>
      </div>
    </Stack>
  );
}
