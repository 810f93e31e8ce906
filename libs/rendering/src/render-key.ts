import { createHash } from 'node:crypto';

/** Bumped whenever a renderer's output changes for the same inputs, so old renders are not reused. */
export const RENDERER_VERSION = 2;

export interface RenderKeyParts {
  versionId: string;
  assetId: string;
  partnerId: string;
  brandRevision: number;
  format: string;
  page?: number;
  dpi?: number;
  size?: string;
  /** Values given for this render only (a launch wizard's editable block being written). */
  slotValues?: Readonly<Record<string, string>>;
  /** Whom the render is for, when not the campaign's own language (RenderAssetJob.language). */
  language?: string;
}

/** The identity of a render: every input that shapes its bytes, hashed. Also its ETag. */
export function renderKey(parts: RenderKeyParts): string {
  const material = JSON.stringify([
    RENDERER_VERSION,
    parts.versionId,
    parts.assetId,
    parts.partnerId,
    parts.brandRevision,
    parts.format,
    parts.page ?? null,
    parts.dpi ?? null,
    parts.size ?? null,
    // Only when given, so the keys of every other render stay as they were.
    ...(parts.slotValues && Object.keys(parts.slotValues).length
      ? [Object.entries(parts.slotValues).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))]
      : []),
    ...(parts.language ? [{ language: parts.language }] : []),
  ]);
  return createHash('sha256').update(material).digest('hex');
}
