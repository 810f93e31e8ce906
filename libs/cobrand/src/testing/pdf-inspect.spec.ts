import * as fs from 'node:fs';
import * as path from 'node:path';
import sharp from 'sharp';
import { checkPdf, pdfPagePng, pdfText, pdfWords } from './pdf-inspect';

const VENDOR_PDF = fs.readFileSync(path.resolve(__dirname, '../../../../templates/acme-cloud-backup/one-pager.pdf'));

describe('pdf-inspect (MuPDF in place of qpdf and poppler)', () => {
  it('passes a sound PDF and flags a damaged one', () => {
    expect(checkPdf(VENDOR_PDF)).toEqual({ pages: 1, repaired: false, complaints: [] });
    // The cross-reference table moved by one byte: a viewer must rebuild it.
    const shifted = Buffer.from(
      VENDOR_PDF.toString('latin1').replace(/startxref\s+(\d+)/, (_m, n: string) => `startxref\n${Number(n) + 1}`),
      'latin1',
    );
    expect(checkPdf(shifted)).toMatchObject({
      repaired: true,
      complaints: expect.arrayContaining([expect.stringMatching(/repair/)]),
    });
  });

  it('reads words with their boxes, text, and draws the page', async () => {
    const words = pdfWords(VENDOR_PDF);
    const acme = words.find((w) => w.text === 'Acme')!;
    expect(acme.xMin).toBeLessThan(acme.xMax);
    expect(acme.yMin).toBeLessThan(acme.yMax);
    expect(pdfText(VENDOR_PDF)).toContain('Acme Cloud Backup');
    expect(await sharp(pdfPagePng(VENDOR_PDF, 72)).metadata()).toMatchObject({
      format: 'png',
      width: 596,
      height: 842,
    });
  });
});
