import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';

/**
 * Test tools for PDFs on MuPDF, the npm dependency the engine already renders previews with:
 * nothing from the operating system (qpdf, poppler) is needed. MuPDF is an ES module that
 * Jest on Node 20 cannot load, so each call runs a short Node process of its own.
 */

export interface PdfCheck {
  pages: number;
  /** MuPDF had to rebuild a broken cross-reference table to open the file. */
  repaired: boolean;
  /** Whatever MuPDF complained about while opening, reading and drawing every page. */
  complaints: string[];
}

/** A word with its box in points, origin top-left (as on screen). */
export interface PdfWord {
  text: string;
  xMin: number;
  yMin: number;
  xMax: number;
  yMax: number;
}

const SCRIPT = `
import * as fs from 'node:fs';
const [op, file, arg, target] = process.argv.slice(1);
// MuPDF reports through the console it finds when it loads: catch that before loading it.
const complaints = [];
for (const level of ['warn', 'error', 'log']) console[level] = (...args) => complaints.push(args.join(' '));
const mupdf = await import(${JSON.stringify(pathToFileURL(require.resolve('mupdf')).href)});
const doc = mupdf.Document.openDocument(fs.readFileSync(file), 'application/pdf');
const out = {};
if (op === 'check') {
  out.pages = doc.countPages();
  out.repaired = doc.asPDF()?.wasRepaired() ?? true;
  for (let i = 0; i < out.pages; i++) {
    const page = doc.loadPage(i);
    page.toPixmap(mupdf.Matrix.identity, mupdf.ColorSpace.DeviceRGB, false, true).destroy();
    page.toStructuredText('preserve-whitespace').asText();
  }
  out.complaints = complaints;
} else if (op === 'words') {
  out.words = [];
  for (let i = 0; i < doc.countPages(); i++) {
    let word = null;
    const end = () => { if (word) out.words.push(word); word = null; };
    doc.loadPage(i).toStructuredText('preserve-whitespace').walk({
      onChar(c, _origin, _font, _size, q) {
        if (/\\s/.test(c)) return end();
        const box = { xMin: Math.min(q[0], q[4]), yMin: Math.min(q[1], q[3]), xMax: Math.max(q[2], q[6]), yMax: Math.max(q[5], q[7]) };
        if (!word) word = { text: '', ...box };
        word.text += c;
        word = { ...word, xMin: Math.min(word.xMin, box.xMin), yMin: Math.min(word.yMin, box.yMin), xMax: Math.max(word.xMax, box.xMax), yMax: Math.max(word.yMax, box.yMax) };
      },
      endLine: end,
      endTextBlock: end,
    });
    end();
  }
} else if (op === 'text') {
  out.text = Array.from({ length: doc.countPages() }, (_, i) => doc.loadPage(i).toStructuredText('preserve-whitespace').asText()).join('\\f');
} else if (op === 'png') {
  const scale = Number(arg) / 72;
  fs.writeFileSync(target, doc.loadPage(0).toPixmap(mupdf.Matrix.scale(scale, scale), mupdf.ColorSpace.DeviceRGB, false, true).asPNG());
}
process.stdout.write(JSON.stringify(out));
`;

function run<T>(op: string, pdf: string | Uint8Array, arg = '', target = ''): T {
  const file =
    typeof pdf === 'string' ? pdf : path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'pdf-inspect-')), 'in.pdf');
  if (typeof pdf !== 'string') fs.writeFileSync(file, pdf);
  const out = execFileSync(process.execPath, ['--input-type=module', '-e', SCRIPT, '--', op, file, arg, target], {
    encoding: 'utf8',
    maxBuffer: 64 * 1024 * 1024,
  });
  return JSON.parse(out) as T;
}

/** Opens the PDF and reads and draws every page, as a viewer would (in place of `qpdf --check`). */
export function checkPdf(pdf: string | Uint8Array): PdfCheck {
  const { pages, repaired, complaints } = run<PdfCheck>('check', pdf);
  return { pages, repaired, complaints };
}

/** Every word on every page with its box (in place of `pdftotext -bbox`). */
export function pdfWords(pdf: string | Uint8Array): PdfWord[] {
  return run<{ words: PdfWord[] }>('words', pdf).words;
}

/** The text of every page, pages separated by a form feed (in place of `pdftotext`). */
export function pdfText(pdf: string | Uint8Array): string {
  return run<{ text: string }>('text', pdf).text;
}

/** The first page as PNG at `dpi` (in place of `pdftoppm -png`). */
export function pdfPagePng(pdf: string | Uint8Array, dpi: number): Buffer {
  const target = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'pdf-inspect-')), 'page.png');
  run('png', pdf, String(dpi), target);
  return fs.readFileSync(target);
}
