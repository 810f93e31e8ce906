import { RenderPool } from '@tcma/cobrand';
import * as os from 'node:os';
import { partnerName, print, rateAsync } from './bench-line';
import { demoLogo, pdfRects, slotTypes, vendorPdf } from './demo-inputs';

/** `pdf`: co-branded demo PDFs per second on every core, vs pdf-lib's plain load+save of the vendor PDF. */
export async function pdfBench(): Promise<void> {
  const threads = os.availableParallelism();
  const pool = new RenderPool(threads);
  if (!pool.size) throw new Error('Render threads unavailable: run the benchmark from dist/ (npm run bench)');
  const logo = { png: await demoLogo(), key: 'bench-logo' };
  let largest = 0;
  const cobrand = async (i: number) => {
    const values: Array<[string, string | null]> = [
      ['company_name', partnerName(i)],
      ['contact_name', `Contact ${partnerName(i * 7)}`],
      ['email', `hello${i}@partner${i}.example`],
      ['website', `https://partner${i}.example/`],
      ['phone', `+48 42 555 ${String(i % 10000).padStart(4, '0')}`],
      ['address', `ul. Piotrkowska ${i % 300}\n90-926 Łódź\nPolska`],
    ];
    const out = await pool.run('pdf', {
      vendorPdf,
      rects: pdfRects,
      slotTypes,
      values,
      logo,
      logoFallback: null,
      language: 'en',
    });
    largest = Math.max(largest, out.byteLength);
  };
  const plain = () =>
    pool.run('pdf', {
      vendorPdf,
      rects: [],
      slotTypes: [],
      values: [],
      logo: null,
      logoFallback: null,
      language: 'en',
    });
  await rateAsync(cobrand, 200, threads * 4);
  await rateAsync(plain, 200, threads * 4);
  const value = await rateAsync(cobrand, 3000, threads * 4);
  const baseline = await rateAsync(plain, 3000, threads * 4);
  await pool.close();
  print({
    bench: 'pdf',
    value,
    unit: 'pdfs/s',
    baseline: 'pdf_lib_load_save_same_pdf',
    baseline_value: baseline,
    threads,
    max_bytes_over_vendor_pdf: largest - vendorPdf.byteLength,
    target: '>= 300/s and <= 60 kB over the vendor PDF',
  });
}
