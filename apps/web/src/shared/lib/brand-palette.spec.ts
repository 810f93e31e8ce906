import { describe, expect, it } from 'vitest';
import { BRAND_SHADE, brandPalette } from './brand-palette';

const luminance = (hex: string) => {
  const n = parseInt(hex.slice(1), 16);
  const channel = (c: number) => {
    const s = c / 255;
    return s <= 0.03928 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
  };
  return 0.2126 * channel((n >> 16) & 255) + 0.7152 * channel((n >> 8) & 255) + 0.0722 * channel(n & 255);
};
const contrast = (a: string, b: string) => {
  const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x);
  return (hi + 0.05) / (lo + 0.05);
};

// Readable colours as the API answers them (white text on each reaches 4.5:1).
const READABLE = ['#0f766e', '#3b5bdb', '#b91c1c', '#6d28d9', '#767676', '#1f2937'];

describe(brandPalette.name, () => {
  it.each(READABLE)('keeps %s itself as the filled shade, ten shades from light to dark', (color) => {
    const palette = brandPalette(color);
    expect(palette).toHaveLength(10);
    expect(palette[BRAND_SHADE]).toBe(color);
    for (let i = 1; i < 10; i++) expect(luminance(palette[i])).toBeLessThan(luminance(palette[i - 1]));
  });

  it.each(READABLE)('keeps the light variant of %s readable: shade 9 on shades 0 and 1 above 4.5:1', (color) => {
    const palette = brandPalette(color);
    expect(contrast(palette[9], palette[0])).toBeGreaterThanOrEqual(4.5);
    expect(contrast(palette[9], palette[1])).toBeGreaterThanOrEqual(4.5);
    expect(contrast(palette[BRAND_SHADE], '#ffffff')).toBeGreaterThanOrEqual(4.5);
  });
});
