import fontkit from '@pdf-lib/fontkit';
import { LRUCache } from 'lru-cache';
import { PDFDocument, PDFHexString, PDFName, PDFPage, PDFRef, PDFString } from 'pdf-lib';
import * as zlib from 'node:zlib';
import { fontBytes } from '../fonts/fonts';

interface FontkitGlyph {
  id: number;
  advanceWidth: number;
  codePoints: number[];
}

interface SubsetStream {
  on(event: 'data' | 'end' | 'error', listener: (data?: Uint8Array) => void): SubsetStream;
}

interface FontkitFont {
  postscriptName: string | null;
  unitsPerEm: number;
  ascent: number;
  descent: number;
  italicAngle: number;
  capHeight: number;
  xHeight: number;
  bbox: { minX: number; minY: number; maxX: number; maxY: number };
  'OS/2'?: { sFamilyClass: number };
  head: { macStyle: { italic: boolean } };
  post: { isFixedPitch: boolean };
  characterSet: number[];
  glyphForCodePoint(cp: number): FontkitGlyph;
  layout(
    text: string,
    features?: unknown,
    script?: string,
    language?: string,
    direction?: string,
  ): { glyphs: FontkitGlyph[] };
  createSubset(): {
    includeGlyph(glyph: FontkitGlyph): number;
    encodeStream(): SubsetStream;
  };
}

// Parsing DejaVu (~750 kB) costs more than the rest of a render: it is parsed once per thread.
let parsed: FontkitFont | undefined;
const shippedFont = (): FontkitFont => (parsed ??= fontkit.create(fontBytes('regular')) as unknown as FontkitFont);

const advances = new Map<number, number>();

/** The shipped font's glyphs for Arabic presentation forms (U+FB50–U+FEFF), by glyph id. */
let presentationForms: Map<number, number> | undefined;
function presentationFormOf(glyphId: number): number | undefined {
  if (!presentationForms) {
    const font = shippedFont();
    presentationForms = new Map();
    for (const cp of font.characterSet) {
      if (cp < 0xfb50 || cp > 0xfeff) continue;
      const id = font.glyphForCodePoint(cp).id;
      if (!presentationForms.has(id)) presentationForms.set(id, cp);
    }
  }
  return presentationForms.get(glyphId);
}

/**
 * Arabic text as its joined letters, still in reading order: each letter replaced by the
 * presentation form (initial, medial, final, isolated; lam-alef ligatures) the font's own
 * shaping rules choose, through fontkit's Arabic shaper. The result is characters again, so it
 * is measured, subset and encoded like any other text, and a PDF reader extracting it gets
 * characters that normalise (NFKC) back to the letters written. Anything else passes unchanged.
 */
export function shapeArabic(text: string): string {
  if (!/[\u0600-\u06ff\u0750-\u077f\u08a0-\u08ff]/.test(text)) return text;
  const { glyphs } = shippedFont().layout(text, undefined, 'arab', undefined, 'ltr');
  return glyphs
    .map((glyph) => {
      const form = presentationFormOf(glyph.id);
      return form !== undefined ? String.fromCodePoint(form) : String.fromCodePoint(...glyph.codePoints);
    })
    .join('');
}

/** Width of text at font size 1, in points: the sum of its characters' glyph advances. */
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

/**
 * Everything a document needs to use the subset for one character set, built once: the
 * compressed font program and ToUnicode map, the glyph widths, and each character's glyph in
 * the subset. A document only registers these objects; nothing is laid out, encoded or
 * compressed again per render.
 */
interface PreparedSubset {
  glyphOf: Map<number, number>;
  /** The subset's glyph widths from glyph 1 on (glyph 0 is .notdef), in thousandths of an em. */
  widths: number[];
  fontFile: Buffer;
  toUnicode: Buffer;
}

/**
 * Prepared subsets by the characters they hold; each holds the compressed subset (about 20 kB
 * for ASCII plus a few letters), so the cache stays under about 6 MB per render thread.
 */
const prepared = new LRUCache<string, Promise<PreparedSubset>>({ max: 256 });

const hex4 = (n: number) => n.toString(16).toUpperCase().padStart(4, '0');
const utf16Hex = (cp: number) =>
  cp > 0xffff ? hex4(0xd800 + ((cp - 0x10000) >> 10)) + hex4(0xdc00 + ((cp - 0x10000) & 0x3ff)) : hex4(cp);

function toUnicodeCmap(entries: Array<[number, number]>): string {
  const lines = entries.map(([gid, cp]) => `<${hex4(gid)}> <${utf16Hex(cp)}>`);
  // One bfchar block holds at most 100 entries (PDF 32000-1, 9.10.3).
  const blocks: string[] = [];
  for (let i = 0; i < lines.length; i += 100) {
    const block = lines.slice(i, i + 100);
    blocks.push(`${block.length} beginbfchar\n${block.join('\n')}\nendbfchar`);
  }
  return [
    '/CIDInit /ProcSet findresource begin',
    '12 dict begin',
    'begincmap',
    '/CIDSystemInfo << /Registry (Adobe) /Ordering (UCS) /Supplement 0 >> def',
    '/CMapName /Adobe-Identity-UCS def',
    '/CMapType 2 def',
    '1 begincodespacerange',
    '<0000> <FFFF>',
    'endcodespacerange',
    ...blocks,
    'endcmap',
    'CMapName currentdict /CMap defineresource pop',
    'end',
    'end',
  ].join('\n');
}

