import type { MantineColorsTuple } from '@mantine/core';

type Rgb = [number, number, number];

const toRgb = (hex: string): Rgb => {
  const n = parseInt(hex.slice(1), 16);
  return [(n >> 16) & 255, (n >> 8) & 255, n & 255];
};

const toHex = (rgb: Rgb): string =>
  `#${rgb
    .map((v) =>
      Math.round(Math.max(0, Math.min(255, v)))
        .toString(16)
        .padStart(2, '0'),
    )
    .join('')}`;

/** `color` mixed with `towards` by `t` (0: the colour, 1: `towards`), in sRGB. */
const mix = (color: Rgb, towards: Rgb, t: number): string =>
  toHex(color.map((c, i) => c + (towards[i] - c) * t) as Rgb);

const WHITE: Rgb = [255, 255, 255];
const BLACK: Rgb = [0, 0, 0];

/** How far each shade is mixed towards white (0–7) or black (9); shade 8 is the colour itself. */
const TINTS = [0.94, 0.86, 0.74, 0.6, 0.46, 0.32, 0.2, 0.1];
const SHADE_9 = 0.35;

/** The shade the theme's filled buttons, links and active navigation use (theme.primaryShade.light). */
export const BRAND_SHADE = 8;

/**
 * Mantine's ten shades from a brand's readable colour (the API's `primaryReadable`: white text
 * on it already reaches WCAG AA 4.5:1). It is shade 8, where filled buttons take their
 * background; lighter tints below for light variants and hovers, one darker shade above for text
 * on those tints (shade 9 on shade 0 stays above 4.5:1 because shade 8 already is on white).
 * Mantine's own generator (@mantine/colors-generator) would need chroma-js and may move the
 * colour itself; this keeps the vendor's colour exactly where partners see it.
 */
export function brandPalette(readable: string): MantineColorsTuple {
  const base = toRgb(readable);
  return [
    ...TINTS.map((t) => mix(base, WHITE, t)),
    readable.toLowerCase(),
    mix(base, BLACK, SHADE_9),
  ] as unknown as MantineColorsTuple;
}
