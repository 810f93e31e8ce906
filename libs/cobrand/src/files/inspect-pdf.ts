import { PDFDocument, PDFName, PDFNumber, PDFPage } from 'pdf-lib';

export const MAX_PDF_PAGES = 100;
/** The longest side a page may have: 5,000 pt is 1.76 m (A0 is 3,370 pt; the format allows 14,400). */
export const MAX_PDF_PAGE_POINTS = 5000;

export type PdfInspection =
  { ok: true; pages: Array<{ width: number; height: number }> } | { ok: false; message: string };

/** Opens a vendor PDF the way the co-branding renderer will, and reports its page sizes. */
export async function inspectPdf(bytes: Buffer): Promise<PdfInspection> {
  let pages: PDFPage[];
  try {
    const doc = await PDFDocument.load(bytes, { updateMetadata: false });
    // A damaged file can load and still fail here, when its page tree is read.
    pages = doc.getPages();
  } catch (e) {
    const message = (e as Error).message ?? '';
    if (/encrypt/i.test(message)) return { ok: false, message: 'The PDF is encrypted; upload an unprotected copy' };
    return { ok: false, message: 'The file is not a readable PDF' };
  }
  if (pages.length === 0) return { ok: false, message: 'The PDF has no pages' };
  if (pages.length > MAX_PDF_PAGES)
    return { ok: false, message: `The PDF has ${pages.length} pages; at most ${MAX_PDF_PAGES} are supported` };
  for (const [i, page] of pages.entries()) {
    const problem = pageSizeProblem(page);
    if (problem) return { ok: false, message: `Page ${i + 1} ${problem}` };
  }
  const rotated = pages.findIndex((p) => p.getRotation().angle % 360 !== 0);
  if (rotated >= 0)
    return {
      ok: false,
      message: `Page ${rotated + 1} is rotated; save the PDF with unrotated pages so slot rectangles mean what they say`,
    };
  return { ok: true, pages: pages.map((p) => ({ width: round(p.getWidth()), height: round(p.getHeight()) })) };
}

const round = (n: number) => Math.round(n * 100) / 100;

/**
 * Pages beyond the limit (or scaled by /UserUnit, which multiplies every size and which slot
 * rectangles would not follow) are refused: a renderer asked to rasterise them runs out of memory.
 */
function pageSizeProblem(page: PDFPage): string | null {
  const unit = page.node.lookup(PDFName.of('UserUnit'));
  if (unit !== undefined && !(unit instanceof PDFNumber && unit.asNumber() === 1)) {
    return `sets /UserUnit ${unit instanceof PDFNumber ? unit.asNumber() : String(unit)}; save the PDF with standard units (1/72 inch)`;
  }
  const { width, height } = page.getMediaBox();
  if (!Number.isFinite(width) || !Number.isFinite(height) || Math.abs(width) < 1 || Math.abs(height) < 1)
    return 'has no size';
  const [w, h] = [Math.abs(width), Math.abs(height)];
  if (Math.max(w, h) > MAX_PDF_PAGE_POINTS)
    return `is ${round(w)} × ${round(h)} pt; pages may be at most ${MAX_PDF_PAGE_POINTS} pt (1.76 m) a side`;
  return null;
}
