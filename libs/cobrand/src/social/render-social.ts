import type { SlotRect, SlotType } from '@tcma/campaign-model';
import { LRUCache } from 'lru-cache';
import sharp from 'sharp';
import { FONT_FAMILY, FONT_FILES } from '../fonts/fonts';
import { SOCIAL_IMAGE_SIZES, SocialImageFormat, SocialImageSize } from './social-sizes';

export interface SocialRenderInput {
  background: Uint8Array;
  /** A stable key of the background's bytes, to keep it decoded between renders. */
  backgroundKey: string;
  rects: SlotRect[];
  slotTypes: ReadonlyMap<string, SlotType>;
  values: ReadonlyMap<string, string | null>;
  logo: { png: Uint8Array; key: string } | null;
  /** Text set in logo rectangles when there is no logo (the partner's name); null leaves them empty. */
  logoFallback: string | null;
  size: SocialImageSize;
  format: SocialImageFormat;
}

/** Text smaller than this is not drawn smaller: it is cut with an ellipsis instead. */
const MIN_TEXT_PX = 10;

interface Decoded {
  data: Buffer;
  width: number;
  height: number;
  channels: 3 | 4;
}

// Backgrounds and fitted logos are decoded once and kept raw; a render then only composites
// the partner's layers and encodes. Both caches are bounded by bytes.
const backgrounds = new LRUCache<string, Promise<Decoded>>({ max: 64 });
const logos = new LRUCache<string, Promise<Decoded>>({ max: 256 });

function decoded(cache: LRUCache<string, Promise<Decoded>>, key: string, make: () => sharp.Sharp): Promise<Decoded> {
  let entry = cache.get(key);
  if (!entry) {
    entry = make()
      .raw()
      .toBuffer({ resolveWithObject: true })
      .then(({ data, info }) => ({ data, width: info.width, height: info.height, channels: info.channels as 3 | 4 }));
    cache.set(key, entry);
  }
  return entry;
}

const markupEscape = (s: string) =>
  s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&apos;' })[c] as string);

function alignedLeft(rect: SlotRect, width: number): number {
  if (rect.align === 'center') return Math.round(rect.x + (rect.width - width) / 2);
  if (rect.align === 'right') return Math.round(rect.x + rect.width - width);
  return Math.round(rect.x);
}

async function textLayer(rect: SlotRect, value: string): Promise<sharp.OverlayOptions> {
  const max = Math.max(MIN_TEXT_PX, Math.min(rect.maxFontSize ?? 48, rect.height));
  const render = (text: string, fit: boolean) =>
    sharp({
      text: {
        text: `<span foreground="${rect.textColor ?? '#000000'}" size="${Math.round(max * 1024)}">${markupEscape(text)}</span>`,
        font: `${FONT_FAMILY} Bold`,
        fontfile: FONT_FILES.bold,
        width: Math.floor(rect.width),
        ...(fit ? { height: Math.floor(rect.height) } : { dpi: 72 }),
        align: rect.align === 'center' ? 'centre' : rect.align,
        wrap: 'word-char',
        rgba: true,
      },
    })
      .raw()
      .toBuffer({ resolveWithObject: true });
  const fits = (o: { info: sharp.OutputInfo }) => o.info.height <= rect.height && o.info.width <= rect.width;
  // At the slot's largest size (72 dpi: 1 pt = 1 px), wrapped to the box's width.
  let out = await render(value, false);
  if (!fits(out)) {
    // Too tall: Pango shrinks it to fill the box exactly.
    out = await render(value, true);
    const dpi = (out.info as { textAutofitDpi?: number }).textAutofitDpi ?? 72;
    if ((max * dpi) / 72 < MIN_TEXT_PX) {
      let text = [...value];
      do {
        text = text.slice(0, Math.floor(text.length * 0.8));
        out = await render(`${text.join('')}…`, false);
      } while (text.length > 1 && !fits(out));
    }
  }
  const { width, height, channels } = out.info;
  return {
    input: out.data,
    raw: { width, height, channels: channels as 4 },
    left: alignedLeft(rect, width),
    top: Math.round(rect.y + (rect.height - Math.min(height, rect.height)) / 2),
  };
}

async function logoLayer(rect: SlotRect, logo: NonNullable<SocialRenderInput['logo']>): Promise<sharp.OverlayOptions> {
  const fitted = await decoded(logos, `${logo.key}:${rect.width}x${rect.height}`, () =>
    sharp(logo.png)
      .resize({ width: Math.floor(rect.width), height: Math.floor(rect.height), fit: 'inside' })
      .ensureAlpha(),
  );
  return {
    input: fitted.data,
    raw: { width: fitted.width, height: fitted.height, channels: 4 },
    left: alignedLeft(rect, fitted.width),
    top: Math.round(rect.y + (rect.height - fitted.height) / 2),
  };
}

/**
 * Composites a partner's logo (or, without one, its name) and text into the slot rectangles of a vendor background, in
 * the shipped font, then fits the result to a network's size (letterboxed, never cropped,
 * so no slot is cut off) as PNG or JPEG.
 */
export async function renderSocialImage(input: SocialRenderInput): Promise<Buffer> {
  // Kept as opaque RGB: social images have no transparency, and JPEG needs none removed.
  const background = await decoded(backgrounds, input.backgroundKey, () =>
    sharp(input.background).flatten({ background: '#ffffff' }),
  );
  const layers: sharp.OverlayOptions[] = [];
  for (const rect of input.rects) {
    const type = input.slotTypes.get(rect.slot);
    if (!type) continue;
    if (type === 'logo') {
      if (input.logo) layers.push(await logoLayer(rect, input.logo));
      else if (input.logoFallback) layers.push(await textLayer(rect, input.logoFallback));
      continue;
    }
    const value = input.values.get(rect.slot);
    if (value) layers.push(await textLayer(rect, value));
  }
  const target = SOCIAL_IMAGE_SIZES[input.size];
  let image = sharp(background.data, {
    raw: { width: background.width, height: background.height, channels: background.channels },
  }).composite(layers);
  if (target.width !== background.width || target.height !== background.height) {
    // Compositing and resizing are separate pipeline steps: flatten the composite first.
    const composed = await image.raw().toBuffer({ resolveWithObject: true });
    const edge = { r: composed.data[0], g: composed.data[1], b: composed.data[2], alpha: 1 };
    image = sharp(composed.data, {
      raw: { width: composed.info.width, height: composed.info.height, channels: composed.info.channels as 3 | 4 },
    }).resize({ ...target, fit: 'contain', background: edge });
  }
  // Huffman optimisation would make JPEGs ~15% smaller at twice the encoding time.
  return input.format === 'png'
    ? image.removeAlpha().png({ compressionLevel: 6 }).toBuffer()
    : image.removeAlpha().jpeg({ quality: 88, optimiseCoding: false }).toBuffer();
}
