import type { PdfSlotRect, SlotType } from '@tcma/campaign-model';
import { pathToFileURL } from 'node:url';

/** Plain-data form of a PDF render (Maps become entries) so it can cross to a thread. */
export interface PdfTaskInput {
  vendorPdf: Uint8Array;
  rects: PdfSlotRect[];
  slotTypes: Array<[string, SlotType]>;
  values: Array<[string, string | null]>;
  logo: { png: Uint8Array; key: string } | null;
  logoFallback: string | null;
  language: string;
}

export interface PdfPageTaskInput {
  pdf: Uint8Array;
  page: number;
  dpi: number;
}

export interface RenderTasks {
  pdf: (input: PdfTaskInput) => Promise<Uint8Array>;
  pdfPage: (input: PdfPageTaskInput) => Promise<Uint8Array>;
}

interface Mupdf {
  Document: { openDocument(data: Uint8Array, magic: string): MupdfDocument };
  Matrix: { scale(x: number, y: number): unknown };
  ColorSpace: { DeviceRGB: unknown };
}
interface MupdfDocument {
  countPages(): number;
  loadPage(i: number): {
    getBounds(): [number, number, number, number];
    toPixmap(m: unknown, cs: unknown, alpha: boolean, extras: boolean): { asPNG(): Uint8Array; destroy(): void };
    destroy(): void;
  };
  destroy(): void;
}

/**
 * pdf-lib and fontkit are loaded on the first PDF render, not when this module is: every API and
 * worker process (and every integration test file) imports the pool, few of them render a PDF,
 * and the two cost about half a second to load.
 */
// eslint-disable-next-line @typescript-eslint/no-require-imports -- loaded on first use, see above
const pdfRenderer = () => require('../pdf/render-pdf') as typeof import('../pdf/render-pdf');

// MuPDF (WebAssembly, shipped from npm) rasterises pages; it is an ES module, loaded once.
let mupdf: Promise<Mupdf> | undefined;
const loadMupdf = () => (mupdf ??= import(pathToFileURL(require.resolve('mupdf')).href) as Promise<Mupdf>);

export const MAX_PAGE_DPI = 200;
/**
 * The most pixels a page preview has, whatever the page's size and the dpi asked for: a larger
 * page is previewed at a lower resolution (uploads already refuse pages over 5,000 pt a side;
 * this also covers files stored before that check).
 */
export const MAX_PAGE_PREVIEW_PIXELS = 16_000_000;

/** Scale (pixels per point) for a page preview: the dpi asked for, within both limits. */
export function pagePreviewScale(widthPt: number, heightPt: number, dpi: number): number {
  const asked = Math.min(dpi, MAX_PAGE_DPI) / 72;
  const area = Math.max(1, widthPt * heightPt);
  return Math.min(asked, Math.sqrt(MAX_PAGE_PREVIEW_PIXELS / area) * 0.999);
}

/** The CPU-heavy renders, as functions of plain data; run in a thread or inline. */
export const renderTasks: RenderTasks = {
  pdf: (input) =>
    pdfRenderer().renderCobrandedPdf({
      vendorPdf: input.vendorPdf,
      rects: input.rects,
      slotTypes: new Map(input.slotTypes),
      values: new Map(input.values),
      logo: input.logo,
      logoFallback: input.logoFallback,
      language: input.language,
    }),
  pdfPage: async ({ pdf, page, dpi }) => {
    const lib = await loadMupdf();
    const doc = lib.Document.openDocument(pdf, 'application/pdf');
    try {
      if (page < 1 || page > doc.countPages()) throw new RangeError(`The PDF has no page ${page}`);
      const p = doc.loadPage(page - 1);
      const [x0, y0, x1, y1] = p.getBounds();
      const scale = pagePreviewScale(Math.abs(x1 - x0), Math.abs(y1 - y0), dpi);
      const pixmap = p.toPixmap(lib.Matrix.scale(scale, scale), lib.ColorSpace.DeviceRGB, false, true);
      const png = pixmap.asPNG();
      pixmap.destroy();
      p.destroy();
      return png;
    } finally {
      doc.destroy();
    }
  },
};
