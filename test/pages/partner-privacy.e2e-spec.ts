import { ManualClock } from '@tcma/clock';
import { SweepService } from '@tcma/nurture';
import { QueueName } from '@tcma/queue';
import { authorDemoCampaign } from '../factories/demo-campaign.factory';
import { TenantFactory, TestPartner, TestVendor } from '../factories/tenant.factory';
import { ApiHarness, startApi } from '../support/api-harness';
import { eventually } from '../support/processes';
import { waitForQueueIdle } from '../support/queues';
import { startWorker, WorkerHarness } from '../support/worker-harness';

/** The people of partner P: a prospect it emailed, a lead from its page, an address it suppressed. */
const PROSPECT = 'private.prospect@people.example';
const LEAD = 'private.lead@people.example';
const SUPPRESSED = 'private.blocked@people.example';
const PEOPLE = [PROSPECT, LEAD, SUPPRESSED];

/**
 * A partner keeping its contacts private: the vendor's users then get counts and funnels only,
 * never one of that partner's people, through any endpoint that can name one (tested like
 * tenant isolation: the same requests answer the data once the partner shares it again).
 */
describe('partner privacy: the vendor gets no personal data of a private partner', () => {
  /** Monday 10:00 in Warsaw: inside the first step's send window. */
  const clock = new ManualClock(new Date('2026-11-23T09:00:00Z'));
  let api: ApiHarness;
  let worker: WorkerHarness;
  let vendor: TestVendor;
  let partner: TestPartner;
  let launchId: string;
  let outboxIds: string[];
  let suppressionId: string;
  let leadId: string;
  let prospectId: string;
  const as = (token: string) => ({ Authorization: `Bearer ${token}` });

  beforeAll(async () => {
    api = await startApi({ clock });
    worker = await startWorker({ roles: 'send,enroll,webhook', clock });
    const tenants = new TenantFactory(api);
    vendor = await tenants.vendor();
    partner = await tenants.partner(vendor, { role: 'partner_admin' });
    const campaign = await authorDemoCampaign(api, vendor.marketerToken);
    const p = as(partner.token);
    const base = `/partners/${partner.partnerId}`;
    await api
      .http()
      .put(`${base}/brand-kit`)
      .set(p)
      .send({ email: 'p@partner.example', website: 'https://p.example', address: '1 Main St, Springfield' })
      .expect(200);

    // A launch that has emailed a prospect (no SMTP server configured: the local outbox).
    prospectId = (
      await api.http().post(`${base}/prospects`).set(p).send({ email: PROSPECT, firstName: 'Priv' }).expect(201)
    ).body.id;
    launchId = (
      await api
        .http()
        .post('/launches')
        .set(p)
        .send({ campaignId: campaign.campaignId, audience: { type: 'all' } })
        .expect(202)
    ).body.id;
    await eventually(
      async () => ((await api.http().get(`/launches/${launchId}`).set(p)).body.status === 'active' ? true : undefined),
      'enrollment',
    );
    await worker.app.get(SweepService).sweep();
    await waitForQueueIdle(worker.app, QueueName.Send);
    // A lead from its landing page, whose notice to the partner's users also lands in the outbox.
    const partnerSlug = (await api.http().get(base).set(p).expect(200)).body.slug;
    const campaignSlug = (
      await api.http().get(`/campaigns/${campaign.campaignId}`).set(as(vendor.marketerToken)).expect(200)
    ).body.slug;
    await api
      .http()
      .post(`/p/${partnerSlug}/${campaignSlug}`)
      .type('form')
      .send({ email: LEAD, first_name: 'Lea', company: 'Lea Ltd', consent: 'yes', tcma_website: '' })
      .expect(200);
    leadId = (await api.http().get(`${base}/leads`).set(p).expect(200)).body.items[0].id;
    // An address it suppressed.
    suppressionId = (await api.http().post('/suppressions').set(p).send({ email: SUPPRESSED }).expect(201)).body.id;
    outboxIds = await eventually(async () => {
      const items = (await api.http().get('/outbox').set(p).expect(200)).body.items as Array<{
        id: string;
        to: string[];
      }>;
      return items.length >= 2 ? items.map((m) => m.id) : undefined;
    }, 'the send and the lead notice in the outbox');
  }, 180_000);

  afterAll(async () => {
    await worker?.close();
    await api?.close();
  });

  /** Every request a vendor user could make about the partner's people, with what each answers. */
  const probes = () => {
    const base = `/partners/${partner.partnerId}`;
    return [
      `/suppressions`,
      `/suppressions?partnerId=${partner.partnerId}`,
      `/suppressions?email=${encodeURIComponent(SUPPRESSED)}`,
      `/outbox?limit=200`,
      `/outbox?partnerId=${partner.partnerId}`,
      ...outboxIds.flatMap((id) => [`/outbox/${id}`, `/outbox/${id}/raw`, `/outbox/${id}/html`, `/outbox/${id}/text`]),
      `${base}/leads`,
      `/leads/${leadId}`,
      `${base}/prospects`,
      `${base}/prospects/${prospectId}`,
      `${base}/prospects/${prospectId}/consent`,
      `/launches/${launchId}/prospects`,
      `/launches/${launchId}/prospects/export`,
      `/launches/${launchId}/enrollments`,
      `/launches/${launchId}/due-days`,
      `/launches/${launchId}`,
      `/analytics/funnel?groupBy=launch`,
      `/analytics/funnel?groupBy=partner&format=csv`,
      `/analytics/partners`,
    ];
  };

  const personalIn = (text: string) => PEOPLE.filter((email) => text.toLowerCase().includes(email));

  it('shows the vendor its partner’s people while the partner shares them (the probes reach the data)', async () => {
    const seen = new Set<string>();
    for (const path of probes()) {
      const res = await api.http().get(path).set(as(vendor.adminToken));
      // A lead notice is text only: its HTML part does not exist, for anyone.
      const partMissing = /\/outbox\/[^/]+\/(html|text)$/.test(path) && res.status === 404;
      expect([path, res.status < 300 || partMissing]).toEqual([path, true]);
      for (const email of personalIn(res.text)) seen.add(email);
    }
    expect([...seen].sort()).toEqual([...PEOPLE].sort());
  });

  it('answers the vendor’s users no personal data of the partner once it keeps its contacts private, on any endpoint', async () => {
    await api
      .http()
      .put(`/partners/${partner.partnerId}/contacts-privacy`)
      .set(as(partner.token))
      .send({ contactsPrivate: true })
      .expect(200);
    for (const token of [vendor.adminToken, vendor.marketerToken]) {
      for (const path of probes()) {
        const res = await api.http().get(path).set(as(token));
        // Either refused as another tenant's (404) or answered without a single one of its people.
        expect([path, res.status === 404 || res.status < 300]).toEqual([path, true]);
        expect([path, personalIn(res.text)]).toEqual([path, []]);
      }
      // Listings answer, without the partner's rows.
      const outbox = (await api.http().get('/outbox?limit=200').set(as(token)).expect(200)).body;
      expect(outbox.items.filter((m: { partnerId: string | null }) => m.partnerId === partner.partnerId)).toEqual([]);
      const suppressions = (await api.http().get('/suppressions').set(as(token)).expect(200)).body;
      expect(suppressions.items.filter((s: { partnerId: string | null }) => s.partnerId === partner.partnerId)).toEqual(
        [],
      );
      // Counts and funnels still answer.
      await api.http().get(`/launches/${launchId}/due-days`).set(as(token)).expect(200);
      await api.http().get('/analytics/funnel?groupBy=partner').set(as(token)).expect(200);
    }
    const admin = as(vendor.adminToken);
    await api.http().get(`/outbox/${outboxIds[0]}`).set(admin).expect(404);
    await api.http().get(`/suppressions?partnerId=${partner.partnerId}`).set(admin).expect(404);
    await api.http().get(`/launches/${launchId}/prospects/export`).set(admin).expect(404);
    // Nor can the vendor probe (is this address suppressed there?) or lift the partner's suppression.
    await api
      .http()
      .post('/suppressions')
      .set(admin)
      .send({ email: SUPPRESSED, partnerId: partner.partnerId })
      .expect(404);
    await api.http().delete(`/suppressions/${suppressionId}`).set(admin).expect(404);
    // Nor ask whether a person is its prospect by reporting a conversion: the same 404 either way, nothing recorded.
    for (const email of [PROSPECT, 'nobody@people.example']) {
      const res = await api
        .http()
        .post('/conversions')
        .set(admin)
        .send({ email, partnerId: partner.partnerId })
        .expect(404);
      expect(res.body.message).toBe('Partner not found');
    }

    // The partner's own users see all of it.
    const p = as(partner.token);
    expect(
      (await api.http().get('/suppressions').set(p).expect(200)).body.items.map((s: { email: string }) => s.email),
    ).toContain(SUPPRESSED);
    expect(
      (await api.http().get('/outbox?limit=200').set(p).expect(200)).body.items.map((m: { id: string }) => m.id).sort(),
    ).toEqual([...outboxIds].sort());
    expect((await api.http().get(`/outbox/${outboxIds[0]}/raw`).set(p).expect(200)).text).toMatch(/people\.example/);
    expect((await api.http().get(`/launches/${launchId}/prospects/export`).set(p).expect(200)).text).toContain(
      PROSPECT,
    );
    // The vendor's refused conversion recorded nothing: the partner's own is the first for the launch.
    expect((await api.http().post('/conversions').set(p).send({ email: PROSPECT }).expect(200)).body.launches).toEqual([
      launchId,
    ]);
  });
});
