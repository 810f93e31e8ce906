import { PDFDocument, PDFName, PDFNumber } from 'pdf-lib';
import { inspectPdf, MAX_PDF_PAGE_POINTS } from './inspect-pdf';

async function pdf(pages: Array<[number, number]>, userUnit?: number): Promise<Buffer> {
  const doc = await PDFDocument.create();
  for (const size of pages) doc.addPage(size);
  if (userUnit !== undefined) doc.getPage(pages.length - 1).node.set(PDFName.of('UserUnit'), PDFNumber.of(userUnit));
  return Buffer.from(await doc.save());
}

describe(inspectPdf.name, () => {
  it('accepts pages up to the largest size, and reports them', async () => {
    expect(
      await inspectPdf(
        await pdf([
          [595.28, 841.89],
          [MAX_PDF_PAGE_POINTS, 2384],
        ]),
      ),
    ).toEqual({
      ok: true,
      pages: [
        { width: 595.28, height: 841.89 },
        { width: MAX_PDF_PAGE_POINTS, height: 2384 },
      ],
    });
  });

  it('refuses a page larger than the largest size, naming it', async () => {
    const result = await inspectPdf(
      await pdf([
        [595.28, 841.89],
        [14_400, 14_400],
      ]),
    );
    expect(result).toEqual({
      ok: false,
      message: expect.stringMatching(/^Page 2 is 14400 × 14400 pt; pages may be at most 5000 pt/),
    });
  });

  it('refuses a page that scales its units with /UserUnit', async () => {
    expect(await inspectPdf(await pdf([[1000, 1000]], 1))).toMatchObject({ ok: true });
    const result = await inspectPdf(await pdf([[1000, 1000]], 75));
    expect(result).toEqual({ ok: false, message: expect.stringContaining('Page 1 sets /UserUnit 75') });
  });
});
