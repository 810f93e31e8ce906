import { execFileSync } from 'node:child_process';

export interface PdfLine {
  page: number;
  text: string;
  /** Points, origin at the page's top-left corner (MuPDF's coordinates). */
  x: number;
  y: number;
  width: number;
  height: number;
}

export interface PdfInspectionResult {
  lang: string | null;
  lines: PdfLine[];
}

// MuPDF ships as an ES module, which Jest's module system cannot load: it reads the PDF in a
// plain Node process instead, with what npm installs (no poppler or qpdf needed).
const SCRIPT = `
import * as mupdf from 'mupdf';
const chunks = [];
for await (const c of process.stdin) chunks.push(c);
const doc = mupdf.Document.openDocument(Buffer.concat(chunks), 'application/pdf');
const lang = doc.asPDF().getTrailer().get('Root').get('Lang');
const lines = [];
for (let i = 0; i < doc.countPages(); i++) {
  const { blocks } = JSON.parse(doc.loadPage(i).toStructuredText('preserve-whitespace').asJSON());
  for (const block of blocks) for (const line of block.lines ?? []) lines.push({ page: i + 1, text: line.text, x: line.bbox.x, y: line.bbox.y, width: line.bbox.w, height: line.bbox.h });
}
process.stdout.write(JSON.stringify({ lang: lang.isNull() ? null : lang.asString(), lines }));
`;

/** The document language and every line of text, with its box, of a PDF (for tests). */
export function inspectPdfText(bytes: Uint8Array): PdfInspectionResult {
  const out = execFileSync(process.execPath, ['--input-type=module', '-e', SCRIPT], {
    input: bytes,
    cwd: __dirname,
    maxBuffer: 64 * 1024 * 1024,
  });
  return JSON.parse(out.toString('utf8')) as PdfInspectionResult;
}
