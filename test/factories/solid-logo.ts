import sharp from 'sharp';

export type Rgb = readonly [number, number, number];

/**
 * A logo whose pixels can be counted in a render: a block of one distinctive colour on white
 * (a logo of a single colour is refused as blank; the upload trims the white away).
 */
export function solidLogo([r, g, b]: Rgb): Promise<Buffer> {
  return sharp({ create: { width: 400, height: 160, channels: 3, background: '#ffffff' } })
    .composite([
      {
        input: { create: { width: 300, height: 100, channels: 3, background: { r, g, b } } },
        left: 50,
        top: 30,
      },
    ])
    .png()
    .toBuffer();
}

/** How many pixels of an image are this colour (each channel within `tolerance`). */
export async function countPixels(image: Buffer, [r, g, b]: Rgb, tolerance = 12): Promise<number> {
  const { data, info } = await sharp(image).removeAlpha().raw().toBuffer({ resolveWithObject: true });
  let n = 0;
  for (let i = 0; i < info.width * info.height * info.channels; i += info.channels) {
    if (
      Math.abs(data[i] - r) <= tolerance &&
      Math.abs(data[i + 1] - g) <= tolerance &&
      Math.abs(data[i + 2] - b) <= tolerance
    )
      n++;
  }
  return n;
}
