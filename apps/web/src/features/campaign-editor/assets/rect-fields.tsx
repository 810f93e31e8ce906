import { useTranslation } from '../../../shared/i18n';
import {
  Alert,
  Button,
  ColorInput,
  Fieldset,
  Group,
  NumberInput,
  SegmentedControl,
  Select,
  SimpleGrid,
  Stack,
  Text,
} from '@mantine/core';
import { ApiError } from '../../../api/api-error';
import type { Slot } from '../hooks/use-edited-campaign';
import { describeProblem, messageAt } from '../problems';
import type { SocialRect } from './use-drawn-assets';

const ALIGNMENTS = ['left', 'center', 'right'] as const;

interface RectFieldsProps {
  /** Where the API reports this rectangle's problems: `assets[3].slots[1]`. */
  at: string;
  number: number;
  rect: SocialRect;
  slots: Slot[];
  unit: 'pt' | 'px';
  error: unknown;
  disabled?: boolean;
  onChange: (changes: Partial<SocialRect>) => void;
  onRemove: () => void;
}

const numberOr = (v: string | number, fallback: number) => (typeof v === 'number' && Number.isFinite(v) ? v : fallback);

/** The chosen rectangle: the slot drawn in it, its alignment and font limits, and its exact place; the API's problems at each field. */
export function RectFields({ at, number, rect, slots, unit, error, disabled, onChange, onRemove }: RectFieldsProps) {
  const { t } = useTranslation('campaign-editor');
  const alignments = [
    { value: 'left', label: t('rect.left') },
    { value: 'center', label: t('rect.centre') },
    { value: 'right', label: t('rect.right') },
  ];
  const own = error instanceof ApiError ? error.problems.filter((p) => p.path === at) : [];
  const slotOptions = slots.map((s) => ({
    value: s.name,
    label: t('rect.slotOption', { label: s.label ?? s.name, name: s.name, type: s.type }),
  }));
  if (!slotOptions.some((o) => o.value === rect.slot))
    slotOptions.push({ value: rect.slot, label: t('rect.unknownSlot', { slot: rect.slot }) });
  return (
    <Fieldset legend={t('rect.legend', { number, slot: rect.slot })} variant="filled" disabled={disabled}>
      <Stack gap="sm">
        {own.length ? (
          <Alert color="red" variant="light" role="alert" p="xs">
            {own.map((p) => describeProblem(t, p)).join(' · ')}
          </Alert>
        ) : null}
        <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
          <Select
            label={t('rect.slot')}
            description={t('rect.slotHint')}
            data={slotOptions}
            value={rect.slot}
            allowDeselect={false}
            onChange={(v) => v && onChange({ slot: v })}
            error={messageAt(t, error, `${at}.slot`)}
          />
          <Stack gap={4}>
            <Text size="sm" fw={500} id={`${at}-align`}>
              {t('rect.alignment')}
            </Text>
            <SegmentedControl
              aria-labelledby={`${at}-align`}
              data={alignments}
              value={rect.align}
              onChange={(v) => onChange({ align: ALIGNMENTS.find((a) => a === v) ?? 'left' })}
            />
            {messageAt(t, error, `${at}.align`) ? (
              <Text size="xs" c="var(--mantine-color-error)">
                {messageAt(t, error, `${at}.align`)}
              </Text>
            ) : null}
          </Stack>
          <NumberInput
            label={t('rect.maxFont')}
            description={t('rect.maxFontHint', { unit })}
            min={4}
            max={200}
            value={rect.maxFontSize ?? ''}
            onChange={(v) => onChange({ maxFontSize: typeof v === 'number' ? v : undefined })}
            error={messageAt(t, error, `${at}.maxFontSize`)}
          />
          <ColorInput
            label={t('rect.colour')}
            description={t('rect.colourHint')}
            format="hex"
            withEyeDropper={false}
            value={rect.textColor ?? ''}
            onChange={(v) => onChange({ textColor: v || undefined })}
            error={messageAt(t, error, `${at}.textColor`)}
          />
        </SimpleGrid>
        <SimpleGrid cols={{ base: 2, sm: 4 }} spacing="sm">
          <NumberInput
            label={t('rect.x', { unit })}
            decimalScale={2}
            value={rect.x}
            onChange={(v) => onChange({ x: numberOr(v, rect.x) })}
            error={messageAt(t, error, `${at}.x`)}
          />
          <NumberInput
            label={unit === 'pt' ? t('rect.yPt') : t('rect.yPx')}
            decimalScale={2}
            value={rect.y}
            onChange={(v) => onChange({ y: numberOr(v, rect.y) })}
            error={messageAt(t, error, `${at}.y`)}
          />
          <NumberInput
            label={t('rect.width', { unit })}
            decimalScale={2}
            value={rect.width}
            onChange={(v) => onChange({ width: numberOr(v, rect.width) })}
            error={messageAt(t, error, `${at}.width`)}
          />
          <NumberInput
            label={t('rect.height', { unit })}
            decimalScale={2}
            value={rect.height}
            onChange={(v) => onChange({ height: numberOr(v, rect.height) })}
            error={messageAt(t, error, `${at}.height`)}
          />
        </SimpleGrid>
        <Group justify="flex-end">
          <Button variant="default" c="red.9" size="xs" onClick={onRemove}>
            {t('rect.remove', { number })}
          </Button>
        </Group>
      </Stack>
    </Fieldset>
  );
}
