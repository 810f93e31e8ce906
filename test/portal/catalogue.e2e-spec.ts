import { QueueName } from '@tcma/queue';
import { DemoSeeder, SeededDemo } from '../../apps/cli/src/demo/demo-seeder';
import { authorDemoCampaign } from '../factories/demo-campaign.factory';
import { TenantFactory } from '../factories/tenant.factory';
import { ApiHarness, startApi } from '../support/api-harness';
import { testDb } from '../support/db';
import { waitForQueueIdle } from '../support/queues';
import { startWorker, WorkerHarness } from '../support/worker-harness';

/** The partner's catalogue: eligible, available campaigns as cards, with thumbnails from stored renders. */
describe('partner catalogue', () => {
  let api: ApiHarness;
  let worker: WorkerHarness;
  let demo: SeededDemo;
  let second: string;
  const as = (token: string) => ({ Authorization: `Bearer ${token}` });
  const catalogue = (partnerId: string, token: string, query: object = {}) =>
    api.http().get(`/partners/${partnerId}/catalogue`).query(query).set(as(token));

  beforeAll(async () => {
    api = await startApi();
    worker = await startWorker({ roles: 'render' });
    demo = await new DemoSeeder(api.app).seed();
    second = (await authorDemoCampaign(api, demo.tokens.marketer, { name: 'Second campaign' })).campaignId;
  }, 120_000);

  afterAll(async () => {
    await worker?.close();
    await api?.close();
  });

  it('lists cards with badges, tags, language, new and promoted marks and a thumbnail URL; promoted first', async () => {
    const [northwind] = demo.partners;
    const before = await catalogue(northwind.partnerId, northwind.token).expect(200);
    expect(before.body).toMatchObject({ total: 2, limit: 50, offset: 0 });
    expect(before.body.items.map((i: { campaignId: string }) => i.campaignId)).toEqual([second, demo.campaignId]);
    expect(before.body.items[1]).toEqual({
      campaignId: demo.campaignId,
      name: expect.any(String),
      description: expect.any(String),
      version: 1,
      publishedAt: expect.any(String),
      tags: ['backup', 'ransomware', 'smb'],
      language: 'en',
      languages: ['en'],
      assetTypes: ['email', 'pdf', 'social'],
      new: true,
      promoted: false,
      thumbnailUrl: expect.stringMatching(
        new RegExp(`^/partners/${northwind.partnerId}/campaigns/${demo.campaignId}/thumbnail\\?v=[0-9a-f]{64}$`),
      ),
    });
    await api
      .http()
      .patch(`/campaigns/${demo.campaignId}/catalogue`)
      .set(as(demo.tokens.marketer))
      .send({ promoted: true })
      .expect(200);
    const after = await catalogue(northwind.partnerId, northwind.token).expect(200);
    expect(after.body.items.map((i: { campaignId: string; promoted: boolean }) => [i.campaignId, i.promoted])).toEqual([
      [demo.campaignId, true],
      [second, false],
    ]);
    // "New" means first published in the last 14 days.
    await testDb().query(
      `UPDATE campaign_versions SET published_at = now() - interval '15 days' WHERE campaign_id = $1`,
      [second],
    );
    expect(
      (await catalogue(northwind.partnerId, northwind.token).expect(200)).body.items.map(
        (i: { new: boolean }) => i.new,
      ),
    ).toEqual([true, false]);
  });

  it('searches and filters by tag, asset type and language; refuses an unknown type per field', async () => {
    const [northwind] = demo.partners;
    const ids = async (query: object) =>
      (await catalogue(northwind.partnerId, northwind.token, query).expect(200)).body.items.map(
        (i: { campaignId: string }) => i.campaignId,
      );
    expect(await ids({ search: 'second' })).toEqual([second]);
    expect(await ids({ tag: 'ransomware', search: 'second' })).toEqual([second]);
    expect(await ids({ tag: 'nope' })).toEqual([]);
    expect((await ids({ assetType: 'pdf' })).length).toBe(2);
    expect(await ids({ language: 'fr' })).toEqual([]);
    expect((await ids({ language: 'en', limit: 1, offset: 1 })).length).toBe(1);
    const bad = await catalogue(northwind.partnerId, northwind.token, { assetType: 'video' }).expect(400);
    expect(bad.body.errors).toEqual([expect.objectContaining({ path: 'assetType' })]);
  });

  it('serves each partner its own co-branded thumbnail, rendered once ahead of the request and then cached', async () => {
    const [northwind, hellas] = demo.partners;
    const urlOf = async (p: { partnerId: string; token: string }) =>
      (await catalogue(p.partnerId, p.token, { search: 'second' }).expect(200)).body.items[0].thumbnailUrl as string;
    const [a, b] = [await urlOf(northwind), await urlOf(hellas)];
    expect(new URL(a, 'http://x').searchParams.get('v')).not.toBe(new URL(b, 'http://x').searchParams.get('v'));
    const key = new URL(a, 'http://x').searchParams.get('v');
    // Listing the catalogue had the worker render the thumbnails not stored yet, before any request for them.
    await waitForQueueIdle(worker.app, QueueName.Render);
    expect(await testDb().query('SELECT count(*)::int AS n FROM rendered_assets WHERE render_key = $1', [key])).toEqual(
      [{ n: 1 }],
    );

    const first = await api.http().get(a).set(as(northwind.token)).expect(200);
    expect(first.headers['content-type']).toBe('image/png');
    expect(first.headers['cache-control']).toBe('private, max-age=31536000, immutable');
    expect(Buffer.from(first.body).subarray(1, 4).toString()).toBe('PNG');
    expect(first.headers.etag).toBe(`"${key}"`);
    await api.http().get(a).set(as(northwind.token)).set('If-None-Match', first.headers.etag).expect(304);
    const again = await api.http().get(a).set(as(northwind.token)).expect(200);
    expect(Buffer.compare(Buffer.from(again.body), Buffer.from(first.body))).toBe(0);
    const stored = await testDb().query<Array<{ n: number }>>(
      'SELECT count(*)::int AS n FROM rendered_assets WHERE render_key = $1',
      [key],
    );
    expect(stored).toEqual([{ n: 1 }]);
    // Without the render's identity the browser must revalidate.
    const plain = await api.http().get(a.split('?')[0]).set(as(northwind.token)).expect(200);
    expect(plain.headers['cache-control']).toBe('private, no-cache');
    // A vendor user sees its partner's catalogue and thumbnails.
    await catalogue(northwind.partnerId, demo.tokens.marketer).expect(200);
    await api.http().get(a).set(as(demo.tokens.marketer)).expect(200);
  }, 120_000);

  it('gives no thumbnail URL while the partner’s kit lacks a detail the campaign requires, and one once it has it', async () => {
    const fresh = await new TenantFactory(api).partner(
      { vendorId: demo.vendorId, adminToken: demo.tokens.admin, marketerToken: demo.tokens.marketer },
      { companyName: 'Fresh Partner' },
    );
    const first = async () =>
      (await catalogue(fresh.partnerId, fresh.token, { search: 'second' }).expect(200)).body.items[0];
    expect(await first()).toMatchObject({ campaignId: second, thumbnailUrl: null });
    await api
      .http()
      .put(`/partners/${fresh.partnerId}/brand-kit`)
      .set(as(fresh.token))
      .send({ email: 'hello@fresh.example', website: 'https://fresh.example', address: 'Main Street 1\nWarsaw' })
      .expect(200);
    const url = (await first()).thumbnailUrl as string;
    expect(url).toMatch(new RegExp(`^/partners/${fresh.partnerId}/campaigns/${second}/thumbnail\\?v=[0-9a-f]{64}$`));
    await waitForQueueIdle(worker.app, QueueName.Render);
    const image = await api.http().get(url).set(as(fresh.token)).expect(200);
    expect(image.headers['content-type']).toBe('image/png');
  });

  it("answers 404 for another partner's catalogue and thumbnails, and hides campaigns outside their dates", async () => {
    const [northwind, hellas] = demo.partners;
    await catalogue(northwind.partnerId, hellas.token).expect(404);
    await api
      .http()
      .get(`/partners/${northwind.partnerId}/campaigns/${second}/thumbnail`)
      .set(as(hellas.token))
      .expect(404);
    await api
      .http()
      .patch(`/campaigns/${second}/catalogue`)
      .set(as(demo.tokens.marketer))
      .send({ availableFrom: '2099-01-01T00:00:00Z' })
      .expect(200);
    expect((await catalogue(northwind.partnerId, northwind.token).expect(200)).body).toMatchObject({
      total: 1,
      items: [{ campaignId: demo.campaignId }],
    });
    await api
      .http()
      .get(`/partners/${northwind.partnerId}/campaigns/${second}/thumbnail`)
      .set(as(northwind.token))
      .expect(404);
  });
});
