import fontkit from '@pdf-lib/fontkit';
import { LRUCache } from 'lru-cache';
import type { PDFDocument, PDFFont } from 'pdf-lib';
import { fontBytes } from '../fonts/fonts';

interface FontkitFont {
  unitsPerEm: number;
  ascent: number;
  descent: number;
  glyphForCodePoint(cp: number): { advanceWidth: number };
}

interface SubsetEmbedder {
  encodeText(text: string): unknown;
  serializeFont(): Promise<Uint8Array>;
}

// Parsing DejaVu (~750 kB) costs more than the rest of a render: it is parsed once. Only
// the subset (the glyphs a document uses) is built per document.
const parsed = new WeakMap<Uint8Array, unknown>();
const cachingFontkit = {
  create(data: Uint8Array, postscriptName?: string) {
    let font = parsed.get(data);
    if (!font) {
      font = fontkit.create(data, postscriptName);
      parsed.set(data, font);
    }
    return font;
  },
} as unknown as typeof fontkit;

function shippedFont(): FontkitFont {
  const font: unknown = cachingFontkit.create(fontBytes('regular'));
  return font as FontkitFont;
}

// Kerning and ligatures are off when drawing, so a string's width is exactly the sum of its
// glyphs' advances: the fitting below measures what will be drawn, to the point.
const FEATURES = { kern: false, liga: false, clig: false, calt: false };
const advances = new Map<number, number>();

/** Width of text at font size 1, in points. */
export function measure(text: string): number {
  const font = shippedFont();
  let width = 0;
  for (const char of text) {
    const cp = char.codePointAt(0) as number;
    let advance = advances.get(cp);
    if (advance === undefined) {
      advance = font.glyphForCodePoint(cp).advanceWidth / font.unitsPerEm;
      advances.set(cp, advance);
    }
    width += advance;
  }
  return width;
}

export function verticalMetrics(): { ascent: number; descent: number } {
  const font = shippedFont();
  return { ascent: font.ascent / font.unitsPerEm, descent: -font.descent / font.unitsPerEm };
}

/**
 * Every subset holds printable ASCII plus the characters actually used: a few kilobytes
 * more per PDF, but partners' character sets then repeat, and so does the subset.
 */
const BASE_CHARSET = Array.from({ length: 95 }, (_, i) => String.fromCharCode(32 + i)).join('');

/** Encoded subsets by the characters they hold. */
const subsets = new LRUCache<string, Promise<Uint8Array>>({ max: 512 });

/**
 * Embeds the shipped font as a subset holding `characters` (and ASCII). Glyphs are added in a
 * canonical order, so the subset depends only on the character set and its encoding is
 * shared by every document that uses the same characters.
 */
export async function embedSubset(doc: PDFDocument, characters: string): Promise<PDFFont> {
  doc.registerFontkit(cachingFontkit);
  const font = await doc.embedFont(fontBytes('regular'), { subset: true, features: FEATURES });
  const charset = [...new Set(BASE_CHARSET + characters)].sort().join('');
  const embedder = (font as unknown as { embedder: SubsetEmbedder }).embedder;
  embedder.encodeText(charset);
  const serialize = embedder.serializeFont.bind(embedder);
  embedder.serializeFont = () => {
    let encoded = subsets.get(charset);
    if (!encoded) {
      encoded = serialize();
      subsets.set(charset, encoded);
    }
    return encoded;
  };
  return font;
}
