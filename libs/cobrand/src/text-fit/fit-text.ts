/** Width of a string at font size 1, in the unit of the box (points or pixels). */
export type Measure = (text: string) => number;

export interface FitBox {
  width: number;
  height: number;
  maxFontSize?: number;
}

export interface FittedText {
  size: number;
  lineHeight: number;
  lines: string[];
  /** True when even at the smallest size the text had to be cut (with an ellipsis). */
  truncated: boolean;
}

export const MIN_FONT_SIZE = 6;
export const LINE_HEIGHT = 1.2;
const STEP = 0.5;
const ELLIPSIS = '…';

function wrapParagraph(paragraph: string, maxWidth: number, measure: Measure, size: number): string[] {
  const lines: string[] = [];
  let line = '';
  const fits = (s: string) => measure(s) * size <= maxWidth;
  for (const word of paragraph.split(/\s+/).filter(Boolean)) {
    const candidate = line ? `${line} ${word}` : word;
    if (fits(candidate)) {
      line = candidate;
      continue;
    }
    if (line) lines.push(line);
    // A word longer than the box is broken between characters.
    let piece = '';
    for (const char of word) {
      // At least one character per line, even if a single character is wider than the box.
      if (piece && !fits(piece + char)) {
        lines.push(piece);
        piece = '';
      }
      piece += char;
    }
    line = piece;
  }
  if (line) lines.push(line);
  return lines.length ? lines : [''];
}

/**
 * Fits text into a box without ever overflowing it: the largest size (up to the box's
 * maximum) at which every line fits unwrapped; else the largest at which it fits wrapped;
 * else the smallest size, wrapped, cut with an ellipsis. Explicit line breaks are kept
 * unless running the lines together (joined by commas) allows a larger size.
 */
export function fitText(text: string, box: FitBox, measure: Measure): FittedText {
  const asWritten = fitParagraphs(text.split('\n'), box, measure);
  if (!text.includes('\n') || (asWritten.size >= (box.maxFontSize ?? 24) && !asWritten.truncated)) return asWritten;
  // Several lines (an address) may read better run together than shrunk to fit their breaks.
  const runTogether = fitParagraphs([text.split('\n').join(', ')], box, measure);
  return runTogether.size > asWritten.size || (asWritten.truncated && !runTogether.truncated) ? runTogether : asWritten;
}

function fitParagraphs(paragraphs: string[], box: FitBox, measure: Measure): FittedText {
  const fitsHeight = (count: number, size: number) => count * size * LINE_HEIGHT <= box.height + 1e-6;
  const start = Math.max(MIN_FONT_SIZE, Math.min(box.maxFontSize ?? 24, box.height / LINE_HEIGHT));
  const widths = paragraphs.map(measure);
  for (let size = start; size >= MIN_FONT_SIZE; size -= STEP) {
    if (fitsHeight(paragraphs.length, size) && widths.every((w) => w * size <= box.width + 1e-6)) {
      return { size, lineHeight: size * LINE_HEIGHT, lines: paragraphs, truncated: false };
    }
  }
  for (let size = start; size >= MIN_FONT_SIZE; size -= STEP) {
    const lines = paragraphs.flatMap((p) => wrapParagraph(p, box.width, measure, size));
    if (fitsHeight(lines.length, size)) return { size, lineHeight: size * LINE_HEIGHT, lines, truncated: false };
  }
  const size = MIN_FONT_SIZE;
  const maxLines = Math.max(1, Math.floor(box.height / (size * LINE_HEIGHT)));
  const lines = paragraphs.flatMap((p) => wrapParagraph(p, box.width, measure, size)).slice(0, maxLines);
  let last = lines[lines.length - 1];
  while (last && measure(last + ELLIPSIS) * size > box.width) last = [...last].slice(0, -1).join('');
  lines[lines.length - 1] = last + ELLIPSIS;
  return { size, lineHeight: size * LINE_HEIGHT, lines, truncated: true };
}
