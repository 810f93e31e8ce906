import { DemoSeeder } from '../../apps/cli/src/demo/demo-seeder';
import { ApiHarness, startApi } from '../support/api-harness';

describe('seed-demo', () => {
  let api: ApiHarness;
  beforeAll(async () => (api = await startApi()));
  afterAll(() => api.close());

  it('loads the demo campaign with two partners whose tokens work, each only on its own data', async () => {
    const seeded = await new DemoSeeder(api.app).seed();
    expect(seeded.version).toBe(1);
    expect(seeded.partners).toHaveLength(2);
    const [first, second] = seeded.partners;
    for (const partner of seeded.partners) {
      const list = await api.http().get('/campaigns').set('Authorization', `Bearer ${partner.token}`).expect(200);
      expect(list.body.items.map((c: { id: string }) => c.id)).toEqual([seeded.campaignId]);
    }
    await api.http().get(`/partners/${first.partnerId}`).set('Authorization', `Bearer ${first.token}`).expect(200);
    await api.http().get(`/partners/${first.partnerId}`).set('Authorization', `Bearer ${second.token}`).expect(404);
    const published = await api
      .http()
      .get(`/campaigns/${seeded.campaignId}`)
      .set('Authorization', `Bearer ${seeded.tokens.marketer}`)
      .expect(200);
    expect(published.body).toMatchObject({ status: 'published', latestVersion: 1 });
  });
});
