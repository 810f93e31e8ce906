import type { PdfSlotRect, SlotType } from '@tcma/campaign-model';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import sharp from 'sharp';
import { normalizeLogo } from '../brand/normalize-logo';
import { checkPdf, pdfPagePng, pdfWords } from '../testing/pdf-inspect';
import { renderCobrandedPdf } from './render-pdf';

const DEMO = path.resolve(__dirname, '../../../../templates/acme-cloud-backup');
const manifest = JSON.parse(fs.readFileSync(path.join(DEMO, 'campaign.json'), 'utf8')) as {
  slots: Array<{ name: string; type: SlotType }>;
  pdfs: Array<{ file: string; slots: PdfSlotRect[] }>;
};
const vendorPdf = fs.readFileSync(path.join(DEMO, manifest.pdfs[0].file));
const rects = manifest.pdfs[0].slots;
const slotTypes = new Map(manifest.slots.map((s) => [s.name, s.type]));
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'tcma-pdf-'));
const PAGE = { width: 595.28, height: 841.89 };

const values = (overrides: Record<string, string | null> = {}) =>
  new Map<string, string | null>(
    Object.entries({
      company_name: 'Northwind IT Services',
      contact_name: 'Zofia Łukasiewicz',
      email: 'hello@northwind-it.example',
      website: 'https://northwind-it.example/',
      phone: '+48 42 555 01 23',
      address: 'ul. Piotrkowska 104\n90-926 Łódź\nPolska',
      ...overrides,
    }),
  );

async function render(v: Map<string, string | null>, withLogo = true, language = 'en'): Promise<string> {
  const logo = withLogo ? await normalizeLogo(fs.readFileSync(path.join(DEMO, 'partners/northwind-logo.png'))) : null;
  const bytes = await renderCobrandedPdf({
    vendorPdf,
    rects,
    slotTypes,
    values: v,
    logo: logo?.ok ? { png: logo.logo.png, key: 'northwind' } : null,
    logoFallback: null,
    language,
  });
  const file = path.join(tmp, `out-${Math.random().toString(36).slice(2)}.pdf`);
  fs.writeFileSync(file, bytes);
  return file;
}

/** Words with their boxes (points, origin top-left); a comma ending a word is not part of it. */
const words = (file: string) => pdfWords(file).map((w) => ({ ...w, text: w.text.replace(/,$/, '') }));

/** A slot rectangle in page coordinates (points, origin top-left). */
const box = (slot: string) => {
  const r = rects.find((x) => x.slot === slot)!;
  return { xMin: r.x, xMax: r.x + r.width, yMin: PAGE.height - r.y - r.height, yMax: PAGE.height - r.y };
};
const inside = (w: { xMin: number; yMin: number; xMax: number; yMax: number }, b: ReturnType<typeof box>, slack = 1) =>
  w.xMin >= b.xMin - slack && w.xMax <= b.xMax + slack && w.yMin >= b.yMin - slack && w.yMax <= b.yMax + slack;

async function pixels(file: string, dpi = 72) {
  const { data, info } = await sharp(pdfPagePng(file, dpi)).removeAlpha().raw().toBuffer({ resolveWithObject: true });
  return { data, width: info.width, height: info.height };
}

