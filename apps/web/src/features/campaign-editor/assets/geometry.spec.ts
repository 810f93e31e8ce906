import { describe, expect, it } from 'vitest';
import { clampMove, fromScreen, MIN_DRAWN, resize, shown, spanned, toScreen } from './geometry';

const page = { width: 600, height: 800 };

describe('toScreen and fromScreen', () => {
  it('turn a PDF box (from the bottom-left) the screen way round and back', () => {
    const box = { x: 10, y: 20, width: 100, height: 50 };
    const screen = toScreen(box, page, 'bottom-left');
    expect(screen).toEqual({ x: 10, y: 730, width: 100, height: 50 });
    expect(fromScreen(screen, page, 'bottom-left')).toEqual(box);
  });

  it('leave a social box (from the top-left) as it is, rounded to two decimals', () => {
    const box = { x: 1.234, y: 5.678, width: 10.001, height: 20 };
    expect(toScreen(box, page, 'top-left')).toBe(box);
    expect(fromScreen(box, page, 'top-left')).toEqual({ x: 1.23, y: 5.68, width: 10, height: 20 });
  });
});

describe('clampMove', () => {
  it('keeps a moved box inside the area', () => {
    expect(clampMove({ x: -5, y: 790, width: 100, height: 50 }, page)).toEqual({
      x: 0,
      y: 750,
      width: 100,
      height: 50,
    });
    expect(clampMove({ x: 550, y: 10, width: 100, height: 50 }, page)).toEqual({
      x: 500,
      y: 10,
      width: 100,
      height: 50,
    });
  });

  it('pins a box larger than the area to its corner', () => {
    expect(clampMove({ x: 30, y: 30, width: 900, height: 900 }, page)).toEqual({ x: 0, y: 0, width: 900, height: 900 });
  });
});

describe('resize', () => {
  const box = { x: 100, y: 100, width: 200, height: 100 };

  it('moves the dragged corner and keeps the opposite one', () => {
    expect(resize(box, 'se', 50, 20, page)).toEqual({ x: 100, y: 100, width: 250, height: 120 });
    expect(resize(box, 'nw', -50, -20, page)).toEqual({ x: 50, y: 80, width: 250, height: 120 });
  });

  it('never makes a box smaller than the smallest drawn', () => {
    const squeezed = resize(box, 'ne', -500, 500, page);
    expect(squeezed.width).toBe(MIN_DRAWN);
    expect(squeezed.height).toBe(MIN_DRAWN);
    expect(squeezed.x).toBe(100);
  });

  it('stops at the edges of the area', () => {
    expect(resize(box, 'se', 1000, 1000, page)).toEqual({ x: 100, y: 100, width: 500, height: 700 });
    expect(resize(box, 'nw', -1000, -1000, page)).toEqual({ x: 0, y: 0, width: 300, height: 200 });
  });
});

describe('spanned', () => {
  it('is the box two points span, whichever corner the drag starts from', () => {
    const expected = { x: 10, y: 20, width: 40, height: 60 };
    expect(spanned({ x: 10, y: 20 }, { x: 50, y: 80 }, page)).toEqual(expected);
    expect(spanned({ x: 50, y: 80 }, { x: 10, y: 20 }, page)).toEqual(expected);
  });

  it('is cut at the area', () => {
    expect(spanned({ x: -10, y: -10 }, { x: 700, y: 900 }, page)).toEqual({ x: 0, y: 0, width: 600, height: 800 });
  });
});

describe('shown', () => {
  it('writes at most two decimals', () => {
    expect(shown(12)).toBe('12');
    expect(shown(12.3456)).toBe('12.35');
  });
});
