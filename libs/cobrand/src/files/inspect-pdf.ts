import { PDFDocument, PDFPage } from 'pdf-lib';

export const MAX_PDF_PAGES = 100;

export type PdfInspection = { ok: true; pages: Array<{ width: number; height: number }> } | { ok: false; message: string };

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
  if (pages.length > MAX_PDF_PAGES) return { ok: false, message: `The PDF has ${pages.length} pages; at most ${MAX_PDF_PAGES} are supported` };
  const rotated = pages.findIndex((p) => p.getRotation().angle % 360 !== 0);
  if (rotated >= 0) return { ok: false, message: `Page ${rotated + 1} is rotated; save the PDF with unrotated pages so slot rectangles mean what they say` };
  return { ok: true, pages: pages.map((p) => ({ width: round(p.getWidth()), height: round(p.getHeight()) })) };
}

const round = (n: number) => Math.round(n * 100) / 100;
