import { TenantFactory, TestVendor } from '../factories/tenant.factory';
import { ApiHarness, startApi } from '../support/api-harness';

/** Editing a campaign's metadata checks each field as creating one does, and every field is optional. */
describe('campaign metadata edits', () => {
  let api: ApiHarness;
  let vendor: TestVendor;
  let campaignId: string;
  const as = () => ({ Authorization: `Bearer ${vendor.marketerToken}` });
  const patch = (body: Record<string, unknown>) => api.http().patch(`/campaigns/${campaignId}`).set(as()).send(body);
  const paths = (body: { errors: Array<{ path: string }> }) => [...new Set(body.errors.map((e) => e.path))].sort();

  beforeAll(async () => {
    api = await startApi();
    vendor = await new TenantFactory(api).vendor();
    campaignId = (await api.http().post('/campaigns').set(as()).send({ name: 'Metadata' }).expect(201)).body.id;
  });
  afterAll(() => api.close());

  it('accepts any subset of the fields creation takes', async () => {
    await patch({}).expect(200);
    const edited = await patch({
      name: ' Renamed ',
      tags: ['q3'],
      language: 'pl',
      eligibility: { tiers: ['gold'], regions: [] },
    }).expect(200);
    expect(edited.body).toMatchObject({
      name: 'Renamed',
      draft: { tags: ['q3'], language: 'pl', eligibility: { tiers: ['gold'], regions: [] } },
    });
  });

  it('refuses what creation refuses, field by field, and fields it does not know', async () => {
    const bad = await patch({
      name: '',
      description: 'x'.repeat(5001),
      tags: ['t'.repeat(41)],
      language: 'e',
      eligibility: { tiers: 'gold', regions: [] },
    }).expect(400);
    expect(paths(bad.body)).toEqual(['description', 'eligibility.tiers', 'language', 'name', 'tags']);
    const unknown = await patch({ status: 'published' }).expect(400);
    expect(paths(unknown.body)).toEqual(['status']);
    const created = await api
      .http()
      .post('/campaigns')
      .set(as())
      .send({
        name: '',
        description: 'x'.repeat(5001),
        tags: ['t'.repeat(41)],
        language: 'e',
        eligibility: { tiers: 'gold', regions: [] },
      })
      .expect(400);
    expect(paths(created.body)).toEqual(paths(bad.body));
  });
});
