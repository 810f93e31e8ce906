import * as fs from 'node:fs';

/**
 * The one typeface every renderer draws partner text with: DejaVu Sans, shipped from npm
 * (dejavu-fonts-ttf), so output never depends on a machine's system fonts. It covers Latin
 * with diacritics, Greek and Cyrillic among others; the standard PDF fonts cannot draw "Łódź".
 */
export const FONT_FILES = {
  regular: require.resolve('dejavu-fonts-ttf/ttf/DejaVuSans.ttf'),
  bold: require.resolve('dejavu-fonts-ttf/ttf/DejaVuSans-Bold.ttf'),
} as const;

export const FONT_FAMILY = 'DejaVu Sans';

const loaded = new Map<keyof typeof FONT_FILES, Buffer>();

/** The font's bytes, read once per process. */
export function fontBytes(weight: keyof typeof FONT_FILES = 'regular'): Buffer {
  let bytes = loaded.get(weight);
  if (!bytes) {
    bytes = fs.readFileSync(FONT_FILES[weight]);
    loaded.set(weight, bytes);
  }
  return bytes;
}
