import * as fs from 'node:fs';
import * as path from 'node:path';
import sharp from 'sharp';
import { loadDemo } from '../../apps/cli/src/demo/demo-manifest';
import { DemoSeeder, SeededDemo } from '../../apps/cli/src/demo/demo-seeder';
import { checkPdf, pdfText } from '../../libs/cobrand/src/testing/pdf-inspect';
import { ApiHarness, startApi } from '../support/api-harness';
import { startWorker, WorkerHarness } from '../support/worker-harness';

/** A supertest parser that keeps the body as bytes. */
const binary = (res: unknown, cb: (err: Error | null, body: Buffer) => void) => {
  const stream = res as NodeJS.ReadableStream;
  const chunks: Buffer[] = [];
  stream.on('data', (c: Buffer) => chunks.push(c));
  stream.on('end', () => cb(null, Buffer.concat(chunks)));
};

function countFiles(dir: string): number {
  if (!fs.existsSync(dir)) return 0;
  return fs
    .readdirSync(dir, { withFileTypes: true })
    .reduce((n, e) => n + (e.isDirectory() ? countFiles(path.join(dir, e.name)) : 1), 0);
}

describe('brand kits and previews', () => {
  let api: ApiHarness;
  let worker: WorkerHarness;
  let demo: SeededDemo;
  let assets: Record<string, string>;
  const manifest = loadDemo();
  const as = (token: string) => ({ Authorization: `Bearer ${token}` });
  const previewUrl = (assetId: string) => `/campaigns/${demo.campaignId}/versions/1/assets/${assetId}/preview`;

  beforeAll(async () => {
    api = await startApi();
    worker = await startWorker({ roles: 'render' });
    demo = await new DemoSeeder(api.app).seed();
    const version = await api
      .http()
      .get(`/campaigns/${demo.campaignId}/versions/1`)
      .set(as(demo.tokens.marketer))
      .expect(200);
    assets = Object.fromEntries(
      version.body.content.assets.map((a: { kind: string; name: string; id: string }) => [
        a.kind === 'email' ? a.name.slice(0, 1) : a.kind,
        a.id,
      ]),
    );
  });
  afterAll(async () => {
    await worker.close();
    await api.close();
  });

  it("lets a partner edit its own kit, shows vendors their partners', and warns on poor contrast", async () => {
    const [northwind, hellas] = demo.partners;
    const kit = await api.http().get(`/partners/${northwind.partnerId}/brand-kit`).set(as(northwind.token)).expect(200);
    expect(kit.body).toMatchObject({
      companyName: 'Northwind IT Services',
      primaryColor: '#0f766e',
      address: 'ul. Piotrkowska 104\n90-926 Łódź\nPolska',
      warnings: [],
    });
    expect(kit.body.logo.pngUrl).toMatch(/\/public\/sha256-[0-9a-f]{64}$/);
    await api.http().get(`/partners/${northwind.partnerId}/brand-kit`).set(as(demo.tokens.marketer)).expect(200);
    await api.http().get(`/partners/${northwind.partnerId}/brand-kit`).set(as(hellas.token)).expect(404);
    await api
      .http()
      .put(`/partners/${northwind.partnerId}/brand-kit`)
      .set(as(hellas.token))
      .send({ companyName: 'x' })
      .expect(404);
    await api
      .http()
      .put(`/partners/${northwind.partnerId}/brand-kit`)
      .set(as(demo.tokens.admin))
      .send({ companyName: 'x' })
      .expect(403);

    const yellow = await api
      .http()
      .put(`/partners/${hellas.partnerId}/brand-kit`)
      .set(as(hellas.token))
      .send({
        email: 'info@elliniki.example',
        website: 'https://elliniki.example/',
        address: 'Λεωφόρος Κηφισίας 124\n115 26 Αθήνα',
        primaryColor: '#fde047',
      })
      .expect(200);
    expect(yellow.body.warnings).toEqual([
      expect.objectContaining({ field: 'primaryColor', suggestedTextColor: '#000000' }),
    ]);
  });

  it('answers 422 per field for a bad kit and keeps the old one', async () => {
    const [northwind] = demo.partners;
    const before = await api
      .http()
      .get(`/partners/${northwind.partnerId}/brand-kit`)
      .set(as(northwind.token))
      .expect(200);
    const bad = await api
      .http()
      .put(`/partners/${northwind.partnerId}/brand-kit`)
      .set(as(northwind.token))
      .send({
        email: 'not-an-email',
        website: 'javascript:alert(1)',
        primaryColor: 'red',
        companyName: 'Evil\u202Eexe.',
        sender: { fromName: 'Ann "boss" <x>', fromEmail: 'nope' },
      })
      .expect(422);
    expect(bad.body.errors.map((e: { path: string }) => e.path).sort()).toEqual([
      'companyName',
      'email',
      'primaryColor',
      'sender.fromEmail',
      'sender.fromName',
      'website',
    ]);
    const after = await api
      .http()
      .get(`/partners/${northwind.partnerId}/brand-kit`)
      .set(as(northwind.token))
      .expect(200);
    expect(after.body).toEqual(before.body);
  });

  it('refuses disguised, oversized and corrupt logos and stores nothing', async () => {
    const [northwind] = demo.partners;
    const blobs = path.join(api.config.dataDir, 'blobs');
    const filesBefore = countFiles(blobs);
    const before = await api
      .http()
      .get(`/partners/${northwind.partnerId}/brand-kit`)
      .set(as(northwind.token))
      .expect(200);
    const url = `/partners/${northwind.partnerId}/brand-kit/logo`;
    await api
      .http()
      .put(url)
      .set(as(northwind.token))
      .attach('file', Buffer.from('MZ\x90 definitely not a png'), { filename: 'logo.png', contentType: 'image/png' })
      .expect(415);
    const png = manifest.read('partners/northwind-logo.png');
    await api
      .http()
      .put(url)
      .set(as(northwind.token))
      .attach('file', Buffer.concat([png, Buffer.alloc(5 * 1024 * 1024)]), 'logo.png')
      .expect(413);
    const corrupt = await api
      .http()
      .put(url)
      .set(as(northwind.token))
      .attach('file', png.subarray(0, 300), 'logo.png')
      .expect(422);
    expect(corrupt.body.message).toContain('corrupt');
    const svg = await api
      .http()
      .put(url)
      .set(as(northwind.token))
      .attach(
        'file',
        Buffer.from(
          '<svg xmlns="http://www.w3.org/2000/svg" width="9" height="9"><image href="file:///etc/passwd"/></svg>',
        ),
        'logo.svg',
      )
      .expect(422);
    expect(svg.body.message).toContain('cannot be used safely');
    expect(countFiles(blobs)).toBe(filesBefore);
    const after = await api
      .http()
      .get(`/partners/${northwind.partnerId}/brand-kit`)
      .set(as(northwind.token))
      .expect(200);
    expect(after.body.revision).toBe(before.body.revision);
  });

  it('serves the logo publicly, by its content key', async () => {
    const [northwind] = demo.partners;
    const kit = await api.http().get(`/partners/${northwind.partnerId}/brand-kit`).set(as(northwind.token)).expect(200);
    const res = await api.http().get(new URL(kit.body.logo.pngUrl).pathname).buffer(true).parse(binary).expect(200);
    expect(res.headers['content-type']).toBe('image/png');
    expect(res.headers['cache-control']).toContain('immutable');
    expect((await sharp(res.body as Buffer).metadata()).format).toBe('png');
    await api
      .http()
      .get(`/public/sha256-${'0'.repeat(64)}`)
      .expect(404);
  });

  it('previews the welcome email co-branded for the partner, with ETag revalidation', async () => {
    const [northwind] = demo.partners;
    const res = await api.http().get(previewUrl(assets['1'])).set(as(northwind.token)).expect(200);
    expect(res.headers['content-type']).toContain('text/html');
    expect(res.text).toContain('Northwind IT Services');
    expect(res.text).toContain('Hi Jamie,');
    expect(res.text).toContain('ul. Piotrkowska 104<br />90-926 Łódź<br />Polska');
    const etag = res.headers.etag;
    await api.http().get(previewUrl(assets['1'])).set(as(northwind.token)).set('If-None-Match', etag).expect(304);
    const json = await api
      .http()
      .get(previewUrl(assets['1']))
      .query({ format: 'json' })
      .set(as(northwind.token))
      .expect(200);
    expect(json.body.subject).toBe('Jamie, is your business one click away from losing its data?');
    expect(json.body.text).toContain('Unsubscribe [');

    await api
      .http()
      .put(`/partners/${northwind.partnerId}/brand-kit`)
      .set(as(northwind.token))
      .send({ ...demoKit(0), companyName: 'Northwind Renamed' })
      .expect(200);
    const changed = await api
      .http()
      .get(previewUrl(assets['1']))
      .set(as(northwind.token))
      .set('If-None-Match', etag)
      .expect(200);
    expect(changed.headers.etag).not.toBe(etag);
    expect(changed.text).toContain('Northwind Renamed');
    await api
      .http()
      .put(`/partners/${northwind.partnerId}/brand-kit`)
      .set(as(northwind.token))
      .send(demoKit(0))
      .expect(200);
  });

  it('previews the PDF, a PNG of its page and the social image', async () => {
    const [northwind] = demo.partners;
    const pdf = await api
      .http()
      .get(previewUrl(assets.pdf))
      .set(as(northwind.token))
      .buffer(true)
      .parse(binary)
      .expect(200);
    expect(pdf.headers['content-type']).toBe('application/pdf');
    expect(checkPdf(pdf.body as Buffer)).toEqual({ pages: 1, repaired: false, complaints: [] });
    expect(pdfText(pdf.body as Buffer)).toContain('Northwind IT Services');

    const page = await api
      .http()
      .get(previewUrl(assets.pdf))
      .query({ format: 'png', page: 1, dpi: 72 })
      .set(as(northwind.token))
      .buffer(true)
      .parse(binary)
      .expect(200);
    const pageMeta = await sharp(page.body as Buffer).metadata();
    expect(pageMeta.format).toBe('png');
    expect(Math.abs((pageMeta.width ?? 0) - 595.28)).toBeLessThan(1);
    expect(Math.abs((pageMeta.height ?? 0) - 841.89)).toBeLessThan(1);
    await api.http().get(previewUrl(assets.pdf)).query({ format: 'png', page: 9 }).set(as(northwind.token)).expect(400);

    const social = await api
      .http()
      .get(previewUrl(assets.social))
      .set(as(northwind.token))
      .buffer(true)
      .parse(binary)
      .expect(200);
    expect(await sharp(social.body as Buffer).metadata()).toMatchObject({ format: 'png', width: 1200, height: 627 });
    const square = await api
      .http()
      .get(previewUrl(assets.social))
      .query({ size: 'square', format: 'jpeg' })
      .set(as(northwind.token))
      .buffer(true)
      .parse(binary)
      .expect(200);
    expect(await sharp(square.body as Buffer).metadata()).toMatchObject({ format: 'jpeg', width: 1080, height: 1080 });
    const copy = await api
      .http()
      .get(previewUrl(assets.social))
      .query({ format: 'json' })
      .set(as(northwind.token))
      .expect(200);
    expect(copy.body.copy.x).toContain('set up by Northwind IT Services: https://northwind-it.example/');
  });

  it('keeps previews within the tenant and names missing slots', async () => {
    const [northwind, hellas] = demo.partners;
    await api
      .http()
      .get(previewUrl(assets['1']))
      .query({ partnerId: northwind.partnerId })
      .set(as(hellas.token))
      .expect(404);
    const vendor = await api.http().get(previewUrl(assets['1'])).set(as(demo.tokens.marketer)).expect(400);
    expect(vendor.body.errors[0].path).toBe('partnerId');
    await api
      .http()
      .get(previewUrl(assets['1']))
      .query({ partnerId: hellas.partnerId })
      .set(as(demo.tokens.marketer))
      .expect(200);
    await api.http().get(previewUrl(assets['1'])).query({ format: 'pdf' }).set(as(northwind.token)).expect(400);
    await api
      .http()
      .put(`/partners/${hellas.partnerId}/brand-kit`)
      .set(as(hellas.token))
      .send({ website: 'https://elliniki.example/' })
      .expect(200);
    const missing = await api.http().get(previewUrl(assets['1'])).set(as(hellas.token)).expect(422);
    expect(missing.body.errors.map((e: { path: string }) => e.path)).toEqual(['slots.email', 'slots.address']);
  });

  const demoKit = (i: number) => {
    const { logo, ...kit } = manifest.manifest.partners[i].brandKit;
    void logo;
    return kit;
  };
});
