import { useTranslation } from '../../../shared/i18n';
import { Box as MantineBox, Skeleton, VisuallyHidden } from '@mantine/core';
import { useId, useRef, useState, type KeyboardEvent, type PointerEvent } from 'react';
import {
  type Area,
  type Box,
  clampMove,
  type Corner,
  fromScreen,
  MIN_DRAWN,
  type Origin,
  resize,
  shown,
  spanned,
  toScreen,
} from './geometry';

export interface CanvasRect extends Box {
  slot: string;
}

interface SlotCanvasProps {
  imageUrl: string;
  /** What the picture is, for people who do not see it. */
  imageLabel: string;
  area: Area;
  origin: Origin;
  unit: 'pt' | 'px';
  rects: CanvasRect[];
  selected: number | null;
  /** Rectangles the API refused, drawn in red. */
  refused: ReadonlySet<number>;
  disabled?: boolean;
  onSelect: (index: number | null) => void;
  onChange: (index: number, box: Box) => void;
  onDraw: (box: Box) => void;
  onRemove: (index: number) => void;
}

type Drag =
  | { mode: 'draw'; start: { x: number; y: number } }
  | { mode: 'move'; index: number; start: { x: number; y: number }; box: Box }
  | { mode: 'resize'; index: number; corner: Corner; start: { x: number; y: number }; box: Box };

const CORNERS: Corner[] = ['nw', 'ne', 'sw', 'se'];
const pct = (n: number, of: number) => `${(n / of) * 100}%`;

/**
 * A page or background with its slot rectangles: drawn by dragging on empty space, moved by
 * dragging, resized by their corner handles; each is a button that arrow keys move (Shift: by
 * 10), Alt + arrows resize, and Delete removes. Everything is in the asset's own units, which
 * the API checks; this only keeps a dragged rectangle on the page.
 */
