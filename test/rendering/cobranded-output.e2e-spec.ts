import { loadDemo } from '../../apps/cli/src/demo/demo-manifest';
import { DemoSeeder, SeededDemo } from '../../apps/cli/src/demo/demo-seeder';
import { contrastRatio } from '@tcma/cobrand';
import { inspectPdfText } from '../../libs/cobrand/src/testing/pdf-inspection';
import { PDFDocument, StandardFonts } from 'pdf-lib';
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
  /** A PDF preview as bytes. */
  const pdfAt = (url: string, token: string) =>
    api.http().get(url).set(as(token)).buffer(true).parse(binary).expect(200);

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
    const pdf = await pdfAt(previewUrl(assets.pdf), northwind.token);
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
    const pdf = await pdfAt(previewUrl(assets.pdf), northwind.token);
    expect(pdf.headers['content-security-policy']).toBeUndefined();
  }, 60_000);

  it('gives each partner the PDF and social post of its language (an Arabic PDF right to left, German post copy), and holds publishing back on a variant gone stale', async () => {
    const [, hellas] = demo.partners;
    const marketer = as(demo.tokens.marketer);
    const draftFile = async (assetId: string) =>
      (await api.http().get(`/campaigns/${demo.campaignId}/draft/assets/${assetId}/file`).set(marketer).expect(200))
        .body.id as string;
    // The Arabic edition: its own file (A4, as the default, so the default's rectangles fit).
    const doc = await PDFDocument.create();
    const page = doc.addPage([595.28, 841.89]);
    page.drawText('ARABIC EDITION', { x: 60, y: 400, size: 18, font: await doc.embedFont(StandardFonts.Helvetica) });
    const arabicPdf = await api
      .http()
      .post('/files')
      .set(marketer)
      .attach('file', Buffer.from(await doc.save()), { filename: 'one-pager.ar.pdf', contentType: 'application/pdf' })
      .expect(201);
    // A published campaign's first edit opens its draft from the latest version: the same assets.
    const draft = (await api.http().get(`/campaigns/${demo.campaignId}/versions/1`).set(marketer).expect(200)).body;
    const pdfAsset = draft.content.assets.find((a: { kind: string }) => a.kind === 'pdf');
    const socialAsset = draft.content.assets.find((a: { kind: string }) => a.kind === 'social');
    const pdfBody = { name: pdfAsset.name, fileId: await draftFile(assets.pdf), slots: pdfAsset.slots };
    // A tag in any case is saved canonical; the campaign's own language is refused at its field.
    const refused = await api
      .http()
      .put(`/campaigns/${demo.campaignId}/assets/pdf/${assets.pdf}`)
      .set(marketer)
      .send({ ...pdfBody, variants: [{ language: 'EN', fileId: arabicPdf.body.id }] })
      .expect(422);
    expect(refused.body.errors).toEqual([expect.objectContaining({ path: 'variants[0].language' })]);
    await api
      .http()
      .put(`/campaigns/${demo.campaignId}/assets/pdf/${assets.pdf}`)
      .set(marketer)
      .send({ ...pdfBody, variants: [{ language: 'AR', fileId: arabicPdf.body.id }] })
      .expect(200);
    // Saved again without its file id, a variant keeps its file; a new language needs one.
    const put = (variants: object[]) =>
      api
        .http()
        .put(`/campaigns/${demo.campaignId}/assets/pdf/${assets.pdf}`)
        .set(marketer)
        .send({ ...pdfBody, variants });
    const kept = await put([{ language: 'ar' }]).expect(200);
    expect(kept.body.draft.assets.find((a: { id: string }) => a.id === assets.pdf).variants.ar.file.size).toBe(
      arabicPdf.body.size,
    );
    expect((await put([{ language: 'ar' }, { language: 'de' }]).expect(422)).body.errors).toEqual([
      expect.objectContaining({ path: 'variants[1].fileId', message: 'is required for a new language' }),
    ]);
    const socialBody = {
      name: socialAsset.name,
      fileId: await draftFile(assets.social),
      slots: socialAsset.slots,
      copy: socialAsset.copy,
    };
    await api
      .http()
      .put(`/campaigns/${demo.campaignId}/assets/social/${assets.social}`)
      .set(marketer)
      .send({
        ...socialBody,
        variants: [
          {
            language: 'de',
            copy: { linkedin: 'Ransomware wartet nicht. {{partner.company_name}}: {{partner.website}}' },
          },
        ],
      })
      .expect(200);
    // The emails have no Arabic or German: publishing asks for each language.
    const asked = await api.http().post(`/campaigns/${demo.campaignId}/publish`).set(marketer).send({}).expect(422);
    expect(asked.body.errors.map((e: { path: string }) => e.path).sort()).toEqual(['languages.ar', 'languages.de']);
    await api
      .http()
      .post(`/campaigns/${demo.campaignId}/publish`)
      .set(marketer)
      .send({ languages: { ar: 'fallback', de: 'fallback' } })
      .expect(201);
    const v2 = (path: string) => `/campaigns/${demo.campaignId}/versions/2/assets/${path}`;

    // A partner reading Arabic, its name in Arabic and no logo: its name is drawn right to left into the Arabic file.
    await api
      .http()
      .patch(`/partners/${hellas.partnerId}`)
      .set(as(demo.tokens.admin))
      .send({ language: 'ar-EG' })
      .expect(200);
    await api
      .http()
      .put(`/partners/${hellas.partnerId}/brand-kit`)
      .set(as(hellas.token))
      .send({ ...demoKit(1), companyName: 'ACME شركة' })
      .expect(200);
    await api.http().delete(`/partners/${hellas.partnerId}/brand-kit/logo`).set(as(hellas.token)).expect(200);
    const pdf = await pdfAt(v2(`${assets.pdf}/preview`), hellas.token);
    const inspected = inspectPdfText(pdf.body as Buffer);
    expect(inspected.lang).toBe('ar');
    const text = inspected.lines.map((l) => l.text);
    expect(text).toContain('ARABIC EDITION');
    expect(text.join(' ')).not.toContain('Your files, safe in the cloud');
    // Its name, Latin then Arabic, runs right to left: the Arabic word first, at the left; the
    // English default starts with the Latin word (a paragraph's direction is its first letter's).
    const arabic = /[\u0600-\u06ff\ufe70-\ufeff]/;
    const names = (lines: Array<{ text: string }>) =>
      lines.filter((l) => arabic.test(l.text)).map((l) => l.text.trim());
    expect(names(inspected.lines)).toEqual([
      expect.stringMatching(/^[^A-Z]+ACME$/),
      expect.stringMatching(/^[^A-Z]+ACME$/),
    ]);
    // Anyone may ask for another language; the English default for a language the PDF lacks.
    const english = await pdfAt(`${v2(`${assets.pdf}/preview`)}?language=fr`, hellas.token);
    const inEnglish = inspectPdfText(english.body as Buffer);
    expect(inEnglish.lang).toBe('en');
    expect(names(inEnglish.lines)).toEqual(['ACME شركة', 'ACME شركة']);

    // German post copy for German readers, the default's for a network the variant leaves out.
    const copy = async (language: string) =>
      (
        await api
          .http()
          .get(`${v2(`${assets.social}/preview`)}?format=json&language=${language}`)
          .set(as(hellas.token))
          .expect(200)
      ).body.copy;
    expect((await copy('de-AT')).linkedin).toBe(
      'Ransomware wartet nicht. ACME شركة: https://elliniki-pliroforiki.example/',
    );
    expect((await copy('de-AT')).x).toMatch(/^Ransomware-proof backup/);
    expect((await copy('es')).linkedin).toMatch(/^Ransomware does not wait/);
    // The catalogue lists the languages of every asset, and finds the campaign by one only its PDF has.
    const catalogue = await api
      .http()
      .get(`/partners/${hellas.partnerId}/catalogue?language=ar`)
      .set(as(hellas.token))
      .expect(200);
    expect(catalogue.body.items.map((c: { languages: string[] }) => c.languages)).toEqual([['en', 'ar', 'de']]);
    // Its thumbnail is the Arabic PDF's first page, prepared under the address the card names.
    const card = new URL(catalogue.body.items[0].thumbnailUrl as string, api.config.publicBaseUrl);
    const thumbnail = await api
      .http()
      .get(card.pathname + card.search)
      .set(as(hellas.token))
      .expect(200);
    expect(thumbnail.headers.etag).toBe(`"${card.searchParams.get('v')}"`);

    // The landing page in German names the German post's image, a render of its own.
    const slug = async (path: string, token: string) =>
      (await api.http().get(path).set(as(token)).expect(200)).body.slug as string;
    const landing = `/p/${await slug(`/partners/${hellas.partnerId}`, hellas.token)}/${await slug(`/campaigns/${demo.campaignId}`, demo.tokens.marketer)}`;
    const germanPage = await api.http().get(`${landing}?lang=de`).expect(200);
    // (An attribute's "=" is written as &#61;, which browsers read back as "=".)
    expect(germanPage.text).toContain(
      `<meta property="og:image" content="${api.config.publicBaseUrl}${landing}/og.png?lang&#61;de">`,
    );
    const [ogGerman, ogDefault] = [
      await api.http().get(`${landing}/og.png?lang=de`).expect(200),
      await api.http().get(`${landing}/og.png`).expect(200),
    ];
    expect(ogGerman.headers['content-type']).toBe('image/png');
    expect(ogGerman.headers.etag).not.toBe(ogDefault.headers.etag);

    // A new default copy leaves the German variant stale: the draft says so and publishing asks again.
    await api
      .http()
      .put(`/campaigns/${demo.campaignId}/assets/social/${assets.social}`)
      .set(marketer)
      .send({ ...socialBody, copy: { ...socialBody.copy, linkedin: 'Backups, every 15 minutes. {{partner.website}}' } })
      .expect(200);
    const languages = (await api.http().get(`/campaigns/${demo.campaignId}/draft/languages`).set(marketer).expect(200))
      .body;
    const german = languages.find((l: { language: string }) => l.language === 'de');
    expect(german.ready).toBe(false);
    expect(german.assets).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ assetId: assets.social, kind: 'social', state: 'stale' }),
        expect.objectContaining({ assetId: assets.pdf, kind: 'pdf', state: 'missing' }),
      ]),
    );
    const again = await api
      .http()
      .post(`/campaigns/${demo.campaignId}/publish`)
      .set(marketer)
      .send({ languages: { ar: 'fallback' } })
      .expect(422);
    expect(again.body.errors).toEqual([
      expect.objectContaining({ path: 'languages.de', message: expect.stringContaining(`${socialAsset.name} stale`) }),
    ]);
  }, 60_000);
});
