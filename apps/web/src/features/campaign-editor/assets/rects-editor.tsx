import { useTranslation } from '../../../shared/i18n';
import { Button, Group, Stack, Text } from '@mantine/core';
import { useState } from 'react';
import { ApiError } from '../../../api/api-error';
import type { Slot } from '../hooks/use-edited-campaign';
import type { Area, Box, Origin } from './geometry';
import { RectFields } from './rect-fields';
import { SlotCanvas } from './slot-canvas';
import type { SocialRect } from './use-drawn-assets';

/** A rectangle of either kind: PDF ones name their page. */
export type DrawnRect = SocialRect & { page?: number };

interface RectsEditorProps<R extends DrawnRect> {
  imageUrl: string;
  imageLabel: string;
  area: Area;
  origin: Origin;
  unit: 'pt' | 'px';
  /** Every rectangle of the asset; only those of `page` (PDF) are shown. */
  rects: R[];
  page?: number;
  slots: Slot[];
  /** Where the API reports the rectangles' problems: `assets[3].slots`. */
  at: string;
  error: unknown;
  disabled?: boolean;
  onChange: (rects: R[]) => void;
}

/** The slot a new rectangle is for: the logo if it is not placed yet, else the first slot not placed, else the first. */
function nextSlot(slots: Slot[], placed: Set<string>): string {
  const logo = slots.find((s) => s.type === 'logo' && !placed.has(s.name));
  return (logo ?? slots.find((s) => !placed.has(s.name)) ?? slots[0])?.name ?? 'logo';
}

/** The page with its rectangles, and the chosen rectangle's fields; an "Add a rectangle" button for those who do not draw with a pointer. */
export function RectsEditor<R extends DrawnRect>({
  imageUrl,
  imageLabel,
  area,
  origin,
  unit,
  rects,
  page,
  slots,
  at,
  error,
  disabled,
  onChange,
}: RectsEditorProps<R>) {
  const { t } = useTranslation('campaign-editor');
  const [selected, setSelected] = useState<number | null>(null);
  const shown = rects.map((r, i) => ({ rect: r, i })).filter(({ rect }) => page === undefined || rect.page === page);
  const refused = new Set(
    error instanceof ApiError
      ? rects
          .map((_, i) => i)
          .filter((i) => error.problems.some((p) => p.path === `${at}[${i}]` || p.path.startsWith(`${at}[${i}].`)))
      : [],
  );
  const local = (i: number | null) => (i === null ? null : shown.findIndex((s) => s.i === i));

  const add = (box: Box) => {
    const slot = nextSlot(slots, new Set(rects.map((r) => r.slot)));
    const isLogo = slots.find((s) => s.name === slot)?.type === 'logo';
    const rect = { slot, ...box, align: isLogo ? 'center' : 'left', ...(page !== undefined ? { page } : {}) } as R;
    onChange([...rects, rect]);
    setSelected(rects.length);
  };
  const change = (i: number, changes: Partial<DrawnRect>) =>
    onChange(rects.map((r, j) => (j === i ? { ...r, ...changes } : r)));
  const remove = (i: number) => {
    onChange(rects.filter((_, j) => j !== i));
    setSelected(null);
  };
  const centred = (): Box => {
    const width = Math.round(area.width / 4);
    const height = Math.round(area.height / 12);
    return { x: Math.round((area.width - width) / 2), y: Math.round((area.height - height) / 2), width, height };
  };
  const chosen =
    selected !== null && rects[selected] && (page === undefined || rects[selected].page === page) ? selected : null;

  return (
    <Stack gap="sm">
      <SlotCanvas
        imageUrl={imageUrl}
        imageLabel={imageLabel}
        area={area}
        origin={origin}
        unit={unit}
        rects={shown.map((s) => s.rect)}
        selected={local(chosen)}
        refused={new Set(shown.flatMap((s, j) => (refused.has(s.i) ? [j] : [])))}
        disabled={disabled}
        onSelect={(j) => setSelected(j === null ? null : shown[j].i)}
        onChange={(j, box) => change(shown[j].i, box)}
        onDraw={add}
        onRemove={(j) => remove(shown[j].i)}
      />
      <Group justify="space-between" wrap="wrap" gap="xs">
        <Text size="sm" c="dimmed">
          {page !== undefined ? t('rects.dragPage') : t('rects.dragImage')}
        </Text>
        <Button size="xs" variant="default" disabled={disabled || !slots.length} onClick={() => add(centred())}>
          {t('rects.add')}
        </Button>
      </Group>
      {!slots.length ? <Text size="sm">{t('rects.noSlots')}</Text> : null}
      {chosen !== null ? (
        <RectFields
          key={chosen}
          at={`${at}[${chosen}]`}
          number={chosen + 1}
          rect={rects[chosen]}
          slots={slots}
          unit={unit}
          error={error}
          disabled={disabled}
          onChange={(changes) => change(chosen, changes)}
          onRemove={() => remove(chosen)}
        />
      ) : rects.length ? (
        <Text size="sm" c="dimmed">
          {t('rects.choose')}
        </Text>
      ) : null}
    </Stack>
  );
}
