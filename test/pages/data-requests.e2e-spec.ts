import { ManualClock } from '@tcma/clock';
import { BlobStorage } from '@tcma/storage';
import { SweepService } from '@tcma/nurture';
import { QueueName } from '@tcma/queue';
import { createHash } from 'node:crypto';
import { authorDemoCampaign } from '../factories/demo-campaign.factory';
import { TenantFactory, TestPartner, TestVendor } from '../factories/tenant.factory';
import { ApiHarness, startApi } from '../support/api-harness';
import { eventually } from '../support/processes';
import { waitForQueueIdle } from '../support/queues';
import { startWorker, WorkerHarness } from '../support/worker-harness';
import { TestDb, testDb } from '../support/db';

const EMAIL = 'Erika.Mustermann@people.example';
const LOWER = EMAIL.toLowerCase();

/** Data subject requests: export everything held about an address, erase it (counts stay), each recorded without the address. */
describe('data requests: export and erasure of a prospect', () => {
  /** Monday 10:00 in Warsaw: inside the first step's send window. */
  const clock = new ManualClock(new Date('2026-11-23T09:00:00Z'));
  let api: ApiHarness;
  let worker: WorkerHarness;
  let db: TestDb;
  let vendor: TestVendor;
  let first: TestPartner;
  let second: TestPartner;
  let launchId: string;
  let importId: string;
  const as = (token: string) => ({ Authorization: `Bearer ${token}` });

  beforeAll(async () => {
    api = await startApi({ clock });
    worker = await startWorker({ roles: 'send,enroll,webhook', clock });
    db = testDb();
    const tenants = new TenantFactory(api);
    vendor = await tenants.vendor();
    first = await tenants.partner(vendor, { role: 'partner_admin' });
    second = await tenants.partner(vendor, { role: 'partner_admin' });
    const campaign = await authorDemoCampaign(api, vendor.marketerToken);
    const campaignSlug = (
      await api.http().get(`/campaigns/${campaign.campaignId}`).set(as(vendor.marketerToken)).expect(200)
    ).body.slug;
    for (const partner of [first, second]) {
      const p = as(partner.token);
      const base = `/partners/${partner.partnerId}`;
      await api
        .http()
        .put(`${base}/brand-kit`)
        .set(p)
        .send({ email: 'p@partner.example', website: 'https://p.example', address: '1 Main St, Springfield' })
        .expect(200);
      const prospectId = (
        await api
          .http()
          .post(`${base}/prospects`)
          .set(p)
          .send({ email: EMAIL, firstName: 'Erika', company: 'Muster GmbH' })
          .expect(201)
      ).body.id;
      const listId = (await api.http().post(`${base}/lists`).set(p).send({ name: 'Trade fair' }).expect(201)).body.id;
      await api
        .http()
        .post(`${base}/lists/${listId}/members`)
        .set(p)
        .send({ prospectIds: [prospectId] })
        .expect(200);
    }
    // The first partner emails her (the local outbox), has a webhook wanting its leads, and she registers on its page.
    const p1 = as(first.token);
    await api
      .http()
      .post('/webhooks')
      .set(p1)
      .send({ url: 'https://crm.first.example/hook', eventTypes: ['lead_created'] })
      .expect(201);
    launchId = (
      await api
        .http()
        .post('/launches')
        .set(p1)
        .send({ campaignId: campaign.campaignId, audience: { type: 'all' } })
        .expect(202)
    ).body.id;
    await eventually(
      async () => ((await api.http().get(`/launches/${launchId}`).set(p1)).body.status === 'active' ? true : undefined),
      'enrollment',
    );
    await worker.app.get(SweepService).sweep();
    await waitForQueueIdle(worker.app, QueueName.Send);
    const partnerSlug = (await api.http().get(`/partners/${first.partnerId}`).set(p1).expect(200)).body.slug;
    await api
      .http()
      .post(`/p/${partnerSlug}/${campaignSlug}`)
      .set('User-Agent', 'Mozilla/5.0 Erika')
      .type('form')
      .send({ email: EMAIL, first_name: 'Erika', company: 'Muster GmbH', consent: 'yes', tcma_website: '' })
      .expect(200);
    await api.http().post('/suppressions').set(p1).send({ email: EMAIL }).expect(201);
    await eventually(
      async () => ((await api.http().get('/outbox').set(p1).expect(200)).body.total >= 2 ? true : undefined),
      'the send and the lead notice',
    );
    // An import with a row naming her that was refused (a time zone no one has): she is in its rejected-rows report and its file.
    const csv = `email,first_name,time zone\r\n ${EMAIL.toUpperCase()} ,Erika,Mars/Olympus\r\notto@people.example,Otto,Europe/Berlin\r\nnot an address,Nobody,\r\n`;
    importId = (
      await api
        .http()
        .post(`/partners/${first.partnerId}/imports`)
        .set(p1)
        .set('Content-Type', 'text/csv')
        .send(csv)
        .expect(202)
    ).body.id;
    await eventually(
      async () =>
        (await api.http().get(`/partners/${first.partnerId}/imports/${importId}`).set(p1).expect(200)).body.status ===
        'completed'
          ? true
          : undefined,
      'the import',
    );
  }, 180_000);

  afterAll(async () => {
    await worker?.close();
    await api?.close();
  });

  it('refuses a request without a usable address, field by field', async () => {
    const res = await api
      .http()
      .post('/data-requests/export')
      .set(as(first.token))
      .send({ email: 'not an address' })
      .expect(400);
    expect(res.body.errors).toEqual([expect.objectContaining({ path: 'email' })]);
    await api.http().post('/data-requests/erasure').set(as(first.token)).send({}).expect(400);
    // Marketers do not answer data requests; another vendor's partner is not found.
    await api.http().post('/data-requests/export').set(as(vendor.marketerToken)).send({ email: EMAIL }).expect(403);
    await api
      .http()
      .post('/data-requests/export')
      .set(as(first.token))
      .send({ email: EMAIL, partnerId: second.partnerId })
      .expect(404);
  });

  it('exports everything a partner holds about the address, and nothing of another partner', async () => {
    const res = await api
      .http()
      .post('/data-requests/export')
      .set(as(first.token))
      .send({ email: EMAIL.toUpperCase() })
      .expect(200);
    expect(res.body.email).toBe(LOWER);
    expect(res.body.partners).toHaveLength(1);
    const held = res.body.partners[0];
    expect(held).toMatchObject({
      partnerId: first.partnerId,
      prospect: { email: EMAIL, firstName: 'Erika', company: 'Muster GmbH' },
      lists: ['Trade fair'],
    });
    // Her consent history: added by the partner (an import), then the form.
    expect(held.consent).toEqual([
      expect.objectContaining({ granted: true, source: 'import', declaredSource: null }),
      expect.objectContaining({ granted: true, source: 'form', userAgent: 'Mozilla/5.0 Erika' }),
    ]);
    expect(held.leads).toEqual([
      expect.objectContaining({ status: 'new', fields: expect.objectContaining({ email: EMAIL }) }),
    ]);
    expect(held.enrollments).toEqual([expect.objectContaining({ launchId })]);
    expect(held.sends).toEqual([expect.objectContaining({ launchId, step: 1 })]);
    expect(held.events.map((e: { type: string }) => e.type)).toEqual(expect.arrayContaining(['form_submitted']));
    expect(res.body.suppressions).toEqual([expect.objectContaining({ emailLower: LOWER, partnerId: first.partnerId })]);
  });

  it('exports across the partners a vendor admin sees, never one keeping its contacts private', async () => {
    const admin = as(vendor.adminToken);
    const both = (await api.http().post('/data-requests/export').set(admin).send({ email: EMAIL }).expect(200)).body;
    expect(both.partners.map((p: { partnerId: string }) => p.partnerId).sort()).toEqual(
      [first.partnerId, second.partnerId].sort(),
    );
    await api
      .http()
      .put(`/partners/${second.partnerId}/contacts-privacy`)
      .set(as(second.token))
      .send({ contactsPrivate: true })
      .expect(200);
    const seen = (await api.http().post('/data-requests/export').set(admin).send({ email: EMAIL }).expect(200)).body;
    expect(seen.partners.map((p: { partnerId: string }) => p.partnerId)).toEqual([first.partnerId]);
    await api
      .http()
      .post('/data-requests/export')
      .set(admin)
      .send({ email: EMAIL, partnerId: second.partnerId })
      .expect(404);
    await api
      .http()
      .post('/data-requests/erasure')
      .set(admin)
      .send({ email: EMAIL, partnerId: second.partnerId })
      .expect(404);
    await api
      .http()
      .put(`/partners/${second.partnerId}/contacts-privacy`)
      .set(as(second.token))
      .send({ contactsPrivate: false })
      .expect(200);
  });

  it("erases the address within the partner: the person goes, the counts stay, the other partner's prospect stays", async () => {
    const countsOf = async () => ({
      ...(
        await db.query(
          `SELECT (SELECT count(*)::int FROM events WHERE partner_id = $1) AS events, (SELECT enrolled FROM launches WHERE id = $2) AS enrolled`,
          [first.partnerId, launchId],
        )
      )[0],
      funnel: (await api.http().get('/analytics/funnel?groupBy=launch').set(as(vendor.adminToken)).expect(200)).body,
    });
    const before = await countsOf();
    expect(before.events).toBeGreaterThan(0);
    const [delivery] = await db.query(
      "SELECT payload FROM webhook_deliveries WHERE partner_id = $1 AND event_type = 'lead_created'",
      [first.partnerId],
    );
    expect(JSON.stringify(delivery.payload)).toContain(EMAIL);

    const importPath = `/partners/${first.partnerId}/imports/${importId}`;
    const reportBefore = (await api.http().get(`${importPath}/report`).set(as(first.token)).expect(200)).text;
    expect(reportBefore.toLowerCase()).toContain(LOWER);
    expect((await api.http().get(importPath).set(as(first.token)).expect(200)).body.rejected).toBe(2);
    const [{ file_key: fileKey }] = await db.query('SELECT file_key FROM prospect_imports WHERE id = $1', [importId]);
    expect(await api.app.get(BlobStorage).has(fileKey)).toBe(true);

    const res = await api.http().post('/data-requests/erasure').set(as(first.token)).send({ email: EMAIL }).expect(200);
    expect(res.body.erased).toMatchObject({
      prospects: 1,
      consentRecords: 2,
      leads: 1,
      enrollments: 1,
      webhookDeliveries: 1,
      importReportRows: 1,
      importFiles: 1,
    });
    // Her row left the import's report (the other refused row stays, the count follows) and the uploaded file is gone.
    const reportAfter = (await api.http().get(`${importPath}/report`).set(as(first.token)).expect(200)).text;
    expect(reportAfter.toLowerCase()).not.toContain(LOWER);
    expect(reportAfter).toContain('not an address');
    expect(reportAfter.split('\r\n')[0]).toBe(reportBefore.split('\r\n')[0]);
    expect((await api.http().get(`${importPath}/rejections`).set(as(first.token)).expect(200)).body).toMatchObject({
      total: 1,
      items: [expect.objectContaining({ values: expect.arrayContaining(['not an address']) })],
    });
    expect(await api.app.get(BlobStorage).has(fileKey)).toBe(false);
    expect(res.body.erased.events).toBeGreaterThan(0);
    expect(res.body.erased.outboxMessages).toBeGreaterThan(0);

    expect(
      await db.query('SELECT id FROM prospects WHERE partner_id = $1 AND email_lower = $2', [first.partnerId, LOWER]),
    ).toEqual([]);
    // Her consent records went with her (Otto's, from the import, stays).
    expect(
      await db.query(
        'SELECT c.source FROM consent_records c LEFT JOIN prospects p ON p.id = c.prospect_id WHERE c.partner_id = $1 AND p.email_lower IS DISTINCT FROM $2',
        [first.partnerId, 'otto@people.example'],
      ),
    ).toEqual([]);
    expect(await db.query('SELECT id FROM leads WHERE partner_id = $1', [first.partnerId])).toEqual([]);
    expect(
      await db.query('SELECT id FROM events WHERE partner_id = $1 AND user_agent IS NOT NULL', [first.partnerId]),
    ).toEqual([]);
    expect(
      await db.query('SELECT id FROM outbox_messages WHERE partner_id = $1 AND $2 = ANY(recipients)', [
        first.partnerId,
        LOWER,
      ]),
    ).toEqual([]);
    const deliveries = await db.query('SELECT payload FROM webhook_deliveries WHERE partner_id = $1', [
      first.partnerId,
    ]);
    expect(deliveries.length).toBeGreaterThan(0);
    expect(JSON.stringify(deliveries).toLowerCase()).not.toContain(LOWER);
    // Aggregate counts stay; the suppression stays, so she is never emailed again.
    expect(await countsOf()).toEqual(before);
    expect(
      (await api.http().get('/suppressions').set(as(first.token)).expect(200)).body.items.map((s: { email: string }) =>
        s.email.toLowerCase(),
      ),
    ).toContain(LOWER);
    // Nothing left to export there; the other partner's prospect is untouched.
    expect(
      (await api.http().post('/data-requests/export').set(as(first.token)).send({ email: EMAIL }).expect(200)).body
        .partners,
    ).toEqual([]);
    expect(
      (await api.http().post('/data-requests/export').set(as(second.token)).send({ email: EMAIL }).expect(200)).body
        .partners,
    ).toHaveLength(1);
  });

  it('records each request, who made it and what was found, without the address', async () => {
    const mine = (await api.http().get('/data-requests').set(as(first.token)).expect(200)).body;
    expect(mine.items.map((r: { kind: string }) => r.kind)).toEqual(['export', 'erasure', 'export']);
    const hash = createHash('sha256').update(LOWER).digest('hex');
    expect(
      mine.items.every(
        (r: { emailHash: string; partnerId: string }) => r.emailHash === hash && r.partnerId === first.partnerId,
      ),
    ).toBe(true);
    expect(mine.items[1].found).toMatchObject({ prospects: 1, leads: 1 });
    // The second partner sees only its own; the vendor admin sees every one, its own vendor-wide ones with no partner.
    expect(
      (await api.http().get('/data-requests').set(as(second.token)).expect(200)).body.items.every(
        (r: { partnerId: string }) => r.partnerId === second.partnerId,
      ),
    ).toBe(true);
    const all = (await api.http().get('/data-requests').set(as(vendor.adminToken)).expect(200)).body.items as Array<{
      partnerId: string | null;
    }>;
    expect(all.filter((r) => r.partnerId === null).length).toBe(2);
    const rows = await db.query('SELECT * FROM data_requests');
    expect(JSON.stringify(rows).toLowerCase()).not.toContain(LOWER);
  });
});
