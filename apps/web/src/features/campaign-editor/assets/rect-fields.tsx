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

const ALIGNMENTS = [
  { value: 'left', label: 'Left' },
  { value: 'center', label: 'Centre' },
  { value: 'right', label: 'Right' },
] as const;

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
  const own = error instanceof ApiError ? error.problems.filter((p) => p.path === at) : [];
  const slotOptions = slots.map((s) => ({ value: s.name, label: `${s.label ?? s.name} (${s.name}, ${s.type})` }));
  if (!slotOptions.some((o) => o.value === rect.slot))
    slotOptions.push({ value: rect.slot, label: `${rect.slot} (not a slot of the campaign)` });
  return (
    <Fieldset legend={`Rectangle ${number}: ${rect.slot}`} variant="filled" disabled={disabled}>
      <Stack gap="sm">
        {own.length ? (
          <Alert color="red" variant="light" role="alert" p="xs">
            {own.map(describeProblem).join(' · ')}
          </Alert>
        ) : null}
        <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
          <Select
            label="Slot"
            description="What partners fill this rectangle with"
            data={slotOptions}
            value={rect.slot}
            allowDeselect={false}
            onChange={(v) => v && onChange({ slot: v })}
            error={messageAt(error, `${at}.slot`)}
          />
          <Stack gap={4}>
            <Text size="sm" fw={500} id={`${at}-align`}>
              Alignment
            </Text>
            <SegmentedControl
              aria-labelledby={`${at}-align`}
              data={[...ALIGNMENTS]}
              value={rect.align}
              onChange={(v) => onChange({ align: ALIGNMENTS.find((a) => a.value === v)?.value ?? 'left' })}
            />
            {messageAt(error, `${at}.align`) ? (
              <Text size="xs" c="var(--mantine-color-error)">
                {messageAt(error, `${at}.align`)}
              </Text>
            ) : null}
          </Stack>
          <NumberInput
            label="Largest font size"
            description={`Text is set at most this size (${unit}), smaller to fit`}
            min={4}
            max={200}
            value={rect.maxFontSize ?? ''}
            onChange={(v) => onChange({ maxFontSize: typeof v === 'number' ? v : undefined })}
            error={messageAt(error, `${at}.maxFontSize`)}
          />
          <ColorInput
            label="Text colour"
            description="Empty: black"
            format="hex"
            withEyeDropper={false}
            value={rect.textColor ?? ''}
            onChange={(v) => onChange({ textColor: v || undefined })}
            error={messageAt(error, `${at}.textColor`)}
          />
        </SimpleGrid>
        <SimpleGrid cols={{ base: 2, sm: 4 }} spacing="sm">
          <NumberInput
            label={`X (${unit})`}
            decimalScale={2}
            value={rect.x}
            onChange={(v) => onChange({ x: numberOr(v, rect.x) })}
            error={messageAt(error, `${at}.x`)}
          />
          <NumberInput
            label={unit === 'pt' ? 'Y (pt, from the foot)' : 'Y (px, from the top)'}
            decimalScale={2}
            value={rect.y}
            onChange={(v) => onChange({ y: numberOr(v, rect.y) })}
            error={messageAt(error, `${at}.y`)}
          />
          <NumberInput
            label={`Width (${unit})`}
            decimalScale={2}
            value={rect.width}
            onChange={(v) => onChange({ width: numberOr(v, rect.width) })}
            error={messageAt(error, `${at}.width`)}
          />
          <NumberInput
            label={`Height (${unit})`}
            decimalScale={2}
            value={rect.height}
            onChange={(v) => onChange({ height: numberOr(v, rect.height) })}
            error={messageAt(error, `${at}.height`)}
          />
        </SimpleGrid>
        <Group justify="flex-end">
          <Button variant="default" c="red.9" size="xs" onClick={onRemove}>
            Remove rectangle {number}
          </Button>
        </Group>
      </Stack>
    </Fieldset>
  );
}
