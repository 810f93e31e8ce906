import sharp from 'sharp';
import { MAX_IMAGE_PIXELS } from '../files/inspect-image';
import { sniffType } from '../files/sniff';
import { rgbToHex } from './contrast';
import { checkSvgComplexity } from './svg-complexity';
import { checkSvgSafety } from './svg-safety';

export const MAX_LOGO_BYTES = 5 * 1024 * 1024;
/** Logos are fitted into this box (never enlarged) and stored as PNG and WebP. */
export const LOGO_BOX = { width: 1200, height: 600 } as const;
/** The longer side an SVG is rasterised at before trimming and fitting. */
const SVG_RASTER_SIDE = 1600;

export interface NormalizedLogo {
  png: Buffer;
  webp: Buffer;
  width: number;
  height: number;
  dominantColor: string;
  sourceType: 'image/png' | 'image/jpeg' | 'image/webp' | 'image/svg+xml';
}

export type LogoResult =
  { ok: true; logo: NormalizedLogo } | { ok: false; reason: 'too_large' | 'unsupported' | 'invalid'; message: string };

const fail = (reason: 'too_large' | 'unsupported' | 'invalid', message: string): LogoResult => ({
  ok: false,
  reason,
  message,
});

/** The most common colour among a logo's opaque, non-white pixels. */
async function dominantColor(png: Buffer): Promise<string> {
  const { data, info } = await sharp(png)
    .resize(128, 128, { fit: 'inside' })
    .ensureAlpha()
    .raw()
    .toBuffer({ resolveWithObject: true });
  const counts = new Map<number, { n: number; r: number; g: number; b: number }>();
  for (let i = 0; i < info.width * info.height * 4; i += 4) {
    const [r, g, b, a] = [data[i], data[i + 1], data[i + 2], data[i + 3]];
    if (a < 128 || (r > 230 && g > 230 && b > 230)) continue;
    // 3 bits a channel: anti-aliased edges fall into the same bucket as their fill.
    const key = ((r >> 5) << 6) | ((g >> 5) << 3) | (b >> 5);
    const bucket = counts.get(key) ?? { n: 0, r: 0, g: 0, b: 0 };
    bucket.n++;
    bucket.r += r;
    bucket.g += g;
    bucket.b += b;
    counts.set(key, bucket);
  }
  const top = [...counts.values()].sort((x, y) => y.n - x.n)[0];
  if (!top) return '#ffffff';
  return rgbToHex([top.r / top.n, top.g / top.n, top.b / top.n]);
}

/** A logo of a single colour (all white, all transparent…) shows nothing. */
async function isBlank(png: Buffer): Promise<boolean> {
  const stats = await sharp(png).stats();
  const alpha = stats.channels[3];
  if (alpha && alpha.max < 8) return true;
  return stats.channels.slice(0, 3).every((c) => c.max - c.min < 8);
}

async function rasterInput(
  bytes: Buffer,
  type: NormalizedLogo['sourceType'],
): Promise<{ image: sharp.Sharp } | Extract<LogoResult, { ok: false }>> {
  if (type !== 'image/svg+xml')
    return { image: sharp(bytes, { limitInputPixels: MAX_IMAGE_PIXELS, failOn: 'truncated' }) };
  const svg = bytes.toString('utf8');
  const safety = checkSvgSafety(svg);
  if (!safety.ok) return { ok: false, reason: 'invalid', message: safety.message };
  const complexity = checkSvgComplexity(svg);
  if (!complexity.ok) return { ok: false, reason: 'invalid', message: complexity.message };
  const intrinsic = await sharp(bytes, { limitInputPixels: MAX_IMAGE_PIXELS }).metadata();
  if (!intrinsic.width || !intrinsic.height)
    return { ok: false, reason: 'invalid', message: 'The SVG has no size (set width and height, or a viewBox)' };
  const density = Math.min(2400, Math.max(1, (72 * SVG_RASTER_SIDE) / Math.max(intrinsic.width, intrinsic.height)));
  return { image: sharp(bytes, { density, limitInputPixels: MAX_IMAGE_PIXELS }) };
}

/**
 * Turns an uploaded logo into what every renderer uses: borders trimmed, fitted into the
 * logo box, as PNG and WebP, with its dominant colour. Anything that is not a real PNG,
 * JPEG, WebP or safe SVG of at most 5 MB and 40 megapixels is refused with the reason.
 */
export async function normalizeLogo(bytes: Buffer): Promise<LogoResult> {
  if (bytes.length > MAX_LOGO_BYTES)
    return fail('too_large', `Logos may be at most ${MAX_LOGO_BYTES / 1024 / 1024} MB`);
  const type = sniffType(bytes);
  if (type !== 'image/png' && type !== 'image/jpeg' && type !== 'image/webp' && type !== 'image/svg+xml') {
    return fail('unsupported', 'A logo must be a PNG, JPEG, WebP or SVG file');
  }
  try {
    const raster = await rasterInput(bytes, type);
    if (!('image' in raster)) return raster;
    const input = raster.image;
    const meta = await input.metadata();
    if ((meta.width ?? 0) * (meta.height ?? 0) > MAX_IMAGE_PIXELS)
      return fail('too_large', 'The logo is larger than 40 megapixels');
    if ((meta.pages ?? 1) > 1) return fail('invalid', 'Animated or multi-page images cannot be logos');
    const oriented = await input.rotate().png().toBuffer();
    if (await isBlank(oriented)) return fail('invalid', 'The logo is blank');
    const trimmed = await sharp(oriented).trim({ threshold: 12 }).png().toBuffer();
    const fitted = sharp(trimmed).resize({
      width: LOGO_BOX.width,
      height: LOGO_BOX.height,
      fit: 'inside',
      withoutEnlargement: true,
    });
    const { data: png, info } = await fitted
      .clone()
      .png({ compressionLevel: 9, adaptiveFiltering: true })
      .toBuffer({ resolveWithObject: true });
    const webp = await fitted.clone().webp({ quality: 90, alphaQuality: 100 }).toBuffer();
    return {
      ok: true,
      logo: {
        png,
        webp,
        width: info.width,
        height: info.height,
        dominantColor: await dominantColor(png),
        sourceType: type,
      },
    };
  } catch (e) {
    const message = (e as Error).message ?? '';
    if (/pixel limit/i.test(message)) return fail('too_large', 'The logo is larger than 40 megapixels');
    return fail('invalid', 'The logo file is corrupt or truncated');
  }
}