describe('co-branded PDF', () => {
  it('is a valid PDF, at most 60 kB larger than the vendor PDF', async () => {
    const file = await render(values());
    expect(checkPdf(file)).toEqual({ pages: 1, repaired: false, complaints: [] });
    expect(fs.statSync(file).size - vendorPdf.length).toBeLessThanOrEqual(60 * 1024);
  });

  it('draws each text slot inside its rectangle, in the partner script', async () => {
    const file = await render(values());
    const all = words(file);
    for (const [slot, expected] of [
      ['company_name', 'Northwind IT Services'],
      ['contact_name', 'Zofia Łukasiewicz'],
      ['email', 'hello@northwind-it.example'],
      ['address', 'Łódź'],
    ] as const) {
      const found = all.filter((w) => expected.split(/\s+/).includes(w.text));
      expect(found.length).toBeGreaterThan(0);
      const near = found.filter((x) => inside(x, box(slot), 3));
      expect(near.length).toBeGreaterThan(0);
      for (const w of near) expect(inside(w, box(slot))).toBe(true);
    }
  });

  it('draws Greek and Cyrillic, and fits a very long name without overflowing', async () => {
    const longName = 'Ελληνική Πληροφορική και Τεχνολογίες Πληροφοριών Ανώνυμη Εταιρεία Ρωσικά Москва Санкт-Петербург';
    const file = await render(
      values({ company_name: longName, address: 'Λεωφόρος Κηφισίας 124\n115 26 Αθήνα\nΕλλάδα' }),
    );
    const all = words(file);
    expect(all.map((w) => w.text)).toEqual(expect.arrayContaining(['Ελληνική', 'Москва', 'Αθήνα']));
    const nameWords = all.filter((w) => longName.split(' ').includes(w.text));
    expect(nameWords.length).toBe(longName.split(' ').length);
    for (const w of nameWords) expect(inside(w, box('company_name'))).toBe(true);
  });

  it('draws Arabic right to left, its letters joined, in the direction of the campaign language', async () => {
    const name = 'ACME شركة نورث';
    const address = 'شارع الملك فهد ١٢٤\nالرياض';
    const inArabic = words(await render(values({ company_name: name, address }), true, 'ar'));
    const inEnglish = words(await render(values({ company_name: name, address }), true, 'en'));
    const word = (all: typeof inArabic, slot: string, text: string) =>
      all.find((w) => w.text === text && inside(w, box(slot)))!;
    const lineEnd = (all: typeof inArabic, slot: string) =>
      Math.max(...all.filter((w) => inside(w, box(slot))).map((w) => w.xMax));
    // Arabic words are read right to left: the first one written is the rightmost.
    for (const all of [inArabic, inEnglish]) {
      expect(word(all, 'address', 'شارع').xMin).toBeGreaterThan(word(all, 'address', 'الملك').xMax);
      expect(word(all, 'address', 'الملك').xMin).toBeGreaterThan(word(all, 'address', 'فهد').xMax);
      expect(word(all, 'address', 'الرياض')).toBeDefined();
    }
    expect(word(inEnglish, 'company_name', 'شركة').xMin).toBeGreaterThan(word(inEnglish, 'company_name', 'نورث').xMax);
    // A name starting with a Latin word: in an English campaign the line reads left to right, the
    // Arabic run at its right end; in an Arabic campaign right to left, the Latin word at the right end.
    const end = { en: lineEnd(inEnglish, 'company_name'), ar: lineEnd(inArabic, 'company_name') };
    expect(word(inEnglish, 'company_name', 'ACME').xMin).toBeLessThan(word(inEnglish, 'company_name', 'نورث').xMin);
    expect(word(inEnglish, 'company_name', 'شركة').xMax).toBeCloseTo(end.en, 0);
    expect(word(inArabic, 'company_name', 'شركة').xMax).toBeLessThan(end.ar - 40);
  });

  it('puts the logo inside its rectangle and leaves the rest of the vendor page untouched', async () => {
    const original = await pixels(path.join(DEMO, manifest.pdfs[0].file));
    const branded = await pixels(await render(values()));
    const blank = await pixels(await render(new Map(), false));
    expect(branded.width).toBe(original.width);
    const logo = box('logo');
    const slotBoxes = rects.map((r) => box(r.slot));
    let changedInLogo = 0;
    let changedOutside = 0;
    for (let y = 0; y < original.height; y++) {
      for (let x = 0; x < original.width; x++) {
        const i = (y * original.width + x) * 3;
        // A logo with transparency gives the page a transparency group, and MuPDF composites
        // such a page with rounding of its own: anti-aliased edges everywhere may move by a
        // unit or two per channel. Anything more is a change.
        const differs = [0, 1, 2].some((c) => Math.abs(branded.data[i + c] - original.data[i + c]) > 2);
        if (!differs) continue;
        const px = { xMin: x, xMax: x + 1, yMin: y, yMax: y + 1 };
        if (inside(px, logo, 1)) changedInLogo++;
        else if (!slotBoxes.some((b) => inside(px, b, 1))) changedOutside++;
      }
    }
    expect(changedInLogo).toBeGreaterThan(500);
    expect(changedOutside).toBe(0);
    // With nothing to draw, the page renders exactly like the vendor's.
    expect(Buffer.compare(blank.data, original.data)).toBe(0);
  });

  it('compresses no font data again for characters it has drawn before', async () => {
    const render = (v: Map<string, string | null>) =>
      renderCobrandedPdf({ vendorPdf, rects, slotTypes, values: v, logo: null, logoFallback: null, language: 'en' });
    // Every stream pdf-lib writes is compressed by its pako.deflate (Node's zlib since pdf-lib-tuning).
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const pako = require(require.resolve('pako', { paths: [require.resolve('pdf-lib')] })) as {
      deflate: (data: Uint8Array) => Uint8Array;
    };
    /** Bytes pdf-lib compresses while `work` runs. */
    const deflated = async (work: () => Promise<unknown>) => {
      const spy = jest.spyOn(pako, 'deflate');
      try {
        await work();
        return spy.mock.calls.reduce((sum, [data]) => sum + data.byteLength, 0);
      } finally {
        spy.mockRestore();
      }
    };
    await render(values());
    const blank = await deflated(() => render(new Map()));
    // Other words, the same characters: the font subset and its tables are ready, only the
    // page's own streams (the drawn text, the objects) are compressed.
    const reordered = new Map([...values()].map(([slot, text]) => [slot, text && [...text].reverse().join('')]));
    const cobranded = await deflated(() => render(reordered));
    expect(cobranded - blank).toBeLessThan(8 * 1024);
  });
});
