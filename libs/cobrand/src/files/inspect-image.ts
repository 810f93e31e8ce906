import sharp from 'sharp';

/** The decoded size an upload may have, whatever its byte size: 40 megapixels. */
export const MAX_IMAGE_PIXELS = 40_000_000;

export type RasterFormat = 'png' | 'jpeg' | 'webp';

export type ImageInspection =
  { ok: true; format: RasterFormat; width: number; height: number } | { ok: false; message: string };

/**
 * Decodes a raster image completely (a truncated or corrupt file fails here, not later in a
 * render) and reports its format and size. Decompression bombs stop at the pixel limit.
 */
export async function inspectRaster(bytes: Buffer): Promise<ImageInspection> {
  try {
    const image = sharp(bytes, { limitInputPixels: MAX_IMAGE_PIXELS, failOn: 'truncated' });
    const meta = await image.metadata();
    if (meta.format !== 'png' && meta.format !== 'jpeg' && meta.format !== 'webp') {
      return { ok: false, message: `Unsupported image format ${meta.format ?? 'unknown'}; use PNG, JPEG or WebP` };
    }
    if (!meta.width || !meta.height) return { ok: false, message: 'The image has no size' };
    if ((meta.pages ?? 1) > 1) return { ok: false, message: 'Animated or multi-page images are not supported' };
    await image.resize(8, 8, { fit: 'fill' }).raw().toBuffer();
    return { ok: true, format: meta.format, width: meta.width, height: meta.height };
  } catch (e) {
    const message = (e as Error).message ?? '';
    if (/pixel limit/i.test(message))
      return { ok: false, message: `The image is larger than ${MAX_IMAGE_PIXELS / 1_000_000} megapixels` };
    return { ok: false, message: 'The image is corrupt or truncated' };
  }
}
