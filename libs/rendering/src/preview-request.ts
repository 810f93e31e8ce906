import type { Asset, RenderFormat } from '@tcma/campaign-model';
import { SOCIAL_IMAGE_SIZES, SocialImageSize } from '@tcma/cobrand';
import { BadRequestError } from '@tcma/errors';

export interface PreviewOptions {
  format?: RenderFormat;
  page?: number;
  dpi?: number;
  size?: string;
}

export interface ResolvedPreviewOptions {
  format: RenderFormat;
  page?: number;
  dpi?: number;
  size?: SocialImageSize;
}

const FORMATS: Record<Asset['kind'], RenderFormat[]> = {
  email: ['html', 'text', 'json'],
  pdf: ['pdf', 'png'],
  social: ['png', 'jpeg', 'json'],
  page: ['html'],
};

/**
 * A catalogue thumbnail may also be an email's card (a PNG, see renderEmailCard): made for the
 * catalogue only, not offered as a preview format.
 */
const THUMBNAIL_FORMATS: Record<Asset['kind'], RenderFormat[]> = { ...FORMATS, email: [...FORMATS.email, 'png'] };

export const DEFAULT_PAGE_DPI = 100;

/** What a render is for: a preview asked for by format, or a catalogue card's thumbnail. */
export type RenderPurpose = 'preview' | 'thumbnail';

/** Which outputs each kind of asset has, with their defaults; anything else is a 400. */
export function resolvePreviewOptions(
  asset: Asset,
  options: PreviewOptions,
  purpose: RenderPurpose = 'preview',
): ResolvedPreviewOptions {
  const formats = (purpose === 'thumbnail' ? THUMBNAIL_FORMATS : FORMATS)[asset.kind];
  const format = options.format ?? formats[0];
  if (!formats.includes(format)) {
    throw new BadRequestError(`A ${asset.kind} asset renders as ${formats.join(', ')}`, [
      { path: 'format', message: `must be one of ${formats.join(', ')}` },
    ]);
  }
  if (asset.kind === 'pdf' && format === 'png') {
    const page = options.page ?? 1;
    if (page > asset.file.pages.length)
      throw new BadRequestError('No such page', [
        { path: 'page', message: `the PDF has ${asset.file.pages.length} page(s)` },
      ]);
    return { format, page, dpi: options.dpi ?? DEFAULT_PAGE_DPI };
  }
  if (asset.kind === 'social' && format !== 'json') {
    const size = (options.size ?? 'linkedin') as SocialImageSize;
    if (!(size in SOCIAL_IMAGE_SIZES))
      throw new BadRequestError('Unknown image size', [
        { path: 'size', message: `must be one of ${Object.keys(SOCIAL_IMAGE_SIZES).join(', ')}` },
      ]);
    return { format, size };
  }
  return { format };
}
