import { loadDemo } from '../../apps/cli/src/demo/demo-manifest';
import { DemoSeeder, SeededDemo } from '../../apps/cli/src/demo/demo-seeder';
import { contrastRatio } from '@tcma/cobrand';
import { inspectPdfText } from '../../libs/cobrand/src/testing/pdf-inspection';
import { ApiHarness, startApi } from '../support/api-harness';
import { startWorker, WorkerHarness } from '../support/worker-harness';

/** A supertest parser that keeps the body as bytes. */
const binary = (res: unknown, cb: (err: Error | null, body: Buffer) => void) => {
  const stream = res as NodeJS.ReadableStream;
  const chunks: Buffer[] = [];
  stream.on('data', (c: Buffer) => chunks.push(c));
  stream.on('end', () => cb(null, Buffer.concat(chunks)));
};

/** What partners get in co-branded output, through the API and the worker's renderer. */
describe('co-branded output', () => {
  let api: ApiHarness;
  let worker: WorkerHarness;
  let demo: SeededDemo;
  let assets: Record<string, string>;
  const as = (token: string) => ({ Authorization: `Bearer ${token}` });
  const demoKit = (i: number) => {
    const { logo, ...kit } = loadDemo().manifest.partners[i].brandKit;
    void logo;
    return kit;
  };
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
  }, 60_000);
  afterAll(async () => {
    await worker.close();
    await api.close();
  });

  it('keeps a light partner colour readable: dark text on it, a darker shade under white text', async () => {
    const [, hellas] = demo.partners;
    const saved = await api
      .http()
      .put(`/partners/${hellas.partnerId}/brand-kit`)
      .set(as(hellas.token))
      .send({ ...demoKit(1), primaryColor: '#fde047' })
      .expect(200);
    expect(saved.body.warnings).toEqual([expect.objectContaining({ field: 'primaryColor' })]);
    const html = (await api.http().get(previewUrl(assets['1'])).set(as(hellas.token)).expect(200)).text;
    expect(
      /background-color:#fde047[\s\S]*?<div\s+style="[^"]*;color:(#[0-9a-f]{6});"\s*>Your files, safe in the cloud/.exec(
        html,
      )?.[1],
    ).toBe('#000000');
    const buttons = [...html.matchAll(/<a\s+href="[^"]*" style="[^"]*background:(#[0-9a-f]{6});color:#ffffff;/g)].map(
      (m) => m[1],
    );
    expect(buttons).toHaveLength(1);
    expect(contrastRatio(buttons[0], '#ffffff')).toBeGreaterThanOrEqual(4.5);
    expect(html).not.toMatch(/background:#fde047;color:#ffffff/);
  }, 60_000);

  it("declares the campaign's language in the email and the PDF, and sets the partner's name where its logo is missing", async () => {
    const [northwind] = demo.partners;
    const html = (await api.http().get(previewUrl(assets['1'])).set(as(northwind.token)).expect(200)).text;
    expect(html).toMatch(/<html[^>]* lang="en"/);

    await api.http().delete(`/partners/${northwind.partnerId}/brand-kit/logo`).set(as(northwind.token)).expect(200);
    const pdf = await api
      .http()
      .get(previewUrl(assets.pdf))
      .set(as(northwind.token))
      .buffer(true)
      .parse(binary)
      .expect(200);
    const inspected = inspectPdfText(pdf.body as Buffer);
    expect(inspected.lang).toBe('en');
    const rect = loadDemo().manifest.pdfs[0].slots.find((r) => r.slot === 'logo')!;
    const inLogoBox = inspected.lines.filter(
      (l) =>
        l.x >= rect.x - 0.5 &&
        l.x + l.width <= rect.x + rect.width + 0.5 &&
        l.y >= 841.89 - rect.y - rect.height - 0.5 &&
        l.y + l.height <= 841.89 - rect.y + 0.5,
    );
    expect(inLogoBox.map((l) => l.text).join(' ')).toBe('Northwind IT Services');
  }, 60_000);

  it('serves HTML previews under a sandboxing Content-Security-Policy: no scripts, images from the engine and https', async () => {
    const [northwind] = demo.partners;
    const res = await api.http().get(previewUrl(assets['2'])).set(as(northwind.token)).expect(200);
    const csp = String(res.headers['content-security-policy'])
      .split(';')
      .map((d) => d.trim());
    expect(csp).toContain('sandbox');
    expect(csp).toContain("default-src 'none'");
    expect(csp.some((d) => d.startsWith('script-src'))).toBe(false);
    expect(csp).toContain(`img-src ${new URL(api.config.publicBaseUrl).origin} https:`);
    expect(res.headers['x-content-type-options']).toBe('nosniff');
    // Only HTML: a PDF under a sandbox would not display in browsers' viewers.
    const pdf = await api
      .http()
      .get(previewUrl(assets.pdf))
      .set(as(northwind.token))
      .buffer(true)
      .parse(binary)
      .expect(200);
    expect(pdf.headers['content-security-policy']).toBeUndefined();
  }, 60_000);
});
