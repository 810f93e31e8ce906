import * as fs from 'node:fs';
import * as path from 'node:path';
import sharp from 'sharp';
import { contrastRatio } from './contrast';
import { nestedUseBomb } from '../testing/hostile-files';
import { MAX_LOGO_BYTES, normalizeLogo } from './normalize-logo';

const demo = (file: string) =>
  fs.readFileSync(path.resolve(__dirname, '../../../../templates/acme-cloud-backup/partners', file));

describe(normalizeLogo.name, () => {
  it('trims the white border of a PNG, keeps it within the box and finds its colour', async () => {
    const result = await normalizeLogo(demo('northwind-logo.png'));
    if (!result.ok) throw new Error(result.message);
    const { logo } = result;
    // The source is 600×200 with a white margin around the drawing (30 px left, 30 px top…).
    expect(logo.width).toBeLessThan(600);
    expect(logo.height).toBeLessThan(200);
    expect(logo.width).toBeGreaterThan(450);
    const meta = await sharp(logo.png).metadata();
    expect(meta).toMatchObject({ format: 'png', width: logo.width, height: logo.height });
    expect((await sharp(logo.webp).metadata()).format).toBe('webp');
    // One of the logo's own colours (teal circle, dark bar, light bar), not white or grey.
    expect(
      Math.min(...['#0f766e', '#134e4a', '#5eead4'].map((c) => contrastRatio(logo.dominantColor, c))),
    ).toBeLessThan(1.2);
  });

  it('rasterises a safe SVG', async () => {
    const result = await normalizeLogo(demo('elliniki-logo.svg'));
    if (!result.ok) throw new Error(result.message);
    expect(result.logo.sourceType).toBe('image/svg+xml');
    expect(result.logo.width).toBeGreaterThan(1000);
    expect(contrastRatio(result.logo.dominantColor, '#7c3aed')).toBeLessThan(1.5);
  });

  it.each([
    ['a script', '<svg xmlns="http://www.w3.org/2000/svg" width="10" height="10"><script>alert(1)</script></svg>'],
    [
      'an event handler',
      '<svg xmlns="http://www.w3.org/2000/svg" width="10" height="10" onload="alert(1)"><rect width="5" height="5"/></svg>',
    ],
    [
      'an external image',
      '<svg xmlns="http://www.w3.org/2000/svg" width="10" height="10"><image href="https://evil.example/x.png" width="10" height="10"/></svg>',
    ],
    [
      'a local file',
      '<svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink" width="10" height="10"><image xlink:href="file:///etc/passwd" width="10" height="10"/></svg>',
    ],
    [
      'an entity',
      '<?xml version="1.0"?><!DOCTYPE svg [<!ENTITY x SYSTEM "file:///etc/passwd">]><svg xmlns="http://www.w3.org/2000/svg" width="10" height="10"><text>&x;</text></svg>',
    ],
    [
      'HTML',
      '<svg xmlns="http://www.w3.org/2000/svg" width="10" height="10"><foreignObject><div>x</div></foreignObject></svg>',
    ],
    [
      'a style import',
      '<svg xmlns="http://www.w3.org/2000/svg" width="10" height="10"><style>@import url(https://evil.example/a.css);</style></svg>',
    ],
  ])('refuses an SVG with %s', async (_what, svg) => {
    const result = await normalizeLogo(Buffer.from(svg));
    expect(result).toMatchObject({
      ok: false,
      reason: 'invalid',
      message: expect.stringContaining('cannot be used safely'),
    });
  });

  it('refuses an SVG too complex to render before rendering it', async () => {
    const started = Date.now();
    const result = await normalizeLogo(Buffer.from(nestedUseBomb()));
    expect(result).toEqual({ ok: false, reason: 'invalid', message: expect.stringContaining('too complex') });
    expect(Date.now() - started).toBeLessThan(500);
  });

  it('refuses disguised, corrupt, oversized, huge and blank files', async () => {
    expect(await normalizeLogo(Buffer.from('MZ\x90\x00 this is a program'))).toMatchObject({
      ok: false,
      reason: 'unsupported',
    });
    const png = demo('northwind-logo.png');
    expect(await normalizeLogo(png.subarray(0, png.length / 2))).toMatchObject({ ok: false, reason: 'invalid' });
    expect(await normalizeLogo(Buffer.concat([png, Buffer.alloc(MAX_LOGO_BYTES)]))).toMatchObject({
      ok: false,
      reason: 'too_large',
    });
    const bomb = await sharp({ create: { width: 8000, height: 6000, channels: 3, background: '#ff0000' } })
      .png()
      .toBuffer();
    expect(bomb.length).toBeLessThan(MAX_LOGO_BYTES);
    expect(await normalizeLogo(bomb)).toMatchObject({
      ok: false,
      reason: 'too_large',
      message: expect.stringContaining('40 megapixels'),
    });
    const blank = await sharp({ create: { width: 300, height: 100, channels: 3, background: '#ffffff' } })
      .png()
      .toBuffer();
    expect(await normalizeLogo(blank)).toMatchObject({ ok: false, reason: 'invalid', message: 'The logo is blank' });
  });
});
