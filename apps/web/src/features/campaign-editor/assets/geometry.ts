/** A rectangle in the asset's own units: PDF points from the page's bottom-left corner, or pixels of a social background from its top-left. */
export interface Box {
  x: number;
  y: number;
  width: number;
  height: number;
}

export interface Area {
  width: number;
  height: number;
}

export type Origin = 'bottom-left' | 'top-left';

/** The smallest rectangle a drag draws (smaller is taken for a click). */
export const MIN_DRAWN = 6;

const round = (n: number) => Math.round(n * 100) / 100;

/** A box's top edge measured from the top, whatever the origin (the screen's way round). */
export function toScreen(box: Box, area: Area, origin: Origin): Box {
  return origin === 'top-left' ? box : { ...box, y: area.height - box.y - box.height };
}

/** Back from the screen's way round to the asset's units. */
export function fromScreen(box: Box, area: Area, origin: Origin): Box {
  const b = { x: round(box.x), y: round(box.y), width: round(box.width), height: round(box.height) };
  return origin === 'top-left' ? b : { ...b, y: round(area.height - b.y - b.height) };
}

/** Kept inside the area while it is moved (the API refuses one outside; dragging never makes one). */
export function clampMove(box: Box, area: Area): Box {
  return {
    ...box,
    x: Math.min(Math.max(0, box.x), Math.max(0, area.width - box.width)),
    y: Math.min(Math.max(0, box.y), Math.max(0, area.height - box.height)),
  };
}

export type Corner = 'nw' | 'ne' | 'sw' | 'se';

/** A screen-oriented box with one corner dragged by (dx, dy), kept at least MIN_DRAWN and inside the area. */
export function resize(box: Box, corner: Corner, dx: number, dy: number, area: Area): Box {
  let { x, y, width, height } = box;
  const right = x + width;
  const bottom = y + height;
  if (corner === 'nw' || corner === 'sw') x = Math.min(Math.max(0, x + dx), right - MIN_DRAWN);
  if (corner === 'nw' || corner === 'ne') y = Math.min(Math.max(0, y + dy), bottom - MIN_DRAWN);
  const newRight =
    corner === 'ne' || corner === 'se' ? Math.max(x + MIN_DRAWN, Math.min(area.width, right + dx)) : right;
  const newBottom =
    corner === 'sw' || corner === 'se' ? Math.max(y + MIN_DRAWN, Math.min(area.height, bottom + dy)) : bottom;
  width = newRight - x;
  height = newBottom - y;
  return { x, y, width, height };
}

/** The box two points span (a drag from either corner). */
export function spanned(a: { x: number; y: number }, b: { x: number; y: number }, area: Area): Box {
  const x0 = Math.max(0, Math.min(a.x, b.x));
  const y0 = Math.max(0, Math.min(a.y, b.y));
  const x1 = Math.min(area.width, Math.max(a.x, b.x));
  const y1 = Math.min(area.height, Math.max(a.y, b.y));
  return { x: x0, y: y0, width: x1 - x0, height: y1 - y0 };
}

/** Whole numbers for people to read, two decimals at most. */
export const shown = (n: number) => String(Math.round(n * 100) / 100);
