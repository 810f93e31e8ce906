import { authorDemoCampaign } from '../factories/demo-campaign.factory';
import { TenantFactory, TestVendor } from '../factories/tenant.factory';
import { ApiHarness, startApi } from '../support/api-harness';

/** Finding campaigns: the vendor's list (status, search, paging) and the partner's list of what it may launch. */
describe('campaign listing', () => {
  let api: ApiHarness;
  let tenants: TenantFactory;
  let vendor: TestVendor;
  const as = (token: string) => ({ Authorization: `Bearer ${token}` });
  const names = (body: { items: Array<{ name: string }> }) => body.items.map((c) => c.name);

  beforeAll(async () => {
    api = await startApi();
    tenants = new TenantFactory(api);
    vendor = await tenants.vendor();
    // Another vendor's campaign of the same name must never show up.
    await api
      .http()
      .post('/campaigns')
      .set(as((await tenants.vendor()).marketerToken))
      .send({ name: 'Spring 50% off' })
      .expect(201);
    for (const name of ['Spring 50% off', 'Spring 500 seats', 'Autumn_offer', 'Autumn offer']) {
      await api.http().post('/campaigns').set(as(vendor.marketerToken)).send({ name }).expect(201);
    }
  });
  afterAll(() => api.close());

  it('lists the most recently changed first, pages with the total, and searches names literally', async () => {
    const page = await api
      .http()
      .get('/campaigns')
      .query({ limit: 2, offset: 1 })
      .set(as(vendor.marketerToken))
      .expect(200);
    expect(page.body).toMatchObject({ total: 4, limit: 2, offset: 1 });
    expect(names(page.body)).toEqual(['Autumn_offer', 'Spring 500 seats']);
    const percent = await api
      .http()
      .get('/campaigns')
      .query({ search: '0%' })
      .set(as(vendor.marketerToken))
      .expect(200);
    expect(percent.body).toMatchObject({ total: 1, items: [{ name: 'Spring 50% off' }] });
    const underscore = await api
      .http()
      .get('/campaigns')
      .query({ search: 'N_O' })
      .set(as(vendor.marketerToken))
      .expect(200);
    expect(names(underscore.body)).toEqual(['Autumn_offer']);
  });

  it('filters by status, and deletes a campaign never launched', async () => {
    const drafts = await api
      .http()
      .get('/campaigns')
      .query({ status: 'draft' })
      .set(as(vendor.marketerToken))
      .expect(200);
    const { campaignId } = await authorDemoCampaign(api, vendor.marketerToken);
    const published = await api
      .http()
      .get('/campaigns')
      .query({ status: 'published' })
      .set(as(vendor.marketerToken))
      .expect(200);
    expect(published.body.items.map((c: { id: string }) => c.id)).toEqual([campaignId]);
    const again = await api
      .http()
      .get('/campaigns')
      .query({ status: 'draft' })
      .set(as(vendor.marketerToken))
      .expect(200);
    expect(again.body.total).toBe(drafts.body.total);
    await api.http().delete(`/campaigns/${campaignId}`).set(as(vendor.marketerToken)).expect(204);
    await api.http().get(`/campaigns/${campaignId}`).set(as(vendor.marketerToken)).expect(404);
  });

  it('refuses to delete a campaign that has been launched', async () => {
    const { campaignId } = await authorDemoCampaign(api, vendor.marketerToken);
    const partner = await tenants.partner(vendor);
    const slotValues = {
      company_name: 'P Ltd',
      email: 'p@partner.example',
      website: 'https://p.example',
      address: '1 Main St, Springfield',
    };
    await api
      .http()
      .post('/launches')
      .set(as(partner.token))
      .send({ campaignId, audience: { type: 'all' }, slotValues })
      .expect(202);
    const refused = await api.http().delete(`/campaigns/${campaignId}`).set(as(vendor.marketerToken)).expect(409);
    expect(refused.body.message).toContain('archive it instead');
    await api.http().post(`/campaigns/${campaignId}/archive`).set(as(vendor.marketerToken)).expect(200);
  });

  it("searches a partner's launchable campaigns by name, with their total", async () => {
    const vendor = await tenants.vendor();
    const first = await authorDemoCampaign(api, vendor.marketerToken);
    const second = await authorDemoCampaign(api, vendor.marketerToken);
    await api
      .http()
      .patch(`/campaigns/${second.campaignId}`)
      .set(as(vendor.marketerToken))
      .send({ name: 'Renamed 100% edition' })
      .expect(200);
    await api.http().post(`/campaigns/${second.campaignId}/publish`).set(as(vendor.marketerToken)).expect(201);
    const partner = await tenants.partner(vendor);
    const all = await api.http().get('/campaigns').set(as(partner.token)).expect(200);
    expect(all.body.total).toBe(2);
    expect(all.body.items.map((c: { id: string; version: number }) => [c.id, c.version])).toEqual([
      [second.campaignId, 2],
      [first.campaignId, 1],
    ]);
    const found = await api.http().get('/campaigns').query({ search: '0% ED' }).set(as(partner.token)).expect(200);
    expect(found.body).toMatchObject({ total: 1, items: [{ id: second.campaignId, name: 'Renamed 100% edition' }] });
  });
});
