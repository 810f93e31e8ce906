import { ManualClock } from '@tcma/clock';
import { loadDemo } from '../../apps/cli/src/demo/demo-manifest';
import { authorDemoCampaign } from '../factories/demo-campaign.factory';
import { TenantFactory, TestPartner, TestVendor } from '../factories/tenant.factory';
import { ApiHarness, startApi } from '../support/api-harness';

/** Catalogue dates and the promoted flag on campaigns, and the readiness check a launch shares. */
describe('catalogue settings and launch readiness', () => {
  const clock = new ManualClock(new Date('2026-11-23T09:00:00Z'));
  const demo = loadDemo();
  let api: ApiHarness;
  let tenants: TenantFactory;
  let vendor: TestVendor;
  let partner: TestPartner;
  let neighbour: TestPartner;
  let campaignId: string;
  const as = (token: string) => ({ Authorization: `Bearer ${token}` });
  const readiness = (p: TestPartner, token = p.token, id = campaignId) =>
    api.http().get(`/partners/${p.partnerId}/campaigns/${id}/readiness`).set(as(token));
  const catalogue = (body: object) =>
    api.http().patch(`/campaigns/${campaignId}/catalogue`).set(as(vendor.marketerToken)).send(body);

  beforeAll(async () => {
    api = await startApi({ clock });
    tenants = new TenantFactory(api);
    vendor = await tenants.vendor();
    partner = await tenants.partner(vendor);
    neighbour = await tenants.partner(vendor);
    campaignId = (await authorDemoCampaign(api, vendor.marketerToken)).campaignId;
  });
  afterAll(() => api.close());

  it('names every missing item with a code and the field that fixes it; a launch answers 422 naming the blocking ones', async () => {
    const res = await readiness(partner).expect(200);
    expect(res.body).toEqual({
      campaignId,
      version: 1,
      ready: false,
      items: [
        { code: 'brand_kit.logo_missing', path: 'brandKit.logo', message: expect.any(String), blocking: false },
        { code: 'brand_kit.address_missing', path: 'brandKit.address', message: expect.any(String), blocking: true },
        { code: 'brand_kit.sender_missing', path: 'brandKit.sender', message: expect.any(String), blocking: false },
        { code: 'slot.value_missing', path: 'slots.email', message: expect.any(String), blocking: true },
        { code: 'slot.value_missing', path: 'slots.website', message: expect.any(String), blocking: true },
      ],
    });
    const launch = await api
      .http()
      .post('/launches')
      .set(as(partner.token))
      .send({ campaignId, audience: { type: 'all' } })
      .expect(422);
    expect(launch.body.errors).toEqual(
      res.body.items
        .filter((i: { blocking: boolean }) => i.blocking)
        .map((i: { code: string; path: string; message: string }) => ({
          code: i.code,
          path: i.path,
          message: i.message,
        })),
    );
  });

  it('is ready once the brand kit is complete, and a vendor user reads it for its partner', async () => {
    await api
      .http()
      .put(`/partners/${partner.partnerId}/brand-kit/logo`)
      .set(as(partner.token))
      .attach('file', demo.read('partners/northwind-logo.png'), { filename: 'logo.png', contentType: 'image/png' })
      .expect(200);
    await api
      .http()
      .put(`/partners/${partner.partnerId}/brand-kit`)
      .set(as(partner.token))
      .send({
        email: 'hello@partner.example',
        website: 'https://partner.example/',
        address: '1 Main St\nSpringfield',
        sender: { fromName: 'Pat', fromEmail: 'pat@partner.example' },
      })
      .expect(200);
    // Ready; the one advice left is that the partner's own address is not used until confirmed (test/delivery/partner-sender).
    const ready = await readiness(partner).expect(200);
    expect(ready.body).toEqual({
      campaignId,
      version: 1,
      ready: true,
      items: [
        {
          code: 'brand_kit.sender_not_used',
          path: 'brandKit.sender',
          message: expect.stringMatching(/^pat@partner\.example is not confirmed yet/),
          blocking: false,
        },
      ],
    });
    await readiness(partner, vendor.marketerToken).expect(200);
  });

  it("answers 404 for another partner's readiness, and for a campaign the partner may not use", async () => {
    await readiness(partner, neighbour.token).expect(404);
    const other = await tenants.vendor();
    await readiness(partner, other.adminToken).expect(404);
    const hidden = await api
      .http()
      .post('/campaigns')
      .set(as(vendor.marketerToken))
      .send({ name: 'Never published' })
      .expect(201);
    await readiness(partner, partner.token, hidden.body.id).expect(404);
    await readiness(partner, partner.token, 'not-an-id').expect(404);
  });

  it('sets promoted and the dates; refuses an end before the start per field', async () => {
    const set = await catalogue({ promoted: true, availableFrom: '2026-12-01T00:00:00Z' }).expect(200);
    expect(set.body.catalogue).toEqual({
      promoted: true,
      availableFrom: '2026-12-01T00:00:00.000Z',
      availableUntil: null,
    });
    // Checked against the stored start too.
    const before = await catalogue({ availableUntil: '2026-11-30T00:00:00Z' }).expect(422);
    expect(before.body.errors).toEqual([
      { path: 'availableUntil', message: expect.stringContaining('must be after availableFrom') },
    ]);
    const bad = await catalogue({ availableFrom: 'tomorrow' }).expect(400);
    expect(bad.body.errors).toEqual([expect.objectContaining({ path: 'availableFrom' })]);
    await api
      .http()
      .patch(`/campaigns/${campaignId}/catalogue`)
      .set(as(partner.token))
      .send({ promoted: false })
      .expect(403);
    const unchanged = await api.http().get(`/campaigns/${campaignId}`).set(as(vendor.marketerToken)).expect(200);
    expect(unchanged.body.catalogue).toEqual({
      promoted: true,
      availableFrom: '2026-12-01T00:00:00.000Z',
      availableUntil: null,
    });
  });

  it('hides a campaign outside its dates from partners, and a launch of it answers 422 with the reason', async () => {
    await catalogue({ availableFrom: '2026-12-01T00:00:00Z', availableUntil: '2026-12-31T00:00:00Z' }).expect(200);
    const listed = await api.http().get('/campaigns').set(as(partner.token)).expect(200);
    expect(listed.body).toMatchObject({ items: [], total: 0 });
    await api.http().get(`/campaigns/${campaignId}`).set(as(partner.token)).expect(404);
    const early = await api
      .http()
      .post('/launches')
      .set(as(partner.token))
      .send({ campaignId, audience: { type: 'all' } })
      .expect(422);
    expect(early.body.errors).toEqual([
      {
        code: 'campaign.unavailable',
        path: 'campaignId',
        message: 'the campaign is available from 2026-12-01T00:00:00.000Z',
      },
    ]);

    clock.set('2026-12-10T00:00:00Z');
    expect(
      (await api.http().get('/campaigns').set(as(partner.token)).expect(200)).body.items.map(
        (c: { id: string }) => c.id,
      ),
    ).toEqual([campaignId]);
    // Ready; the one advice left is that the partner's own address is not used until confirmed (test/delivery/partner-sender).
    const ready = await readiness(partner).expect(200);
    expect(ready.body).toEqual({
      campaignId,
      version: 1,
      ready: true,
      items: [
        {
          code: 'brand_kit.sender_not_used',
          path: 'brandKit.sender',
          message: expect.stringMatching(/^pat@partner\.example is not confirmed yet/),
          blocking: false,
        },
      ],
    });

    clock.set('2026-12-31T00:00:00Z');
    const late = await readiness(partner).expect(200);
    expect(late.body.ready).toBe(false);
    expect(late.body.items.filter((i: { blocking: boolean }) => i.blocking)).toEqual([
      {
        code: 'campaign.unavailable',
        path: 'campaignId',
        message: 'the campaign was available until 2026-12-31T00:00:00.000Z',
        blocking: true,
      },
    ]);
    await catalogue({ availableFrom: null, availableUntil: null }).expect(200);
    clock.set('2026-11-23T09:00:00Z');
  });
});
