import type { SlotRect, SlotType } from '@tcma/campaign-model';
import sharp from 'sharp';
import { normalizeLogo } from '../brand/normalize-logo';
import { inspectRaster } from '../files/inspect-image';
import { PdfTaskInput, renderTasks } from '../pool/render-tasks';
import { renderSocialImage } from '../social/render-social';
import type { SocialImageFormat, SocialImageSize } from '../social/social-sizes';

const asBuffer = (bytes: Uint8Array) =>
  Buffer.isBuffer(bytes) ? bytes : Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);

/** The longest side of an uploaded image shown in the console (a social background): enough to place rectangles on. */
export const FILE_IMAGE_PREVIEW_MAX_SIDE = 2000;

/** One page of an uploaded file as PNG: a PDF's page rasterised, or an image re-encoded (never served as uploaded). */
export interface FilePageTaskInput {
  bytes: Uint8Array;
  kind: 'pdf' | 'image';
  page: number;
  dpi: number;
}

/** A co-branded page of a draft PDF, as PNG. */
export interface PdfPreviewTaskInput extends PdfTaskInput {
  page: number;
  dpi: number;
}

/** Plain-data form of a social image render (Maps become entries). */
export interface SocialPreviewTaskInput {
  background: Uint8Array;
  backgroundKey: string;
  rects: SlotRect[];
  slotTypes: Array<[string, SlotType]>;
  values: Array<[string, string | null]>;
  logo: { png: Uint8Array; key: string } | null;
  logoFallback: string | null;
  size: SocialImageSize;
  format: SocialImageFormat;
}

/** pdf-lib is loaded on the first PDF inspected, not by every process that imports the sandbox (see render-tasks). */
// eslint-disable-next-line @typescript-eslint/no-require-imports -- loaded on first use, see above
const pdfInspector = () => require('../files/inspect-pdf') as typeof import('../files/inspect-pdf');

/** What is done with untrusted files, as functions of their bytes; run in a sandbox process or inline. */
export const sandboxTasks = {
  normalizeLogo: (bytes: Uint8Array) => normalizeLogo(asBuffer(bytes)),
  inspectRaster: (bytes: Uint8Array) => inspectRaster(asBuffer(bytes)),
  inspectPdf: (bytes: Uint8Array) => pdfInspector().inspectPdf(asBuffer(bytes)),
  filePage: async (input: FilePageTaskInput): Promise<Uint8Array> => {
    if (input.kind === 'pdf') return renderTasks.pdfPage({ pdf: input.bytes, page: input.page, dpi: input.dpi });
    if (input.page !== 1) throw new RangeError('An image has one page');
    const side = FILE_IMAGE_PREVIEW_MAX_SIDE;
    return sharp(asBuffer(input.bytes))
      .rotate()
      .resize({ width: side, height: side, fit: 'inside', withoutEnlargement: true })
      .png()
      .toBuffer();
  },
  pdfPreview: async (input: PdfPreviewTaskInput): Promise<Uint8Array> => {
    const pdf = await renderTasks.pdf(input);
    return renderTasks.pdfPage({ pdf, page: input.page, dpi: input.dpi });
  },
  socialPreview: (input: SocialPreviewTaskInput): Promise<Uint8Array> =>
    renderSocialImage({
      ...input,
      background: asBuffer(input.background),
      slotTypes: new Map(input.slotTypes),
      values: new Map(input.values),
    }),
};

export type SandboxTasks = typeof sandboxTasks;
export type SandboxTask = keyof SandboxTasks;
export type SandboxInput<K extends SandboxTask> = Parameters<SandboxTasks[K]>[0];
export type SandboxResult<K extends SandboxTask> = Awaited<ReturnType<SandboxTasks[K]>>;

/** Buffers cross the process boundary as plain byte arrays: made Buffers again. */
export function reviveResult<K extends SandboxTask>(task: K, result: SandboxResult<K>): SandboxResult<K> {
  if (result instanceof Uint8Array) return asBuffer(result) as SandboxResult<K>;
  if (task !== 'normalizeLogo') return result;
  const logo = result as SandboxResult<'normalizeLogo'>;
  if (!logo.ok) return result;
  return {
    ...logo,
    logo: { ...logo.logo, png: asBuffer(logo.logo.png), webp: asBuffer(logo.logo.webp) },
  } as SandboxResult<K>;
}
