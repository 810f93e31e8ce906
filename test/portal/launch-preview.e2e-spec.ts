import { ManualClock } from '@tcma/clock';
import { authorDemoCampaign } from '../factories/demo-campaign.factory';
import { TenantFactory, TestPartner, TestVendor } from '../factories/tenant.factory';
import { ApiHarness, startApi } from '../support/api-harness';
import { testDb } from '../support/db';

/** The launch wizard's dry run: send times per step by zone, and exclusions by reason, with nothing written. */
describe('launch preview', () => {
  const clock = new ManualClock(new Date('2026-11-23T09:00:00Z'));
  let api: ApiHarness;
  let tenants: TenantFactory;
  let vendor: TestVendor;
  let partner: TestPartner;
  let neighbour: TestPartner;
  let campaignId: string;
  const as = (token: string) => ({ Authorization: `Bearer ${token}` });
  const preview = (token: string, body: object) => api.http().post('/launches/preview').set(as(token)).send(body);
  const counts = async () =>
    (
      await testDb().query<Array<{ launches: number; enrollments: number }>>(
        'SELECT (SELECT count(*)::int FROM launches) AS launches, (SELECT count(*)::int FROM enrollments) AS enrollments',
      )
    )[0];

  beforeAll(async () => {
    api = await startApi({ clock });
    tenants = new TenantFactory(api);
    vendor = await tenants.vendor();
    partner = await tenants.partner(vendor, { timezone: 'Europe/Warsaw' });
    neighbour = await tenants.partner(vendor);
    campaignId = (await authorDemoCampaign(api, vendor.marketerToken)).campaignId;
    // 10,000 prospects: 6 in 10 in New York, 3 in 10 without a zone (the partner's), 1 in 10 in Tokyo.
    await testDb().query(
      `INSERT INTO prospects (vendor_id, partner_id, email, email_lower, timezone)
       SELECT $1, $2, 'p' || i || '@bulk.example', 'p' || i || '@bulk.example',
              CASE WHEN i % 10 < 6 THEN 'America/New_York' WHEN i % 10 < 9 THEN NULL ELSE 'Asia/Tokyo' END
       FROM generate_series(0, 9999) AS i`,
      [vendor.vendorId, partner.partnerId],
    );
    // p0 unsubscribed (vendor-wide), p1 bounced, p2 suppressed for this campaign, p3 both
    // unsubscribed and suppressed (counted once, as unsubscribed), p4 only for another campaign.
    const other = (
      await api.http().post('/campaigns').set(as(vendor.marketerToken)).send({ name: 'Other' }).expect(201)
    ).body.id;
    await testDb().query(
      `INSERT INTO suppressions (vendor_id, partner_id, campaign_id, email_lower, reason) VALUES
         ($1, NULL, NULL, 'p0@bulk.example', 'unsubscribed'), ($1, $2, NULL, 'p1@bulk.example', 'bounced'),
         ($1, $2, $3, 'p2@bulk.example', 'manual'), ($1, NULL, NULL, 'p3@bulk.example', 'unsubscribed'),
         ($1, $2, NULL, 'p3@bulk.example', 'complaint'), ($1, $2, $4, 'p4@bulk.example', 'manual')`,
      [vendor.vendorId, partner.partnerId, campaignId, other],
    );
  }, 120_000);
  afterAll(() => api.close());

  it('answers each step of each zone with its count, and the exclusions by reason, for 10,000 prospects at once, writing nothing', async () => {
    const before = await counts();
    const started = Date.now();
    const res = await preview(partner.token, {
      campaignId,
      audience: { type: 'all' },
      startAt: '2026-11-24T10:00:00Z',
    }).expect(200);
    const elapsed = Date.now() - started;
    expect(elapsed).toBeLessThan(2000);
    const times = (zone: string) =>
      res.body.zones
        .find((z: { timezone: string }) => z.timezone === zone)
        .steps.map((s: { sendAt: string }) => s.sendAt);
    expect(res.body).toMatchObject({
      campaignId,
      version: 1,
      startAt: '2026-11-24T10:00:00.000Z',
      audience: 10_000,
      enrolled: 9_996,
      excluded: { unsubscribed: 2, invalid: 1, suppressed: 1 },
    });
    expect(res.body.zones.map((z: { timezone: string; prospects: number }) => [z.timezone, z.prospects])).toEqual([
      ['America/New_York', 5_996],
      ['Europe/Warsaw', 3_000],
      ['Asia/Tokyo', 1_000],
    ]);
    // Tuesday 10:00 UTC: 05:00 in New York (the window opens at 08:00), 11:00 in Warsaw, 19:00 in Tokyo (closed until Wednesday 08:00).
    expect(times('America/New_York')).toEqual([
      '2026-11-24T13:00:00.000Z',
      '2026-11-27T14:00:00.000Z',
      '2026-12-01T15:00:00.000Z',
    ]);
    expect(times('Europe/Warsaw')).toEqual([
      '2026-11-24T10:00:00.000Z',
      '2026-11-27T10:00:00.000Z',
      '2026-12-01T09:00:00.000Z',
    ]);
    expect(times('Asia/Tokyo')).toEqual([
      '2026-11-24T23:00:00.000Z',
      '2026-11-30T00:00:00.000Z',
      '2026-12-01T01:00:00.000Z',
    ]);
    expect(res.body.zones[0].steps[0]).toEqual({
      step: 1,
      emailAssetId: expect.any(String),
      name: expect.any(String),
      subject: expect.any(String),
      conditional: false,
      sendAt: '2026-11-24T13:00:00.000Z',
    });
    expect(await counts()).toEqual(before);
  });

  it('previews a list audience, and a vendor user previews for its partner', async () => {
    const list = await api
      .http()
      .post(`/partners/${partner.partnerId}/lists`)
      .set(as(partner.token))
      .send({ name: 'Few' })
      .expect(201);
    const ids = (
      await testDb().query<Array<{ id: string }>>(
        `SELECT id FROM prospects WHERE email_lower IN ('p0@bulk.example', 'p9@bulk.example', 'p10@bulk.example')`,
      )
    ).map((r) => String(r.id));
    await api
      .http()
      .post(`/partners/${partner.partnerId}/lists/${list.body.id}/members`)
      .set(as(partner.token))
      .send({ prospectIds: ids })
      .expect(200);
    const res = await preview(vendor.marketerToken, {
      campaignId,
      partnerId: partner.partnerId,
      audience: { type: 'list', listId: list.body.id },
    }).expect(200);
    expect(res.body).toMatchObject({
      audience: 3,
      enrolled: 2,
      excluded: { unsubscribed: 1, invalid: 0, suppressed: 0 },
      startAt: clock.now().toISOString(),
    });
    expect(res.body.zones.map((z: { timezone: string; prospects: number }) => [z.timezone, z.prospects])).toEqual([
      ['America/New_York', 1],
      ['Asia/Tokyo', 1],
    ]);
  });

  it('lists what would refuse the launch, exactly as the launch refuses it, and still counts the audience', async () => {
    // The partner has no brand kit yet, and names a slot the campaign has not.
    const body = { campaignId, audience: { type: 'all' }, slotValues: { nope: 'x' } };
    const before = await counts();
    const dryRun = await preview(partner.token, body).expect(200);
    expect(dryRun.body.enrolled).toBeGreaterThan(0);
    expect(dryRun.body.problems).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ path: 'slots.website', code: 'slot.value_missing' }),
        { path: 'slotValues.nope', message: 'is not a slot of this campaign' },
      ]),
    );
    const refused = await api.http().post('/launches').set(as(partner.token)).send(body).expect(422);
    expect(refused.body.errors).toEqual(dryRun.body.problems);
    expect(await counts()).toEqual(before);
  });

  it("answers 404 for another partner's list or partner, and per field for a bad body", async () => {
    const theirs = await api
      .http()
      .post(`/partners/${neighbour.partnerId}/lists`)
      .set(as(neighbour.token))
      .send({ name: 'Theirs' })
      .expect(201);
    await preview(partner.token, { campaignId, audience: { type: 'list', listId: theirs.body.id } }).expect(404);
    const other = await tenants.vendor();
    await preview(other.marketerToken, { campaignId, partnerId: partner.partnerId, audience: { type: 'all' } }).expect(
      404,
    );
    await preview(vendor.marketerToken, { campaignId, audience: { type: 'all' } }).expect(422);
    const past = await preview(partner.token, {
      campaignId,
      audience: { type: 'all' },
      startAt: '2026-11-01T00:00:00Z',
    }).expect(422);
    expect(past.body.errors).toEqual([{ path: 'startAt', message: 'must not be in the past' }]);
    const bad = await preview(partner.token, { campaignId, audience: { type: 'everyone' } }).expect(400);
    expect(bad.body.errors).toEqual([expect.objectContaining({ path: 'audience.type' })]);
  });
});
