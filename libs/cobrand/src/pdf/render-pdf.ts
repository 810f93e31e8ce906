import './pdf-lib-tuning';
import type { PdfSlotRect, SlotType } from '@tcma/campaign-model';
import { degrees, drawLinesOfText, PDFDocument, PDFPage, PDFRef, rgb } from 'pdf-lib';
import { hexToRgb } from '../brand/contrast';
import { fitText } from '../text-fit/fit-text';
import { textDirection } from '@tcma/translation';
import { hasRightToLeft, visualOrder } from './pdf-bidi';
import { EmbeddedSubset, embedSubset, measure, shapeArabic, verticalMetrics } from './pdf-font';
import { drawLogo, embedLogo } from './pdf-logo';

export interface PdfRenderInput {
  /** The vendor's PDF, as uploaded. */
  vendorPdf: Uint8Array;
  rects: PdfSlotRect[];
  slotTypes: ReadonlyMap<string, SlotType>;
  /** Normalised slot values (resolveSlotValues); null leaves a rectangle empty. */
  values: ReadonlyMap<string, string | null>;
  /** The partner's normalised logo (PNG), and a stable key for it to cache its resized forms. */
  logo: { png: Uint8Array; key: string } | null;
  /** Text set in logo rectangles when there is no logo (the partner's name); null leaves them empty. */
  logoFallback: string | null;
  /** The campaign's language (a BCP 47 tag), declared as the document's /Lang; a right-to-left one sets its text's direction. */
  language: string;
}

const ELLIPSIS = '…';

const colorOf = (hex: string | undefined) => {
  const [r, g, b] = hexToRgb(hex && /^#[0-9a-fA-F]{6}$/.test(hex) ? hex : '#000000');
  return rgb(r / 255, g / 255, b / 255);
};

function alignedX(rect: PdfSlotRect, width: number): number {
  if (rect.align === 'center') return rect.x + (rect.width - width) / 2;
  if (rect.align === 'right') return rect.x + rect.width - width;
  return rect.x;
}

/** A text rectangle's lines as drawn (visual order, Arabic joined), each with its x, at one size. */
interface LaidOutText {
  size: number;
  lineHeight: number;
  lines: Array<{ text: string; x: number }>;
}

/**
 * Fits a value in its rectangle. Text holding right-to-left letters is fitted as it will be
 * drawn (Arabic joined, each line measured shaped) and each line put in visual order; the
 * paragraph runs right to left in a right-to-left campaign language, else as its first strong
 * letter says. The rectangle's alignment is the vendor's, whatever the direction.
 */
function layOut(rect: PdfSlotRect, value: string, language: string): LaidOutText {
  const bidirectional = hasRightToLeft(value);
  const fit = fitText(value, rect, bidirectional ? (text) => measure(shapeArabic(text)) : measure);
  // Only text with right-to-left letters asks the language's direction (Intl's likely subtags: not free).
  const paragraph = bidirectional && textDirection(language) === 'rtl' ? 'rtl' : undefined;
  const drawn = (line: string) => (bidirectional ? visualOrder(shapeArabic(line), paragraph) : line);
  return {
    size: fit.size,
    lineHeight: fit.lineHeight,
    lines: fit.lines.map(drawn).map((text) => ({ text, x: alignedX(rect, measure(text) * fit.size) })),
  };
}

function drawText(page: PDFPage, font: EmbeddedSubset, rect: PdfSlotRect, text: LaidOutText): void {
  const { ascent, descent } = verticalMetrics();
  // Each line's glyph box (ascent + descent) sits centred in its line; the block of lines
  // is centred in the rectangle. fitText guarantees the block fits.
  const top = rect.y + rect.height - (rect.height - text.lines.length * text.lineHeight) / 2;
  let baseline = top - (text.lineHeight - (ascent + descent) * text.size) / 2 - ascent * text.size;
  const key = font.keyOn(page);
  for (const line of text.lines) {
    page.pushOperators(
      ...drawLinesOfText([font.encode(line.text)], {
        x: line.x,
        y: baseline,
        size: text.size,
        lineHeight: text.lineHeight,
        font: key,
        color: colorOf(rect.textColor),
        rotate: degrees(0),
        xSkew: degrees(0),
        ySkew: degrees(0),
      }),
    );
    baseline -= text.lineHeight;
  }
}

/**
 * Draws a partner's values into the slot rectangles of a vendor PDF: the logo fitted and
 * centred (or, without one, the partner's name), text fitted (shrunk, then wrapped, never overflowing) in a subset of the shipped
 * Unicode font. Nothing else on the vendor's pages is touched.
 */
export async function renderCobrandedPdf(input: PdfRenderInput): Promise<Uint8Array> {
  const doc = await PDFDocument.load(input.vendorPdf, { updateMetadata: false });
  const pages = doc.getPages();
  doc.setLanguage(input.language);
  const drawable = input.rects.filter((r) => pages[r.page - 1] && input.slotTypes.has(r.slot));
  // Without a logo, a logo rectangle shows the partner's name, fitted like any text slot.
  const textOf = (rect: PdfSlotRect) =>
    input.slotTypes.get(rect.slot) !== 'logo' ? input.values.get(rect.slot) : input.logo ? null : input.logoFallback;
  const laidOut = new Map<PdfSlotRect, LaidOutText>();
  for (const rect of drawable) {
    const value = textOf(rect);
    if (value) laidOut.set(rect, layOut(rect, value, input.language));
  }
  // The subset holds what is drawn: joined Arabic forms and mirrored brackets included.
  const drawnText = [...laidOut.values()].flatMap((text) => text.lines.map((line) => line.text)).join('');
  const font = laidOut.size ? await embedSubset(doc, drawnText + ELLIPSIS) : null;
  const logos = new Map<string, { ref: PDFRef; width: number; height: number }>();
  for (const rect of drawable) {
    const page = pages[rect.page - 1];
    if (input.slotTypes.get(rect.slot) === 'logo' && input.logo) {
      const size = `${rect.width}x${rect.height}`;
      let logo = logos.get(size);
      if (!logo) {
        logo = await embedLogo(doc, input.logo.png, input.logo.key, rect);
        logos.set(size, logo);
      }
      drawLogo(page, logo, rect);
      continue;
    }
    const text = laidOut.get(rect);
    if (text && font) drawText(page, font, rect, text);
  }
  return doc.save({ useObjectStreams: true, addDefaultPage: false, updateFieldAppearances: false });
}
