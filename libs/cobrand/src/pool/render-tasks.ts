import type { PdfSlotRect, SlotType } from '@tcma/campaign-model';
import { pathToFileURL } from 'node:url';
import { renderCobrandedPdf } from '../pdf/render-pdf';

/** Plain-data form of a PDF render (Maps become entries) so it can cross to a thread. */
export interface PdfTaskInput {
  vendorPdf: Uint8Array;
  rects: PdfSlotRect[];
  slotTypes: Array<[string, SlotType]>;
  values: Array<[string, string | null]>;
  logo: { png: Uint8Array; key: string } | null;
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
  loadPage(i: number): { toPixmap(m: unknown, cs: unknown, alpha: boolean, extras: boolean): { asPNG(): Uint8Array; destroy(): void }; destroy(): void };
  destroy(): void;
}

// MuPDF (WebAssembly, shipped from npm) rasterises pages; it is an ES module, loaded once.
let mupdf: Promise<Mupdf> | undefined;
const loadMupdf = () => (mupdf ??= import(pathToFileURL(require.resolve('mupdf')).href) as Promise<Mupdf>);

export const MAX_PAGE_DPI = 200;

/** The CPU-heavy renders, as functions of plain data; run in a thread or inline. */
export const renderTasks: RenderTasks = {
  pdf: (input) =>
    renderCobrandedPdf({
      vendorPdf: input.vendorPdf,
      rects: input.rects,
      slotTypes: new Map(input.slotTypes),
      values: new Map(input.values),
      logo: input.logo,
    }),
  pdfPage: async ({ pdf, page, dpi }) => {
    const lib = await loadMupdf();
    const doc = lib.Document.openDocument(pdf, 'application/pdf');
    try {
      if (page < 1 || page > doc.countPages()) throw new RangeError(`The PDF has no page ${page}`);
      const p = doc.loadPage(page - 1);
      const scale = Math.min(dpi, MAX_PAGE_DPI) / 72;
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
