import { loadDemo } from '../../apps/cli/src/demo/demo-manifest';
import { authorDemoCampaign } from '../factories/demo-campaign.factory';
import { TenantFactory, TestVendor } from '../factories/tenant.factory';
import { ApiHarness, startApi } from '../support/api-harness';
import { importCampaignXliff } from '@tcma/translation';

describe('campaign authoring (API)', () => {
  let api: ApiHarness;
  let tenants: TenantFactory;
  let vendor: TestVendor;
  const demo = loadDemo();
  const welcome = demo.manifest.emails[0];
  const welcomeMjml = demo.readText(welcome.file);

  beforeAll(async () => {
    api = await startApi();
    tenants = new TenantFactory(api);
    vendor = await tenants.vendor('Acme Cloud Backup');
  });
  afterAll(() => api.close());

  const as = (token: string) => ({ Authorization: `Bearer ${token}` });

  it('lets a marketer author, validate and publish the demo campaign through the API alone', async () => {
    const draft = await authorDemoCampaign(api, vendor.marketerToken, { publish: false });
    const report = await api
      .http()
      .post(`/campaigns/${draft.campaignId}/validate`)
      .set(as(vendor.marketerToken))
      .expect(200);
    expect(report.body).toEqual({ valid: true, problems: [] });

    const published = await api
      .http()
      .post(`/campaigns/${draft.campaignId}/publish`)
      .set(as(vendor.marketerToken))
      .expect(201);
    expect(published.body.version).toBe(1);
    expect(published.body.content.assets.map((a: { kind: string }) => a.kind)).toEqual([
      'email',
      'email',
      'email',
      'pdf',
      'social',
      'page',
    ]);
    expect(published.body.content.sequence.steps).toHaveLength(3);

    const campaign = await api.http().get(`/campaigns/${draft.campaignId}`).set(as(vendor.marketerToken)).expect(200);
    expect(campaign.body).toMatchObject({ status: 'published', latestVersion: 1, draft: null });

    // A partner sees it in its list and can read the published content, never a draft.
    const partner = await tenants.partner(vendor);
    const list = await api.http().get('/campaigns').set(as(partner.token)).expect(200);
    expect(list.body.items.map((c: { id: string }) => c.id)).toContain(draft.campaignId);
    const seen = await api.http().get(`/campaigns/${draft.campaignId}`).set(as(partner.token)).expect(200);
    expect(seen.body).toMatchObject({ id: draft.campaignId, version: 1 });
    expect(seen.body.draft).toBeUndefined();
  });

  it("exports a version's copy (its emails, social post and page) as XLIFF 2.0 that comes back through the import's checks; other vendors and partners get none", async () => {
    const { campaignId } = await authorDemoCampaign(api, vendor.marketerToken);
    const buffer = (res: import('supertest').Response, done: (e: Error | null, body: string) => void) => {
      let body = '';
      res.setEncoding('utf8');
      res.on('data', (chunk: string) => (body += chunk));
      res.on('end', () => done(null, body));
    };
    const res = await api
      .http()
      .get(`/campaigns/${campaignId}/versions/1/xliff?trgLang=de-at`)
      .set(as(vendor.marketerToken))
      .buffer(true)
      .parse(buffer)
      .expect(200);
    expect(res.headers['content-type']).toBe('application/xliff+xml; charset=utf-8');
    expect(res.headers['content-disposition']).toBe(`attachment; filename="campaign-${campaignId}-v1.de-AT.xlf"`);
    const xml = res.body as string;
    expect(xml).toContain('srcLang="en" trgLang="de-AT"');
    // The three emails, each with its subject and copy, then the social post's copy and the page's words; no PDF.
    expect([...xml.matchAll(/<file id="[^"]+" original="(\w+) /g)].map((m) => m[1])).toEqual([
      'email',
      'email',
      'email',
      'social',
      'page',
    ]);
    expect(xml).toContain(`<unit id="subject">`);
    const version = await api
      .http()
      .get(`/campaigns/${campaignId}/versions/1`)
      .set(as(vendor.marketerToken))
      .expect(200);
    // A translator's tool returns every source as its target (a page's paragraph may span lines): the import takes it whole.
    const translated = xml.replace(
      /<source>([\s\S]*?)<\/source>/g,
      (_m, s: string) => `<source>${s}</source><target>${s}</target>`,
    );
    const imported = importCampaignXliff(version.body.content, 'de-AT', translated);
    expect(imported.ok).toBe(true);

    const refused = async (trgLang: string, message: string) => {
      const bad = await api
        .http()
        .get(`/campaigns/${campaignId}/versions/1/xliff?trgLang=${encodeURIComponent(trgLang)}`)
        .set(as(vendor.marketerToken))
        .expect(400);
      expect(bad.body.errors).toEqual([{ path: 'trgLang', message }]);
    };
    await refused('de_AT', 'trgLang must be a BCP 47 language tag, such as de, fr-CA or pt-BR');
    await refused('EN', "trgLang must differ from the campaign's own language (en)");

    const other = await tenants.vendor();
    await api.http().get(`/campaigns/${campaignId}/versions/1/xliff?trgLang=de`).set(as(other.adminToken)).expect(404);
    const partner = await tenants.partner(vendor);
    await api.http().get(`/campaigns/${campaignId}/versions/1/xliff?trgLang=de`).set(as(partner.token)).expect(403);
  });

  it('answers 422 naming an unknown variable and its line, and saves nothing', async () => {
    const { campaignId } = await authorDemoCampaign(api, vendor.marketerToken, { publish: false });
    const before = await api.http().get(`/campaigns/${campaignId}`).set(as(vendor.marketerToken)).expect(200);
    const mjml = welcomeMjml.replace('Hi {{prospect.first_name}}', 'Hi {{prospect.nickname}}');
    const line = mjml.split('\n').findIndex((l) => l.includes('prospect.nickname')) + 1;
    const res = await api
      .http()
      .post(`/campaigns/${campaignId}/assets/email`)
      .set(as(vendor.marketerToken))
      .send({ name: 'x', subject: 's', preheader: 'p', mjml })
      .expect(422);
    expect(res.body.errors).toEqual([
      expect.objectContaining({
        path: 'assets[6].mjml',
        line,
        message: expect.stringContaining('Unknown variable prospect.nickname'),
      }),
    ]);
    const after = await api.http().get(`/campaigns/${campaignId}`).set(as(vendor.marketerToken)).expect(200);
    expect(after.body.revision).toBe(before.body.revision);
    expect(after.body.draft.assets).toHaveLength(6);
  });

  it('answers 422 for an email without the unsubscribe link', async () => {
    const { campaignId } = await authorDemoCampaign(api, vendor.marketerToken, { publish: false });
    const mjml = welcomeMjml.replace('<a href="{{links.unsubscribe}}">Unsubscribe</a> · ', '');
    const res = await api
      .http()
      .post(`/campaigns/${campaignId}/assets/email`)
      .set(as(vendor.marketerToken))
      .send({ name: 'x', subject: 's', preheader: 'p', mjml })
      .expect(422);
    expect(res.body.errors).toEqual([
      expect.objectContaining({ path: 'assets[6].mjml', message: expect.stringContaining('{{links.unsubscribe}}') }),
    ]);
  });

  it('refuses to remove a slot a template uses', async () => {
    const { campaignId } = await authorDemoCampaign(api, vendor.marketerToken, { publish: false });
    const slots = demo.manifest.slots.filter((s) => s.name !== 'phone');
    const res = await api
      .http()
      .put(`/campaigns/${campaignId}/slots`)
      .set(as(vendor.marketerToken))
      .send({ slots })
      .expect(422);
    expect(res.body.errors.some((e: { message: string }) => e.message.includes('Unknown variable partner.phone'))).toBe(
      true,
    );
  });

  it('publishes immutable numbered versions; an edit opens a new draft', async () => {
    const { campaignId } = await authorDemoCampaign(api, vendor.marketerToken);
    const edited = await api
      .http()
      .patch(`/campaigns/${campaignId}`)
      .set(as(vendor.marketerToken))
      .send({ description: 'Second edition' })
      .expect(200);
    expect(edited.body.draft.description).toBe('Second edition');
    expect(edited.body.status).toBe('published');
    const v2 = await api.http().post(`/campaigns/${campaignId}/publish`).set(as(vendor.marketerToken)).expect(201);
    expect(v2.body.version).toBe(2);
    const v1 = await api.http().get(`/campaigns/${campaignId}/versions/1`).set(as(vendor.marketerToken)).expect(200);
    expect(v1.body.content.description).toBe(demo.manifest.description);
    const versions = await api
      .http()
      .get(`/campaigns/${campaignId}/versions`)
      .set(as(vendor.marketerToken))
      .expect(200);
    expect(versions.body).toMatchObject({ total: 2, limit: 50, offset: 0 });
    expect(versions.body.items.map((v: { version: number }) => v.version)).toEqual([2, 1]);
    await api.http().post(`/campaigns/${campaignId}/publish`).set(as(vendor.marketerToken)).expect(409);
  });

  it('detects a lost update with If-Match (412)', async () => {
    const { campaignId } = await authorDemoCampaign(api, vendor.marketerToken, { publish: false });
    const current = await api.http().get(`/campaigns/${campaignId}`).set(as(vendor.marketerToken)).expect(200);
    const rev = current.body.revision;
    await api
      .http()
      .patch(`/campaigns/${campaignId}`)
      .set(as(vendor.marketerToken))
      .set('If-Match', `"${rev}"`)
      .send({ description: 'first' })
      .expect(200);
    const stale = await api
      .http()
      .patch(`/campaigns/${campaignId}`)
      .set(as(vendor.marketerToken))
      .set('If-Match', `"${rev}"`)
      .send({ description: 'second' })
      .expect(412);
    expect(stale.body.message).toContain(`revision ${rev}`);
  });

  it('archives instead of editing, and hides archived campaigns from partners', async () => {
    const { campaignId } = await authorDemoCampaign(api, vendor.marketerToken);
    const partner = await tenants.partner(vendor);
    await api.http().get(`/campaigns/${campaignId}`).set(as(partner.token)).expect(200);
    await api.http().post(`/campaigns/${campaignId}/archive`).set(as(vendor.marketerToken)).expect(200);
    await api
      .http()
      .patch(`/campaigns/${campaignId}`)
      .set(as(vendor.marketerToken))
      .send({ description: 'x' })
      .expect(409);
    await api.http().get(`/campaigns/${campaignId}`).set(as(partner.token)).expect(404);
    await api.http().post(`/campaigns/${campaignId}/restore`).set(as(vendor.marketerToken)).expect(200);
    await api.http().get(`/campaigns/${campaignId}`).set(as(partner.token)).expect(200);
  });

  it('answers an added asset with the asset itself: its id, where it lives, and the draft revision', async () => {
    const auth = as(vendor.marketerToken);
    const id = (await api.http().post('/campaigns').set(auth).send({ name: 'Created resources' }).expect(201)).body
      .id as string;
    await api
      .http()
      .put(`/campaigns/${id}/slots`)
      .set(auth)
      .send({ slots: [{ name: 'address', type: 'address', required: true }] })
      .expect(200);
    const added = await api
      .http()
      .post(`/campaigns/${id}/assets/email`)
      .set(auth)
      .send({ name: 'Welcome', subject: 's', preheader: 'p', mjml: minimalMjml })
      .expect(201);
    expect(added.body).toMatchObject({ kind: 'email', name: 'Welcome', subject: 's' });
    expect(added.body.id).toMatch(/^[0-9a-f-]{36}$/);
    expect(added.headers.location).toBe(`/campaigns/${id}/assets/${added.body.id}`);
    const campaign = await api.http().get(`/campaigns/${id}`).set(auth).expect(200);
    expect(added.headers.etag).toBe(`"${campaign.body.revision}"`);
    expect(campaign.body.draft.assets.map((a: { id: string }) => a.id)).toEqual([added.body.id]);
    // The ETag is the revision to send back: an edit based on it applies.
    await api
      .http()
      .put(`/campaigns/${id}/assets/email/${added.body.id}`)
      .set(auth)
      .set('If-Match', added.headers.etag)
      .send({ name: 'Welcome 2', subject: 's', preheader: 'p', mjml: minimalMjml })
      .expect(200);
  });

  it('shows partners only the campaigns their tier and region may launch', async () => {
    const created = await api
      .http()
      .post('/campaigns')
      .set(as(vendor.marketerToken))
      .send({ name: 'Platinum only', eligibility: { tiers: ['platinum'], regions: [] } })
      .expect(201);
    const id = created.body.id;
    await api
      .http()
      .post(`/campaigns/${id}/assets/email`)
      .set(as(vendor.marketerToken))
      .send({ name: 'e', subject: 's', preheader: 'p', mjml: minimalMjml })
      .expect(422);
    await api
      .http()
      .put(`/campaigns/${id}/slots`)
      .set(as(vendor.marketerToken))
      .send({ slots: [{ name: 'address', type: 'address', required: true }] })
      .expect(200);
    await api
      .http()
      .post(`/campaigns/${id}/assets/email`)
      .set(as(vendor.marketerToken))
      .send({ name: 'e', subject: 's', preheader: 'p', mjml: minimalMjml })
      .expect(201);
    await api.http().post(`/campaigns/${id}/publish`).set(as(vendor.marketerToken)).expect(201);
    const gold = await tenants.partner(vendor, { tier: 'gold' });
    const platinum = await tenants.partner(vendor, { tier: 'platinum' });
    await api.http().get(`/campaigns/${id}`).set(as(gold.token)).expect(404);
    await api.http().get(`/campaigns/${id}`).set(as(platinum.token)).expect(200);
    const goldList = await api.http().get('/campaigns').set(as(gold.token)).expect(200);
    expect(goldList.body.items.map((c: { id: string }) => c.id)).not.toContain(id);
  });

  it('rejects uploads by their bytes: 415 for other types, 413 over the limit, 422 for a broken PDF', async () => {
    const auth = as(vendor.marketerToken);
    const exe = await api
      .http()
      .post('/files')
      .set(auth)
      .attach('file', Buffer.from('MZ\x90\x00 not a pdf'), { filename: 'brochure.pdf', contentType: 'application/pdf' })
      .expect(415);
    expect(exe.body.errors[0]).toMatchObject({ path: 'file' });
    const tooBig = Buffer.concat([Buffer.from('%PDF-1.7\n'), Buffer.alloc(api.config.maxPdfBytes + 1, 32)]);
    await api.http().post('/files').set(auth).attach('file', tooBig, 'big.pdf').expect(413);
    const broken = await api
      .http()
      .post('/files')
      .set(auth)
      .attach('file', Buffer.from('%PDF-1.7\nthis is not really a pdf'), 'broken.pdf')
      .expect(422);
    expect(broken.body.message).toContain('not a readable PDF');
    await api.http().post('/files').set(auth).expect(400);
  });

  it('rejects slot rectangles outside the page and copy that can exceed a network limit', async () => {
    const { campaignId, assetIds } = await authorDemoCampaign(api, vendor.marketerToken, { publish: false });
    const pdf = demo.manifest.pdfs[0];
    const file = await api
      .http()
      .post('/files')
      .set(as(vendor.marketerToken))
      .attach('file', demo.read(pdf.file), 'one-pager.pdf')
      .expect(201);
    const outside = [{ ...pdf.slots[0], x: 500, width: 200 }];
    const res = await api
      .http()
      .put(`/campaigns/${campaignId}/assets/pdf/${assetIds.one_pager}`)
      .set(as(vendor.marketerToken))
      .send({ name: pdf.name, fileId: file.body.id, slots: outside })
      .expect(422);
    expect(res.body.errors).toEqual([
      expect.objectContaining({ path: 'assets[3].slots[0]', message: expect.stringContaining('within 595.28') }),
    ]);
    const social = demo.manifest.social[0];
    const image = await api
      .http()
      .post('/files')
      .set(as(vendor.marketerToken))
      .attach('file', demo.read(social.file), 'linkedin.png')
      .expect(201);
    const long = { x: `${'Backups that work. '.repeat(12)}{{partner.company_name}}` };
    const copy = await api
      .http()
      .put(`/campaigns/${campaignId}/assets/social/${assetIds.linkedin}`)
      .set(as(vendor.marketerToken))
      .send({ name: social.name, fileId: image.body.id, slots: social.slots, copy: long })
      .expect(422);
    expect(copy.body.errors[0]).toMatchObject({
      path: 'assets[4].copy.x',
      message: expect.stringContaining('x allows 280'),
    });
  });

  it('answers 400 with field paths for malformed requests', async () => {
    const res = await api
      .http()
      .post('/campaigns')
      .set(as(vendor.marketerToken))
      .send({ name: '', eligibility: { tiers: 'gold' }, extra: 1 })
      .expect(400);
    const paths = res.body.errors.map((e: { path: string }) => e.path);
    expect(paths).toEqual(expect.arrayContaining(['name', 'eligibility.tiers', 'eligibility.regions', 'extra']));
    const created = await api
      .http()
      .post('/campaigns')
      .set(as(vendor.marketerToken))
      .send({ name: 'Slots' })
      .expect(201);
    const slots = await api
      .http()
      .put(`/campaigns/${created.body.id}/slots`)
      .set(as(vendor.marketerToken))
      .send({ slots: [{ name: 'a', type: 'banana', required: 'yes' }] })
      .expect(400);
    expect(slots.body.errors.map((e: { path: string }) => e.path)).toEqual(
      expect.arrayContaining(['slots[0].type', 'slots[0].required']),
    );
    const json = await api
      .http()
      .post('/campaigns')
      .set(as(vendor.marketerToken))
      .set('Content-Type', 'application/json')
      .send('{"name": ')
      .expect(400);
    expect(json.body).toMatchObject({ statusCode: 400, message: 'The request body is not valid JSON' });
    expect(JSON.stringify(json.body)).not.toMatch(/at .*\.js/);
    await api
      .http()
      .post('/campaigns')
      .set(as(vendor.marketerToken))
      .send({ name: 'x', description: 'y'.repeat(3 * 1024 * 1024) })
      .expect(413);
  });

  it('keeps partner users out of authoring', async () => {
    const partner = await tenants.partner(vendor);
    await api.http().post('/campaigns').set(as(partner.token)).send({ name: 'Mine' }).expect(403);
    await api
      .http()
      .post('/files')
      .set(as(partner.token))
      .attach('file', demo.read('one-pager.pdf'), 'x.pdf')
      .expect(403);
  });
});

const minimalMjml = `<mjml><mj-body><mj-section><mj-column>
<mj-text>Hello {{prospect.first_name}}. {{partner.address}} <a href="{{links.unsubscribe}}">Unsubscribe</a></mj-text>
</mj-column></mj-section></mj-body></mjml>`;
