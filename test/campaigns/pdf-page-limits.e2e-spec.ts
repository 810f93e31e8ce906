import { PDFDocument, PDFName, PDFNumber } from 'pdf-lib';
import sharp from 'sharp';
import { TenantFactory, TestPartner, TestVendor } from '../factories/tenant.factory';
import { ApiHarness, startApi } from '../support/api-harness';
import { startWorker, WorkerHarness } from '../support/worker-harness';

/** A supertest parser that keeps the body as bytes. */
const binary = (res: unknown, cb: (err: Error | null, body: Buffer) => void) => {
  const stream = res as NodeJS.ReadableStream;
  const chunks: Buffer[] = [];
  stream.on('data', (c: Buffer) => chunks.push(c));
  stream.on('end', () => cb(null, Buffer.concat(chunks)));
};

async function pdf(size: [number, number], userUnit?: number): Promise<Buffer> {
  const doc = await PDFDocument.create();
  const page = doc.addPage(size);
  page.drawRectangle({ x: 10, y: 10, width: 100, height: 100 });
  if (userUnit !== undefined) page.node.set(PDFName.of('UserUnit'), PDFNumber.of(userUnit));
  return Buffer.from(await doc.save());
}

/** Vendor PDFs whose pages no renderer could rasterise are refused; page previews stay bounded. */
describe('PDF page limits', () => {
  let api: ApiHarness;
  let worker: WorkerHarness;
  let vendor: TestVendor;
  let partner: TestPartner;
  const as = (token: string) => ({ Authorization: `Bearer ${token}` });
  const upload = (bytes: Buffer) =>
    api.http().post('/files').set(as(vendor.marketerToken)).attach('file', bytes, 'collateral.pdf');

  beforeAll(async () => {
    api = await startApi();
    worker = await startWorker({ roles: 'render' });
    const tenants = new TenantFactory(api);
    vendor = await tenants.vendor();
    partner = await tenants.partner(vendor);
  }, 60_000);
  afterAll(async () => {
    await worker.close();
    await api.close();
  });

  it('answers 422 for a page larger than 5,000 pt or scaled by /UserUnit, naming the page', async () => {
    const huge = await upload(await pdf([14_400, 14_400])).expect(422);
    expect(huge.body.errors).toEqual([
      { path: 'file', message: expect.stringContaining('Page 1 is 14400 × 14400 pt; pages may be at most 5000 pt') },
    ]);
    const scaled = await upload(await pdf([200, 200], 72)).expect(422);
    expect(scaled.body.errors).toEqual([
      { path: 'file', message: expect.stringContaining('Page 1 sets /UserUnit 72') },
    ]);
  }, 60_000);

  it('previews a large page at a lower resolution instead of failing', async () => {
    const fileId = (await upload(await pdf([3000, 3000])).expect(201)).body.id as string;
    const auth = as(vendor.marketerToken);
    const campaignId = (
      await api.http().post('/campaigns').set(auth).send({ name: 'Poster', language: 'en' }).expect(201)
    ).body.id as string;
    const added = await api
      .http()
      .post(`/campaigns/${campaignId}/assets/pdf`)
      .set(auth)
      .send({ name: 'Poster', fileId, slots: [] })
      .expect(201);
    const assetId = added.body.id as string;
    await api.http().post(`/campaigns/${campaignId}/publish`).set(auth).expect(201);
    const res = await api
      .http()
      .get(`/campaigns/${campaignId}/versions/1/assets/${assetId}/preview`)
      .query({ partnerId: partner.partnerId, format: 'png', dpi: 200 })
      .set(auth)
      .buffer(true)
      .parse(binary)
      .expect(200);
    const meta = await sharp(res.body as Buffer).metadata();
    // 3,000 pt at 200 dpi would be 8,334 px a side (69 megapixels).
    expect((meta.width ?? 0) * (meta.height ?? 0)).toBeLessThanOrEqual(16_000_000);
    expect(meta.width).toBeGreaterThan(3000);
    expect(meta.width).toBe(meta.height);
  }, 60_000);
});
