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
  ]);
  return createHash('sha256').update(material).digest('hex');
}