export function SlotCanvas({
  imageUrl,
  imageLabel,
  area,
  origin,
  unit,
  rects,
  selected,
  refused,
  disabled,
  onSelect,
  onChange,
  onDraw,
  onRemove,
}: SlotCanvasProps) {
  const surface = useRef<HTMLDivElement>(null);
  const drag = useRef<Drag | null>(null);
  const { t } = useTranslation('campaign-editor');
  const [drawing, setDrawing] = useState<Box | null>(null);
  const [loaded, setLoaded] = useState(false);
  const help = useId();

  /** A pointer's position in the asset's units, the top-left way round. */
  const at = (e: PointerEvent) => {
    const r = surface.current?.getBoundingClientRect();
    if (!r || !r.width) return { x: 0, y: 0 };
    return { x: ((e.clientX - r.left) / r.width) * area.width, y: ((e.clientY - r.top) / r.height) * area.height };
  };
  const screen = (i: number) => toScreen(rects[i], area, origin);

  const start = (e: PointerEvent, next: Drag) => {
    if (disabled || e.button !== 0) return;
    e.preventDefault();
    e.stopPropagation();
    surface.current?.setPointerCapture(e.pointerId);
    drag.current = next;
  };

  const move = (e: PointerEvent) => {
    const d = drag.current;
    if (!d) return;
    const p = at(e);
    if (d.mode === 'draw') setDrawing(spanned(d.start, p, area));
    else if (d.mode === 'move')
      onChange(
        d.index,
        fromScreen(
          clampMove({ ...d.box, x: d.box.x + p.x - d.start.x, y: d.box.y + p.y - d.start.y }, area),
          area,
          origin,
        ),
      );
    else onChange(d.index, fromScreen(resize(d.box, d.corner, p.x - d.start.x, p.y - d.start.y, area), area, origin));
  };

  const end = (e: PointerEvent) => {
    const d = drag.current;
    drag.current = null;
    if (surface.current?.hasPointerCapture(e.pointerId)) surface.current.releasePointerCapture(e.pointerId);
    if (d?.mode !== 'draw') return;
    const box = spanned(d.start, at(e), area);
    setDrawing(null);
    if (box.width >= MIN_DRAWN && box.height >= MIN_DRAWN) onDraw(fromScreen(box, area, origin));
    else onSelect(null);
  };

  const key = (i: number) => (e: KeyboardEvent) => {
    if (disabled) return;
    if (e.key === 'Delete' || e.key === 'Backspace') {
      e.preventDefault();
      onRemove(i);
      return;
    }
    const steps: Record<string, [number, number]> = {
      ArrowLeft: [-1, 0],
      ArrowRight: [1, 0],
      ArrowUp: [0, -1],
      ArrowDown: [0, 1],
    };
    const step = steps[e.key];
    if (!step) return;
    e.preventDefault();
    const by = e.shiftKey ? 10 : 1;
    const [dx, dy] = [step[0] * by, step[1] * by];
    const box = screen(i);
    const next = e.altKey ? resize(box, 'se', dx, dy, area) : clampMove({ ...box, x: box.x + dx, y: box.y + dy }, area);
    onChange(i, fromScreen(next, area, origin));
  };

  return (
    <MantineBox
      pos="relative"
      style={{
        aspectRatio: `${area.width} / ${area.height}`,
        width: '100%',
        border: '1px solid var(--mantine-color-gray-4)',
        background: 'white',
      }}
    >
      {!loaded ? <Skeleton pos="absolute" inset={0} radius={0} /> : null}
      <img
        src={imageUrl}
        alt={imageLabel}
        onLoad={() => setLoaded(true)}
        draggable={false}
        style={{ position: 'absolute', inset: 0, width: '100%', height: '100%', userSelect: 'none' }}
      />
      <VisuallyHidden id={help}>{t('canvas.help', { unit })}</VisuallyHidden>
      <div
        ref={surface}
        data-testid="slot-canvas"
        onPointerDown={(e) => start(e, { mode: 'draw', start: at(e) })}
        onPointerMove={move}
        onPointerUp={end}
        onPointerCancel={end}
        style={{ position: 'absolute', inset: 0, cursor: disabled ? 'default' : 'crosshair', touchAction: 'none' }}
      >
        {rects.map((rect, i) => {
          const b = screen(i);
          const isSelected = i === selected;
          const color = refused.has(i) ? 'var(--mantine-color-red-8)' : 'var(--mantine-color-indigo-8)';
          return (
            <button
              key={i}
              type="button"
              aria-label={t('canvas.rect', {
                slot: rect.slot,
                x: shown(rect.x),
                y: shown(rect.y),
                width: shown(rect.width),
                height: shown(rect.height),
                unit,
              })}
              aria-describedby={help}
              aria-pressed={isSelected}
              onPointerDown={(e) => {
                onSelect(i);
                start(e, { mode: 'move', index: i, start: at(e), box: b });
              }}
              onFocus={() => onSelect(i)}
              onKeyDown={key(i)}
              style={{
                position: 'absolute',
                left: pct(b.x, area.width),
                top: pct(b.y, area.height),
                width: pct(b.width, area.width),
                height: pct(b.height, area.height),
                border: `2px ${isSelected ? 'solid' : 'dashed'} ${color}`,
                background: isSelected ? 'rgba(54, 79, 199, 0.18)' : 'rgba(54, 79, 199, 0.08)',
                cursor: disabled ? 'default' : 'move',
                padding: 0,
                borderRadius: 2,
              }}
            >
              <span
                style={{
                  position: 'absolute',
                  left: -2,
                  bottom: '100%',
                  background: color,
                  color: 'white',
                  fontSize: 11,
                  lineHeight: '16px',
                  padding: '0 4px',
                  borderRadius: '2px 2px 0 0',
                  whiteSpace: 'nowrap',
                  pointerEvents: 'none',
                }}
              >
                {rect.slot}
              </span>
              {isSelected && !disabled
                ? CORNERS.map((corner) => (
                    <span
                      key={corner}
                      aria-hidden
                      data-corner={corner}
                      onPointerDown={(e) => start(e, { mode: 'resize', index: i, corner, start: at(e), box: b })}
                      style={{
                        position: 'absolute',
                        width: 12,
                        height: 12,
                        background: 'white',
                        border: `2px solid ${color}`,
                        borderRadius: 2,
                        left: corner.endsWith('w') ? -7 : undefined,
                        right: corner.endsWith('e') ? -7 : undefined,
                        top: corner.startsWith('n') ? -7 : undefined,
                        bottom: corner.startsWith('s') ? -7 : undefined,
                        cursor: corner === 'nw' || corner === 'se' ? 'nwse-resize' : 'nesw-resize',
                      }}
                    />
                  ))
                : null}
            </button>
          );
        })}
        {drawing ? (
          <div
            style={{
              position: 'absolute',
              left: pct(drawing.x, area.width),
              top: pct(drawing.y, area.height),
              width: pct(drawing.width, area.width),
              height: pct(drawing.height, area.height),
              border: '2px dashed var(--mantine-color-indigo-8)',
              pointerEvents: 'none',
            }}
          />
        ) : null}
      </div>
    </MantineBox>
  );
}
