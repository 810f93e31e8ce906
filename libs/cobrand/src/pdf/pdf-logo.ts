import { LRUCache } from 'lru-cache';
import {
  drawObject,
  PDFDocument,
  PDFPage,
  PDFRef,
  popGraphicsState,
  pushGraphicsState,
  scale,
  translate,
} from 'pdf-lib';
import sharp from 'sharp';
import * as zlib from 'node:zlib';

/** Logos are embedded at this many pixels per point of their rectangle (≈ 216 dpi). */
const LOGO_PIXELS_PER_POINT = 3;

interface PreparedLogo {
  width: number;
  height: number;
  rgb: Buffer;
  alpha: Buffer;
}

// A logo is decoded, resized for its rectangle and compressed once; every document then
// embeds the ready streams. pdf-lib's embedPng would decode and re-compress it each time.
const prepared = new LRUCache<string, Promise<PreparedLogo>>({ max: 256 });

function prepare(png: Uint8Array, key: string, width: number, height: number): Promise<PreparedLogo> {
  const cacheKey = `${key}:${width}x${height}`;
  let logo = prepared.get(cacheKey);
  if (!logo) {
    logo = (async () => {
      const { data, info } = await sharp(png)
        .resize({ width, height, fit: 'inside', withoutEnlargement: true })
        .ensureAlpha()
        .raw()
        .toBuffer({ resolveWithObject: true });
      const pixels = info.width * info.height;
      const rgb = Buffer.allocUnsafe(pixels * 3);
      const alpha = Buffer.allocUnsafe(pixels);
      for (let i = 0; i < pixels; i++) {
        rgb[i * 3] = data[i * 4];
        rgb[i * 3 + 1] = data[i * 4 + 1];
        rgb[i * 3 + 2] = data[i * 4 + 2];
        alpha[i] = data[i * 4 + 3];
      }
      return { width: info.width, height: info.height, rgb: zlib.deflateSync(rgb), alpha: zlib.deflateSync(alpha) };
    })();
    prepared.set(cacheKey, logo);
  }
  return logo;
}

export interface LogoPlacement {
  x: number;
  y: number;
  width: number;
  height: number;
  align: 'left' | 'center' | 'right';
}

/** Adds the logo as an image XObject (colour plus soft mask) and returns its reference. */
export async function embedLogo(
  doc: PDFDocument,
  png: Uint8Array,
  key: string,
  box: { width: number; height: number },
): Promise<{ ref: PDFRef; width: number; height: number }> {
  const logo = await prepare(
    png,
    key,
    Math.ceil(box.width * LOGO_PIXELS_PER_POINT),
    Math.ceil(box.height * LOGO_PIXELS_PER_POINT),
  );
  const common = {
    Type: 'XObject',
    Subtype: 'Image',
    Width: logo.width,
    Height: logo.height,
    BitsPerComponent: 8,
    Filter: 'FlateDecode',
  };
  const mask = doc.context.register(
    doc.context.stream(logo.alpha, { ...common, ColorSpace: 'DeviceGray', Decode: [0, 1] }),
  );
  const image = doc.context.register(doc.context.stream(logo.rgb, { ...common, ColorSpace: 'DeviceRGB', SMask: mask }));
  return { ref: image, width: logo.width, height: logo.height };
}

/** Draws an embedded logo fitted into the rectangle, aligned horizontally, centred vertically. */
export function drawLogo(
  page: PDFPage,
  logo: { ref: PDFRef; width: number; height: number },
  rect: LogoPlacement,
): void {
  const ratio = Math.min(rect.width / logo.width, rect.height / logo.height);
  const width = logo.width * ratio;
  const height = logo.height * ratio;
  const x =
    rect.align === 'center'
      ? rect.x + (rect.width - width) / 2
      : rect.align === 'right'
        ? rect.x + rect.width - width
        : rect.x;
  const name = page.node.newXObject('Image', logo.ref);
  page.pushOperators(
    pushGraphicsState(),
    translate(x, rect.y + (rect.height - height) / 2),
    scale(width, height),
    drawObject(name),
    popGraphicsState(),
  );
}
