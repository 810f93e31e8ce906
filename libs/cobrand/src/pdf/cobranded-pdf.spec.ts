import type { PdfSlotRect, SlotType } from '@tcma/campaign-model';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { inspectPdfText } from '../testing/pdf-inspection';
import { renderCobrandedPdf } from './render-pdf';

const DEMO = path.resolve(__dirname, '../../../../templates/acme-cloud-backup');
const manifest = JSON.parse(fs.readFileSync(path.join(DEMO, 'campaign.json'), 'utf8')) as {
  slots: Array<{ name: string; type: SlotType }>;
  pdfs: Array<{ file: string; slots: PdfSlotRect[] }>;
};
const vendorPdf = fs.readFileSync(path.join(DEMO, manifest.pdfs[0].file));
const rects = manifest.pdfs[0].slots;
const slotTypes = new Map(manifest.slots.map((s) => [s.name, s.type]));
const PAGE_HEIGHT = 841.89;
const values = new Map<string, string | null>([
  ['company_name', 'Northwind IT Services'],
  ['email', 'hello@northwind-it.example'],
  ['website', 'https://northwind-it.example/'],
  ['address', 'ul. Piotrkowska 104'],
]);

describe(renderCobrandedPdf.name, () => {
  it("declares the campaign's language in the document catalog", async () => {
    const pdf = await renderCobrandedPdf({
      vendorPdf,
      rects,
      slotTypes,
      values,
      logo: null,
      logoFallback: null,
      language: 'pt-BR',
    });
    expect(inspectPdfText(pdf).lang).toBe('pt-BR');
  });

  it("sets the partner's name in the logo rectangle when the partner has no logo", async () => {
    const logoRect = rects.find((r) => r.slot === 'logo')!;
    const pdf = await renderCobrandedPdf({
      vendorPdf,
      rects,
      slotTypes,
      values,
      logo: null,
      logoFallback: 'Ελληνική Πληροφορική Α.Ε.',
      language: 'en',
    });
    const lines = inspectPdfText(pdf).lines.filter((l) => l.text.includes('Ελληνική'));
    expect(lines.length).toBeGreaterThan(0);
    // Fitted inside the rectangle (MuPDF's boxes have their origin at the top left).
    const top = PAGE_HEIGHT - logoRect.y - logoRect.height;
    for (const line of lines) {
      expect(line.x).toBeGreaterThanOrEqual(logoRect.x - 0.5);
      expect(line.x + line.width).toBeLessThanOrEqual(logoRect.x + logoRect.width + 0.5);
      expect(line.y).toBeGreaterThanOrEqual(top - 0.5);
      expect(line.y + line.height).toBeLessThanOrEqual(top + logoRect.height + 0.5);
    }
    expect(lines.map((l) => l.text).join(' ')).toContain('Πληροφορική');
  });
});