/**
 * Builds the subset for a character set. Each character is drawn with the glyph the font maps
 * it to, the very glyph whose advance `measure` sums: no shaping (kerning, ligatures,
 * contextual forms) can make the drawn text wider than the box it was fitted to.
 */
function prepare(charset: string): Promise<PreparedSubset> {
  const font = shippedFont();
  const subset = font.createSubset();
  const glyphOf = new Map<number, number>();
  const widths: number[] = [];
  const toUnicode: Array<[number, number]> = [];
  for (const char of charset) {
    const cp = char.codePointAt(0) as number;
    const glyph = font.glyphForCodePoint(cp);
    const id = subset.includeGlyph(glyph);
    glyphOf.set(cp, id);
    if (id === 0 || id <= widths.length) continue; // .notdef, or a glyph two characters share
    widths.push((glyph.advanceWidth * 1000) / font.unitsPerEm);
    toUnicode.push([id, cp]);
  }
  return new Promise<PreparedSubset>((resolve, reject) => {
    const parts: Uint8Array[] = [];
    subset
      .encodeStream()
      .on('data', (bytes) => parts.push(bytes as Uint8Array))
      .on('error', () => reject(new Error('The font subset could not be encoded')))
      .on('end', () =>
        resolve({
          glyphOf,
          widths,
          fontFile: zlib.deflateSync(Buffer.concat(parts), { level: 6 }),
          toUnicode: zlib.deflateSync(Buffer.from(toUnicodeCmap(toUnicode), 'latin1'), { level: 6 }),
        }),
      );
  });
}

/** A subset of the shipped font embedded in one document. */
export class EmbeddedSubset {
  private readonly pageKeys = new Map<PDFPage, PDFName>();

  constructor(
    readonly ref: PDFRef,
    private readonly glyphOf: ReadonlyMap<number, number>,
  ) {}

  /** The text as the subset's glyph ids (a character outside the set shows as .notdef). */
  encode(text: string): PDFHexString {
    let hex = '';
    for (const char of text) hex += hex4(this.glyphOf.get(char.codePointAt(0) as number) ?? 0);
    return PDFHexString.of(hex);
  }

  /** The font's name in the page's resources, added on first use. */
  keyOn(page: PDFPage): PDFName {
    let key = this.pageKeys.get(page);
    if (!key) {
      key = page.node.newFontDictionary('DejaVuSans', this.ref);
      this.pageKeys.set(page, key);
    }
    return key;
  }
}

/**
 * Embeds the shipped font as a subset holding `characters` (and ASCII). Glyphs are added in a
 * canonical order, so the subset depends only on the character set, and its prepared objects
 * are shared by every document that uses the same characters.
 */
export async function embedSubset(doc: PDFDocument, characters: string): Promise<EmbeddedSubset> {
  const charset = [...new Set(BASE_CHARSET + characters)].sort().join('');
  let subset = prepared.get(charset);
  if (!subset) {
    subset = prepare(charset);
    prepared.set(charset, subset);
    subset.catch(() => prepared.delete(charset));
  }
  const { glyphOf, widths, fontFile, toUnicode } = await subset;
  const font = shippedFont();
  const scale = 1000 / font.unitsPerEm;
  const context = doc.context;
  const name = context.addRandomSuffix(font.postscriptName ?? 'Font');
  const familyClass = font['OS/2']?.sFamilyClass ?? 0;
  // The font descriptor's flags as pdf-lib derives them: symbolic (a subset with its own encoding),
  // serif and script from the OS/2 family class.
  const flags =
    (font.post.isFixedPitch ? 1 : 0) |
    (familyClass >= 1 && familyClass <= 7 ? 2 : 0) |
    4 |
    (familyClass === 10 ? 8 : 0) |
    (font.head.macStyle.italic ? 64 : 0);
  const descriptor = context.register(
    context.obj({
      Type: 'FontDescriptor',
      FontName: name,
      Flags: flags,
      FontBBox: [font.bbox.minX * scale, font.bbox.minY * scale, font.bbox.maxX * scale, font.bbox.maxY * scale],
      ItalicAngle: font.italicAngle,
      Ascent: font.ascent * scale,
      Descent: font.descent * scale,
      CapHeight: (font.capHeight || font.ascent) * scale,
      XHeight: (font.xHeight || 0) * scale,
      StemV: 0,
      FontFile2: context.register(context.stream(fontFile, { Filter: 'FlateDecode' })),
    }),
  );
  const cidFont = context.register(
    context.obj({
      Type: 'Font',
      Subtype: 'CIDFontType2',
      CIDToGIDMap: 'Identity',
      BaseFont: name,
      CIDSystemInfo: { Registry: PDFString.of('Adobe'), Ordering: PDFString.of('Identity'), Supplement: 0 },
      FontDescriptor: descriptor,
      W: [1, widths],
    }),
  );
  const ref = context.register(
    context.obj({
      Type: 'Font',
      Subtype: 'Type0',
      BaseFont: name,
      Encoding: 'Identity-H',
      DescendantFonts: [cidFont],
      ToUnicode: context.register(context.stream(toUnicode, { Filter: 'FlateDecode' })),
    }),
  );
  return new EmbeddedSubset(ref, glyphOf);
}
