import { EnrollmentService } from '@tcma/nurture';
import { authorDemoCampaign } from '../factories/demo-campaign.factory';
import { TenantFactory } from '../factories/tenant.factory';
import { ApiHarness, startApi } from '../support/api-harness';
import { testDb } from '../support/db';

const PROSPECTS = 60;
const SUPPRESSED = ['p3@prospect.example', 'p17@prospect.example', 'p42@prospect.example'];

describe('enrolling a launch in id ranges', () => {
  let api: ApiHarness;

  // A queue prefix of its own: no worker of another suite picks up this launch's enroll job,
  // so the test drives enrollment itself, in ranges small enough to be many.
  beforeAll(async () => {
    api = await startApi({ env: { QUEUE_PREFIX: `${process.env.QUEUE_PREFIX}-enroll` } });
  });
  afterAll(async () => api?.close());

  it('enrolls each prospect once and counts each suppressed address once, when prospect ids cross a power of ten', async () => {
    const tenants = new TenantFactory(api);
    const vendor = await tenants.vendor();
    const partner = await tenants.partner(vendor);
    const campaign = await authorDemoCampaign(api, vendor.marketerToken);
    const as = { Authorization: `Bearer ${partner.token}` };
    const db = testDb();

    // Ids that run from below a power of ten to above it, where ordering them as text
    // (…, 99999, 100000, …) would disagree with ordering them as numbers.
    const [{ next }] = await db.query<Array<{ next: string }>>("SELECT nextval('prospects_id_seq')::text AS next");
    let power = 10 ** next.length;
    while (power - PROSPECTS / 2 <= Number(next)) power *= 10;
    await db.query("SELECT setval('prospects_id_seq', $1)", [power - PROSPECTS / 2]);
    for (let i = 0; i < PROSPECTS; i++) {
      await api
        .http()
        .post(`/partners/${partner.partnerId}/prospects`)
        .set(as)
        .send({ email: `p${i}@prospect.example`, firstName: `P${i}` })
        .expect(201);
    }
    const ids = (
      await db.query<Array<{ id: string }>>('SELECT id::text AS id FROM prospects WHERE partner_id = $1 ORDER BY id', [
        partner.partnerId,
      ])
    ).map((r) => r.id);
    expect(ids).toHaveLength(PROSPECTS);
    expect(new Set(ids.map((id) => id.length)).size).toBe(2);
    for (const email of SUPPRESSED) await api.http().post('/suppressions').set(as).send({ email }).expect(201);

    const launch = (
      await api
        .http()
        .post('/launches')
        .set(as)
        .send({
          campaignId: campaign.campaignId,
          audience: { type: 'all' },
          slotValues: {
            company_name: 'P Ltd',
            email: 'p@partner.example',
            website: 'https://p.example',
            address: '1 Main St, Springfield',
          },
        })
        .expect(202)
    ).body;
    const outcome = await api.app.get(EnrollmentService).enroll(launch.id, 7);

    expect(outcome).toEqual({ enrolled: PROSPECTS - SUPPRESSED.length, skippedSuppressed: SUPPRESSED.length });
    const enrolled = await db.query<Array<{ email: string; n: number }>>(
      'SELECT p.email, count(*)::int AS n FROM enrollments e JOIN prospects p ON p.id = e.prospect_id WHERE e.launch_id = $1 GROUP BY p.email',
      [launch.id],
    );
    expect(enrolled.every((r) => r.n === 1)).toBe(true);
    expect(enrolled.map((r) => r.email).sort()).toEqual(
      Array.from({ length: PROSPECTS }, (_, i) => `p${i}@prospect.example`)
        .filter((e) => !SUPPRESSED.includes(e))
        .sort(),
    );
    const shown = (await api.http().get(`/launches/${launch.id}`).set(as).expect(200)).body;
    expect(shown).toMatchObject({
      status: 'active',
      enrolled: PROSPECTS - SUPPRESSED.length,
      skippedSuppressed: SUPPRESSED.length,
    });
  });
});
