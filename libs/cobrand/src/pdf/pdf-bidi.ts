import bidiFactory from 'bidi-js';

/**
 * Right-to-left text in a PDF. A PDF holds glyphs at positions, not text: nothing reorders or
 * joins them when the page is shown, so the renderer draws what a reader must see. Arabic
 * letters in the form their neighbours give them (pdf-font's `shapeArabic`), and each line in
 * visual order by the Unicode Bidirectional Algorithm (bidi-js): an Arabic name read right to
 * left, a Latin word or a number inside it still left to right, brackets mirrored.
 */
const bidi = bidiFactory();

/** Hebrew, Arabic, Syriac, Thaana, N'Ko, Samaritan, Mandaic and their presentation forms. */
const RIGHT_TO_LEFT = /[\u0590-\u08ff\ufb1d-\ufdff\ufe70-\ufeff]|\ud802[\udc00-\udfff]|\ud83a[\udd00-\udd5f]/;

export function hasRightToLeft(text: string): boolean {
  return RIGHT_TO_LEFT.test(text);
}

/**
 * One line in the order its glyphs are drawn, left to right. `direction` is the paragraph's:
 * `rtl` for a right-to-left campaign language, else taken from the line's first strong letter.
 */
export function visualOrder(line: string, direction: 'ltr' | 'rtl' | undefined): string {
  const levels = bidi.getEmbeddingLevels(line, direction);
  const chars = line.split('');
  for (const [index, mirrored] of bidi.getMirroredCharactersMap(line, levels.levels)) chars[index] = mirrored;
  for (const [start, end] of bidi.getReorderSegments(line, levels)) {
    chars.splice(start, end - start + 1, ...chars.slice(start, end + 1).reverse());
  }
  // bidi-js works on UTF-16 units: a character outside the BMP (an emoji) reversed inside a
  // right-to-left run comes out as its two halves swapped; put each pair back in order.
  for (let i = 0; i < chars.length - 1; i++) {
    if (/[\udc00-\udfff]/.test(chars[i]) && /[\ud800-\udbff]/.test(chars[i + 1])) {
      [chars[i], chars[i + 1]] = [chars[i + 1], chars[i]];
      i++;
    }
  }
  return chars.join('');
}
