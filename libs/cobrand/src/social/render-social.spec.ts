import type { SlotRect, SlotType } from '@tcma/campaign-model';
import * as fs from 'node:fs';
import * as path from 'node:path';
import sharp from 'sharp';
import { normalizeLogo } from '../brand/normalize-logo';
import { renderSocialImage, SocialRenderInput } from './render-social';
import { renderSocialCopy } from './social-copy';

const DEMO = path.resolve(__dirname, '../../../../templates/acme-cloud-backup');
const manifest = JSON.parse(fs.readFileSync(path.join(DEMO, 'campaign.json'), 'utf8')) as {
  slots: Array<{ name: string; type: SlotType }>;
  social: Array<{ file: string; slots: SlotRect[]; copy: Record<string, string> }>;
};
const social = manifest.social[0];
const background = fs.readFileSync(path.join(DEMO, social.file));
const rectOf = (slot: string) => social.slots.find((r) => r.slot === slot)!;

async function render(overrides: Partial<SocialRenderInput> = {}) {
  const logo = await normalizeLogo(fs.readFileSync(path.join(DEMO, 'partners/northwind-logo.png')));
  if (!logo.ok) throw new Error(logo.message);
  const png = await renderSocialImage({
    background,
    backgroundKey: 'demo-linkedin',
    rects: social.slots,
    slotTypes: new Map(manifest.slots.map((s) => [s.name, s.type])),
    values: new Map([['company_name', 'Northwind IT Services']]),
    logo: { png: logo.logo.png, key: 'northwind' },
    logoFallback: null,
    size: 'linkedin',
    format: 'png',
    ...overrides,
  });
  return sharp(png).removeAlpha().raw().toBuffer({ resolveWithObject: true });
}

/** Pixels that differ from the vendor background, bucketed by where they are. */
async function changes(out: { data: Buffer; info: sharp.OutputInfo }) {
  const base = await sharp(background).flatten({ background: '#ffffff' }).removeAlpha().raw().toBuffer();
  const inRect = (x: number, y: number, r: SlotRect) => x >= r.x && x < r.x + r.width && y >= r.y && y < r.y + r.height;
  const counts = { logo: 0, company_name: 0, outside: 0 };
  for (let y = 0; y < out.info.height; y++) {
    for (let x = 0; x < out.info.width; x++) {
      const i = (y * out.info.width + x) * 3;
      if (out.data[i] === base[i] && out.data[i + 1] === base[i + 1] && out.data[i + 2] === base[i + 2]) continue;
      if (inRect(x, y, rectOf('logo'))) counts.logo++;
      else if (inRect(x, y, rectOf('company_name'))) counts.company_name++;
      else counts.outside++;
    }
  }
  return counts;
}

describe('co-branded social image', () => {
  it('is 1200×627 with the logo and the name inside their rectangles and nothing else changed', async () => {
    const out = await render();
    expect([out.info.width, out.info.height]).toEqual([1200, 627]);
    const counts = await changes(out);
    expect(counts.logo).toBeGreaterThan(5000);
    expect(counts.company_name).toBeGreaterThan(2000);
    expect(counts.outside).toBe(0);
    // The logo's teal appears where the logo rectangle is.
    const r = rectOf('logo');
    let teal = 0;
    for (let y = r.y; y < r.y + r.height; y++) {
      for (let x = r.x; x < r.x + r.width; x++) {
        const i = (y * 1200 + x) * 3;
        if (
          Math.abs(out.data[i] - 0x0f) < 20 &&
          Math.abs(out.data[i + 1] - 0x76) < 20 &&
          Math.abs(out.data[i + 2] - 0x6e) < 20
        )
          teal++;
      }
    }
    expect(teal).toBeGreaterThan(1000);
  });

  it('keeps a very long or hostile name inside its rectangle', async () => {
    for (const name of [
      'Ελληνική Πληροφορική και Τεχνολογίες Πληροφοριών Ανώνυμη Εταιρεία — Москва',
      '<span size="200000">HUGE</span> & <b>bold</b>',
      'W'.repeat(2000),
    ]) {
      const counts = await changes(await render({ values: new Map([['company_name', name]]), logo: null }));
      expect(counts.company_name).toBeGreaterThan(300);
      expect(counts.outside + counts.logo).toBe(0);
    }
  });

  it("sets the partner's name in the logo rectangle when the partner has no logo", async () => {
    const empty = await changes(await render({ logo: null }));
    expect(empty.logo).toBe(0);
    const named = await changes(await render({ logo: null, logoFallback: 'Ελληνική Πληροφορική Α.Ε.' }));
    expect(named.logo).toBeGreaterThan(1000);
    expect(named.outside).toBe(0);
  });

  it('fits the square size without cropping any slot', async () => {
    const out = await render({ size: 'square' });
    expect([out.info.width, out.info.height]).toEqual([1080, 1080]);
  });

  it('fills the post copy with partner values as data, within each network limit', () => {
    const values = new Map<string, string | null>([
      ['company_name', '{{partner.website}} Northwind'],
      ['website', 'https://northwind-it.example/'],
    ]);
    const copy = renderSocialCopy(social.copy, values);
    expect(copy.x).toBe(
      'Ransomware-proof backup for every device. Free 30-day trial, set up by {{partner.website}} Northwind: https://northwind-it.example/',
    );
    expect(copy.linkedin).toContain('{{partner.website}} Northwind can set your business up');
    expect([...copy.x!].length).toBeLessThanOrEqual(280);
  });
});
