import { ManualClock } from '@tcma/clock';
import { CrmSweepService } from '@tcma/crm';
import { QueueName } from '@tcma/queue';
import { TenantFactory, TestPartner, TestVendor } from '../factories/tenant.factory';
import { ApiHarness, startApi } from '../support/api-harness';
import { launchedLandingPage } from '../support/crm-landing';
import { TestDb, testDb } from '../support/db';
import { HubspotStub, startHubspotStub } from '../support/hubspot-stub';
import { waitForQueueIdle } from '../support/queues';
import { startWorker, WorkerHarness } from '../support/worker-harness';

const as = (token: string) => ({ Authorization: `Bearer ${token}` });

/**
 * CRM hand-off against an in-process HubSpot: a partner connects its portal through OAuth, its
 * landing-page lead becomes one contact with a note naming the campaign (field mapping applied),
 * the vendor's own portal gets only shared partners' leads (of a private partner the counts alone,
 * and its records name their partner), a won deal comes back as revenue on
 * the launch, and a refused token, a rate limit and a refused record are each handled as the
 * CRM tells.
 */
describe('CRM hand-off: leads into HubSpot exactly once, revenue back', () => {
  /** Monday 10:00 in Warsaw: inside the first step's send window. */
  const clock = new ManualClock(new Date('2026-11-23T09:00:00Z'));
  let hubspot: HubspotStub;
  let api: ApiHarness;
  let worker: WorkerHarness;
  let db: TestDb;
  let vendor: TestVendor;
  let partner: TestPartner;
  let other: TestPartner;
  let campaignId: string;
  let campaignName: string;
  let launchId: string;
  let landing: string;
  const partnerHub = '61000001';
  const vendorHub = '62000002';

  /** OAuth from start to callback, as the browser goes: the location the engine sends it to at the end. */
  const connect = async (token: string, hubId: string, hubDomain: string): Promise<string> => {
    hubspot.hubId = hubId;
    hubspot.hubDomain = hubDomain;
    const start = await api.http().post('/crm-connections/hubspot/start').set(as(token)).expect(200);
    const cookie = (start.headers['set-cookie'] as unknown as string[]).find((c) => c.startsWith('tcma_crm='))!;
    const authorize = await fetch(start.body.authorizationUrl, { redirect: 'manual' });
    const callback = new URL(authorize.headers.get('location')!);
    expect(callback.pathname).toBe('/crm/callback/hubspot');
    const back = await api
      .http()
      .get(callback.pathname + callback.search)
      .set('Cookie', cookie.split(';')[0])
      .expect(302);
    return back.headers.location;
  };
  const submit = (email: string, fields: Record<string, string> = {}) =>
    api
      .http()
      .post(landing)
      .type('form')
      .send({
        email,
        first_name: 'Marta',
        last_name: 'Kowalska',
        company: 'Kowalska Sp.',
        consent: 'yes',
        tcma_website: '',
        ...fields,
      })
      .expect(200);
  const settle = async () => {
    await worker.app.get(CrmSweepService).sweep();
    await waitForQueueIdle(worker.app, QueueName.Crm);
  };
  const recordOf = async (email: string, hub = partnerHub) =>
    (
      await db.query<
        Array<{
          id: string;
          status: string;
          attempts: number;
          uncertain: boolean;
          last_error: string | null;
          next_attempt_at: Date;
        }>
      >(
        `SELECT r.id, r.status, r.attempts, r.uncertain, r.last_error, r.next_attempt_at
           FROM crm_records r JOIN crm_connections c ON c.id = r.connection_id
           JOIN leads l ON l.id = r.lead_id JOIN prospects p ON p.id = l.prospect_id
          WHERE p.email_lower = $1 AND c.account_id = $2`,
        [email, hub],
      )
    )[0];
  const contactsIn = (hub: string, email?: string) =>
    hubspot.contacts.filter((c) => c.hubId === hub && (!email || c.properties.email === email));

  beforeAll(async () => {
    hubspot = await startHubspotStub();
    hubspot.now = () => clock.now().getTime();
    const env = { ...hubspot.env(), WEBHOOK_ALLOWED_PRIVATE_TARGETS: '127.0.0.1' };
    api = await startApi({ clock, env });
    worker = await startWorker({ roles: 'send,enroll,webhook', clock, env });
    db = testDb();
    const tenants = new TenantFactory(api);
    vendor = await tenants.vendor();
    partner = await tenants.partner(vendor, { role: 'partner_admin', companyName: 'Northwind Partners' });
    other = await tenants.partner(vendor, { role: 'partner_admin' });
    ({ campaignId, campaignName, launchId, landing } = await launchedLandingPage(api, worker, vendor, partner));
  }, 180_000);

  afterAll(async () => {
    await worker?.close();
    await api?.close();
    await hubspot?.stop();
  });

  it('connects the partner’s HubSpot through OAuth, lists its fields and keeps a checked field mapping', async () => {
    const p = as(partner.token);
    expect(await connect(partner.token, partnerHub, 'northwind.hubspot.example')).toMatch(
      /\/portal\/crm\?connected=hubspot$/,
    );
    const [connection] = (await api.http().get('/crm-connections').set(p).expect(200)).body.items;
    expect(connection).toMatchObject({
      provider: 'hubspot',
      accountId: partnerHub,
      accountName: 'northwind.hubspot.example',
      status: 'active',
      partnerId: partner.partnerId,
      effectiveMapping: { email: 'email', first_name: 'firstname', company: 'company' },
    });
    expect(connection).not.toHaveProperty('accessTokenSealed');
    const fields = (await api.http().get(`/crm-connections/${connection.id}/fields`).set(p).expect(200)).body.items;
    expect(fields.map((f: { name: string }) => f.name)).toEqual(expect.arrayContaining(['annual_budget', 'jobtitle']));
    expect(fields.map((f: { name: string }) => f.name)).not.toContain('hs_object_id');

    const refused = await api
      .http()
      .put(`/crm-connections/${connection.id}/field-mapping`)
      .set(p)
      .send({ fieldMapping: { company: 'hs_object_id', 'Bad Name': 'x', email: 'company' } })
      .expect(422);
    expect(refused.body.errors).toEqual(
      expect.arrayContaining([
        { path: 'fieldMapping.Bad Name', message: expect.stringContaining('form field') },
        { path: 'fieldMapping.email', message: expect.stringContaining('always') },
      ]),
    );
    const unknownField = await api
      .http()
      .put(`/crm-connections/${connection.id}/field-mapping`)
      .set(p)
      .send({ fieldMapping: { company: 'hs_object_id' } })
      .expect(422);
    expect(unknownField.body.errors).toEqual([
      { path: 'fieldMapping.company', message: '"hs_object_id" is not a writable contact field of this CRM' },
    ]);
    const kept = await api
      .http()
      .put(`/crm-connections/${connection.id}/field-mapping`)
      .set(p)
      .send({ fieldMapping: { last_name: '', title: 'jobtitle' } })
      .expect(200);
    expect(kept.body.effectiveMapping).not.toHaveProperty('last_name');
    // Another partner (and the vendor) sees none of it.
    expect((await api.http().get('/crm-connections').set(as(other.token)).expect(200)).body.items).toEqual([]);
    await api.http().get(`/crm-connections/${connection.id}/fields`).set(as(other.token)).expect(404);
    expect((await api.http().get('/crm-connections').set(as(vendor.adminToken)).expect(200)).body.items).toEqual([]);
  });

  it('writes a landing-page lead to the partner’s HubSpot once, mapped, with a note naming the campaign and partner', async () => {
    await submit('marta@kowalska.example');
    await settle();
    const [contact] = contactsIn(partnerHub, 'marta@kowalska.example');
    expect(contact.properties).toEqual({
      email: 'marta@kowalska.example',
      firstname: 'Marta',
      company: 'Kowalska Sp.',
    });
    const notes = hubspot.notes.filter((n) => n.contactIds.includes(contact.id));
    expect(notes).toHaveLength(1);
    expect(notes[0].body).toContain(campaignName);
    expect(notes[0].body).toContain('Northwind Partners');
    expect(notes[0].body).toContain('after email step 1');

    // Sweeping again writes nothing more.
    await settle();
    expect(hubspot.callsTo(/^\/crm\/v3\/objects\/(contacts|notes)$/, 'POST')).toHaveLength(2);

    // The same person again: the same contact (HubSpot answers its email with it), a second note for the second lead.
    await submit('marta@kowalska.example', { company: 'Kowalska Group' });
    await settle();
    expect(contactsIn(partnerHub)).toHaveLength(1);
    expect(hubspot.callsTo(/^\/crm\/v3\/objects\/contacts$/, 'POST').map((c) => c.status)).toEqual([201, 409]);
    expect(hubspot.notes.filter((n) => n.contactIds.includes(contact.id))).toHaveLength(2);

    const [connection] = (await api.http().get('/crm-connections').set(as(partner.token)).expect(200)).body.items;
    const records = (
      await api.http().get(`/crm-connections/${connection.id}/records`).set(as(partner.token)).expect(200)
    ).body;
    expect(records.total).toBe(2);
    expect(records.items).toEqual([
      expect.objectContaining({
        email: 'marta@kowalska.example',
        status: 'written',
        crmContactId: contact.id,
        campaignName,
        partnerId: partner.partnerId,
        partnerName: 'Northwind Partners',
        attempts: 1,
      }),
      expect.objectContaining({
        email: 'marta@kowalska.example',
        status: 'written',
        crmContactId: contact.id,
        attempts: 1,
      }),
    ]);
    // Another partner cannot read them.
    await api.http().get(`/crm-connections/${connection.id}/records`).set(as(other.token)).expect(404);
  });

  it('writes to the vendor’s own HubSpot only the leads of partners that share their contacts', async () => {
    expect(await connect(vendor.adminToken, vendorHub, 'vendor.hubspot.example')).toMatch(
      /\/console\/crm\?connected=hubspot$/,
    );
    await submit('shared@people.example');
    await api
      .http()
      .put(`/partners/${partner.partnerId}/contacts-privacy`)
      .set(as(partner.token))
      .send({ contactsPrivate: true })
      .expect(200);
    await submit('private@people.example');
    await settle();
    expect(contactsIn(vendorHub).map((c) => c.properties.email)).toEqual(['shared@people.example']);
    expect(contactsIn(partnerHub).map((c) => c.properties.email)).toEqual(
      expect.arrayContaining(['shared@people.example', 'private@people.example']),
    );
    expect(await recordOf('private@people.example', vendorHub)).toBeUndefined();

    // The counts alone: how many of the private partner's leads the vendor's CRM did not get, never
    // who (the partner's earlier leads came before the vendor connected: nothing was held back then).
    const heldBack = (
      await api.http().get('/crm-records/held-back').query({ days: 30 }).set(as(vendor.adminToken)).expect(200)
    ).body;
    expect(heldBack).toMatchObject({
      days: 30,
      leads: 1,
      partnersTotal: 1,
      partners: [
        {
          partnerId: partner.partnerId,
          partnerName: 'Northwind Partners',
          leads: 1,
          campaigns: [{ campaignId, campaignName, leads: 1 }],
        },
      ],
    });
    expect(JSON.stringify(heldBack)).not.toContain('@people.example');
    expect((await api.http().get('/crm-records/held-back').set(as(vendor.marketerToken)).expect(200)).body.leads).toBe(
      1,
    );
    // A partner's user is refused the vendor's counts (its own partner's included).
    await api.http().get('/crm-records/held-back').set(as(partner.token)).expect(403);
    await api.http().get('/crm-records/held-back').set(as(other.token)).expect(403);

    // The vendor's records name their partner and narrow to one; a partner names only itself.
    const [own] = (await api.http().get('/crm-connections').set(as(vendor.adminToken)).expect(200)).body.items;
    const listRecords = (connectionId: string, token = vendor.adminToken) =>
      api.http().get(`/crm-connections/${connectionId}/records`).set(as(token));
    const ofPartner = (await listRecords(own.id).query({ partnerId: partner.partnerId }).expect(200)).body;
    expect(ofPartner.items).toEqual([
      expect.objectContaining({
        email: 'shared@people.example',
        partnerId: partner.partnerId,
        partnerName: 'Northwind Partners',
      }),
    ]);
    expect((await listRecords(own.id).query({ partnerId: other.partnerId }).expect(200)).body.total).toBe(0);
    const [partnerOwn] = (await api.http().get('/crm-connections').set(as(partner.token)).expect(200)).body.items;
    await listRecords(partnerOwn.id, partner.token).query({ partnerId: other.partnerId }).expect(404);

    await api
      .http()
      .put(`/partners/${partner.partnerId}/contacts-privacy`)
      .set(as(partner.token))
      .send({ contactsPrivate: false })
      .expect(200);
  });

  it('records a won deal as revenue on the launch once, with its amount and currency; bad signatures are refused', async () => {
    const url = `${api.config.publicBaseUrl}/crm/hubspot/events`;
    const post = (request: { body: string; headers: Record<string, string> }) =>
      api.http().post('/crm/hubspot/events').set(request.headers).send(request.body);
    const [contact] = contactsIn(partnerHub, 'marta@kowalska.example');
    // The partner's endpoint for won deals (nothing listens there: the delivery recorded is what is checked).
    await api
      .http()
      .post('/webhooks')
      .set(as(partner.token))
      .send({ url: 'http://127.0.0.1:9/deals', eventTypes: ['deal_won'] })
      .expect(201);
    const open = hubspot.addDeal({ contactIds: [contact.id], amount: '900', currency: 'EUR', stage: 'qualifiedtobuy' });
    const won = hubspot.addDeal({ contactIds: [contact.id], amount: '12500.50', currency: null, stage: 'closedwon' });
    // Signed with another secret, altered on the way, or too old: refused, nothing recorded.
    const dealEvents = (ids: string[], options: Parameters<HubspotStub['dealEvents']>[2] = {}) =>
      hubspot.dealEvents(url, ids, { portalId: partnerHub, ...options });
    await post(dealEvents([won.id], { secret: 'not-the-secret' })).expect(401);
    await post(dealEvents([won.id], { tamper: true })).expect(401);
    await post(dealEvents([won.id], { timestamp: clock.now().getTime() - 6 * 60_000 })).expect(401);
    expect(await db.query('SELECT 1 FROM crm_revenue')).toEqual([]);

    expect((await post(dealEvents([open.id, won.id])).expect(200)).body).toEqual({ recorded: 1 });
    // HubSpot sends again (it retries): still once.
    expect((await post(dealEvents([won.id])).expect(200)).body).toEqual({ recorded: 0 });

    const revenue = (await api.http().get('/revenue').set(as(vendor.marketerToken)).expect(200)).body;
    expect(revenue.totals).toEqual([{ currency: 'EUR', amount: '12500.50', deals: 1 }]);
    expect(revenue.byCampaign).toEqual([
      { id: campaignId, name: campaignName, currency: 'EUR', amount: '12500.50', deals: 1 },
    ]);
    expect(revenue.byPartner).toEqual([
      { id: partner.partnerId, name: 'Northwind Partners', currency: 'EUR', amount: '12500.50', deals: 1 },
    ]);
    const [row] = await db.query<Array<{ launch_id: string }>>('SELECT launch_id FROM crm_revenue WHERE deal_id = $1', [
      won.id,
    ]);
    expect(row.launch_id).toBe(launchId);
    const deliveries = await db.query<Array<{ payload: { type: string; data: Record<string, unknown> } }>>(
      "SELECT payload FROM webhook_deliveries WHERE payload->>'type' = 'deal_won'",
    );
    expect(deliveries.map((d) => d.payload.data)).toEqual([
      expect.objectContaining({
        provider: 'hubspot',
        dealId: won.id,
        amount: '12500.50',
        currency: 'EUR',
        partnerId: partner.partnerId,
        campaignId,
        launchId,
      }),
    ]);
    // The partner sees its own; another partner none.
    expect((await api.http().get('/revenue').set(as(partner.token)).expect(200)).body.totals).toHaveLength(1);
    expect((await api.http().get('/revenue').set(as(other.token)).expect(200)).body.totals).toEqual([]);
  });

  it('breaks the connection on a 401, tells the partner once, keeps the lead and writes it once connected again', async () => {
    hubspot.revokeAll();
    await submit('waiting@people.example');
    await settle();
    const [connection] = (await api.http().get('/crm-connections').set(as(partner.token)).expect(200)).body.items;
    expect(connection).toMatchObject({ status: 'broken', trouble: expect.stringContaining('HubSpot') });
    expect(await recordOf('waiting@people.example')).toMatchObject({ status: 'pending', attempts: 0 });
    const notices = async () =>
      (
        (await api.http().get('/outbox').set(as(partner.token)).expect(200)).body.items as Array<{ subject: string }>
      ).filter((m) => m.subject.includes('HubSpot connection stopped working'));
    expect(await notices()).toHaveLength(1);
    await settle();
    expect(await notices()).toHaveLength(1);

    expect(await connect(partner.token, partnerHub, 'northwind.hubspot.example')).toMatch(/connected=hubspot$/);
    await settle();
    expect(await recordOf('waiting@people.example')).toMatchObject({ status: 'written', attempts: 1 });
    expect(contactsIn(partnerHub, 'waiting@people.example')).toHaveLength(1);
  });

  it('waits a rate limit out as told, and lets the partner retry a record the CRM refused', async () => {
    hubspot.failNext('rate_limited', { path: /^\/crm\/v3\/objects\/contacts$/, retryAfterSeconds: 30 });
    await submit('limited@people.example');
    await settle();
    const limited = await recordOf('limited@people.example');
    expect(limited).toMatchObject({ status: 'pending', attempts: 0 });
    expect(new Date(limited.next_attempt_at).getTime() - clock.now().getTime()).toBe(30_000);
    await settle();
    expect((await recordOf('limited@people.example')).status).toBe('pending');
    clock.advance(31_000);
    await settle();
    expect(await recordOf('limited@people.example')).toMatchObject({ status: 'written', attempts: 1 });

    hubspot.failNext('bad_request', { path: /^\/crm\/v3\/objects\/contacts$/ });
    await submit('refused@people.example');
    await settle();
    const refused = await recordOf('refused@people.example');
    expect(refused).toMatchObject({ status: 'failed', last_error: 'HubSpot: Property values were not valid' });
    await api.http().post(`/crm-records/${refused.id}/retry`).set(as(other.token)).expect(404);
    await api.http().post(`/crm-records/${refused.id}/retry`).set(as(partner.token)).expect(204);
    await waitForQueueIdle(worker.app, QueueName.Crm);
    expect(await recordOf('refused@people.example')).toMatchObject({ status: 'written', attempts: 1 });
    await api.http().post(`/crm-records/${refused.id}/retry`).set(as(partner.token)).expect(404);
    expect(contactsIn(partnerHub, 'refused@people.example')).toHaveLength(1);
  });
});
