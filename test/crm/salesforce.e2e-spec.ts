import { ManualClock } from '@tcma/clock';
import { CrmSweepService } from '@tcma/crm';
import { QueueName } from '@tcma/queue';
import { TenantFactory, TestPartner, TestVendor } from '../factories/tenant.factory';
import { ApiHarness, startApi } from '../support/api-harness';
import { CrmLanding, launchedLandingPage } from '../support/crm-landing';
import { TestDb, testDb } from '../support/db';
import { waitForQueueIdle } from '../support/queues';
import { SalesforceStub, startSalesforceStub } from '../support/salesforce-stub';
import { startWorker, WorkerHarness } from '../support/worker-harness';

const as = (token: string) => ({ Authorization: `Bearer ${token}` });

/**
 * Salesforce as the partner's CRM, against an in-process Salesforce: connected through the OAuth
 * web server flow with PKCE, its landing-page lead becomes one Lead with one completed Task naming
 * the campaign, a timed-out session is refreshed once, REQUEST_LIMIT_EXCEEDED is waited out, a won
 * Opportunity converted from the Lead comes back as revenue by polling (once, the mark moving on),
 * and a refused refresh breaks the connection and tells the partner once.
 */
describe('CRM hand-off: Salesforce', () => {
  const clock = new ManualClock(new Date('2026-11-23T09:00:00Z'));
  let salesforce: SalesforceStub;
  let api: ApiHarness;
  let worker: WorkerHarness;
  let db: TestDb;
  let vendor: TestVendor;
  let partner: TestPartner;
  let page: CrmLanding;
  const orgId = '00D5g000004SfAbEAK';

  const submit = (email: string, fields: Record<string, string> = {}) =>
    api
      .http()
      .post(page.landing)
      .type('form')
      .send({ email, first_name: 'Marta', company: 'Kowalska Sp.', consent: 'yes', tcma_website: '', ...fields })
      .expect(200);
  const settle = async () => {
    await worker.app.get(CrmSweepService).sweep();
    await waitForQueueIdle(worker.app, QueueName.Crm);
  };
  const recordOf = async (email: string) =>
    (
      await db.query<
        Array<{ id: string; status: string; attempts: number; uncertain: boolean; next_attempt_at: Date }>
      >(
        `SELECT r.id, r.status, r.attempts, r.uncertain, r.next_attempt_at FROM crm_records r
           JOIN leads l ON l.id = r.lead_id JOIN prospects p ON p.id = l.prospect_id WHERE p.email_lower = $1`,
        [email],
      )
    )[0];
  const connection = async () =>
    (await api.http().get('/crm-connections').set(as(partner.token)).expect(200)).body.items[0];
  const leadsOf = (email: string) => salesforce.leads.filter((l) => l.orgId === orgId && l.fields.Email === email);
  const refreshes = () =>
    salesforce
      .callsTo(/^\/services\/oauth2\/token$/, 'POST')
      .filter((c) => (c.body as { grant_type: string }).grant_type === 'refresh_token');

  beforeAll(async () => {
    salesforce = await startSalesforceStub();
    salesforce.now = () => clock.now().getTime();
    salesforce.orgId = orgId;
    const env = salesforce.env();
    api = await startApi({ clock, env });
    worker = await startWorker({ roles: 'send,enroll,webhook', clock, env });
    db = testDb();
    const tenants = new TenantFactory(api);
    vendor = await tenants.vendor();
    partner = await tenants.partner(vendor, { role: 'partner_admin', companyName: 'Northwind Partners' });
    page = await launchedLandingPage(api, worker, vendor, partner);
  }, 180_000);

  afterAll(async () => {
    await worker?.close();
    await api?.close();
    await salesforce?.stop();
  });

  it('connects the partner’s Salesforce through OAuth with PKCE and lists its Lead fields', async () => {
    const p = as(partner.token);
    const start = await api.http().post('/crm-connections/salesforce/start').set(p).expect(200);
    const authorize = new URL(start.body.authorizationUrl);
    expect(authorize.pathname).toBe('/services/oauth2/authorize');
    expect(Object.fromEntries(authorize.searchParams)).toMatchObject({
      response_type: 'code',
      client_id: salesforce.clientId,
      code_challenge_method: 'S256',
      code_challenge: expect.stringMatching(/^[\w-]{43}$/),
      scope: 'api refresh_token',
    });
    const cookie = (start.headers['set-cookie'] as unknown as string[]).find((c) => c.startsWith('tcma_crm='))!;
    const callback = new URL((await fetch(authorize, { redirect: 'manual' })).headers.get('location')!);
    expect(callback.pathname).toBe('/crm/callback/salesforce');
    const back = await api
      .http()
      .get(callback.pathname + callback.search)
      .set('Cookie', cookie.split(';')[0])
      .expect(302);
    expect(back.headers.location).toMatch(/\/portal\/crm\?connected=salesforce$/);
    // The stub checked the verifier against the challenge: the exchange sent it.
    const [exchange] = salesforce.callsTo(/^\/services\/oauth2\/token$/);
    expect(exchange).toMatchObject({ status: 200, body: { grant_type: 'authorization_code' } });
    expect((exchange.body as { code_verifier: string }).code_verifier).toMatch(/^[\w-]{43}$/);
    expect(await connection()).toMatchObject({
      provider: 'salesforce',
      accountId: orgId,
      accountName: salesforce.username,
      status: 'active',
      expiresAt: null,
      effectiveMapping: { email: 'Email', first_name: 'FirstName', last_name: 'LastName', company: 'Company' },
    });
    const { id } = await connection();
    const fields = (await api.http().get(`/crm-connections/${id}/fields`).set(p).expect(200)).body.items;
    expect(fields.map((f: { name: string }) => f.name)).toEqual(expect.arrayContaining(['Annual_Budget__c', 'Title']));
    expect(fields.map((f: { name: string }) => f.name)).not.toContain('CreatedDate');
    const kept = await api
      .http()
      .put(`/crm-connections/${id}/field-mapping`)
      .set(p)
      .send({ fieldMapping: { title: 'Annual_Budget__c', country: '' } })
      .expect(200);
    expect(kept.body.effectiveMapping).toMatchObject({ title: 'Annual_Budget__c' });
    expect(kept.body.effectiveMapping).not.toHaveProperty('country');
  });

  it('writes a landing-page lead as one Lead with one completed Task naming the campaign; the same email makes no second Lead', async () => {
    await submit('marta@kowalska.example');
    await settle();
    const [lead] = leadsOf('marta@kowalska.example');
    // Salesforce requires LastName: the lead gave none.
    expect(lead.fields).toEqual({
      Email: 'marta@kowalska.example',
      FirstName: 'Marta',
      Company: 'Kowalska Sp.',
      LastName: '[not provided]',
    });
    const tasks = salesforce.tasks.filter((t) => t.WhoId === lead.Id);
    const [{ created_at: submitted }] = await db.query<Array<{ created_at: Date }>>(
      'SELECT l.created_at FROM leads l JOIN prospects p ON p.id = l.prospect_id WHERE p.email_lower = $1',
      ['marta@kowalska.example'],
    );
    // The day the lead came in.
    expect(tasks).toEqual([
      expect.objectContaining({ Status: 'Completed', ActivityDate: new Date(submitted).toISOString().slice(0, 10) }),
    ]);
    expect(tasks[0].Subject).toContain(page.campaignName);
    expect(tasks[0].Subject).toMatch(/\[tcma-lead-[\w-]+\]$/);
    expect(tasks[0].Description).toContain('Northwind Partners');
    expect(await recordOf('marta@kowalska.example')).toMatchObject({ status: 'written', attempts: 1 });

    await submit('marta@kowalska.example', { company: 'Kowalska Group' });
    await settle();
    expect(leadsOf('marta@kowalska.example')).toHaveLength(1);
    expect(salesforce.callsTo(/\/sobjects\/Lead$/, 'POST')).toHaveLength(1);
    expect(salesforce.tasks.filter((t) => t.WhoId === lead.Id)).toHaveLength(2);
  });

  it('refreshes a timed-out session once and writes, at the instance the refresh names; waits REQUEST_LIMIT_EXCEEDED out', async () => {
    salesforce.expireSessions();
    // The org was migrated meanwhile: the refresh's answer names its new instance, which is used and kept.
    const moved = salesforce.url.replace('127.0.0.1', 'localhost');
    salesforce.moveInstanceTo(moved);
    const before = refreshes().length;
    const calls = salesforce.callsTo(/\/services\/data\//).length;
    await submit('expired@people.example');
    await settle();
    expect(refreshes()).toHaveLength(before + 1);
    expect(await recordOf('expired@people.example')).toMatchObject({ status: 'written', attempts: 1 });
    expect(leadsOf('expired@people.example')).toHaveLength(1);
    expect(await connection()).toMatchObject({ status: 'active', trouble: null });
    expect(await db.query('SELECT instance_url FROM crm_connections')).toEqual([{ instance_url: moved }]);
    const afterRefresh = salesforce.callsTo(/\/services\/data\//).slice(calls);
    // The 401 went to the old instance; every call after the refresh to the new one.
    expect(afterRefresh[0].host).toBe(new URL(salesforce.url).host);
    expect(afterRefresh.slice(1).map((c) => c.host)).toEqual(afterRefresh.slice(1).map(() => new URL(moved).host));

    salesforce.failNext('rate_limited', { path: /\/sobjects\/Lead$/ });
    await submit('limited@people.example');
    await settle();
    const limited = await recordOf('limited@people.example');
    expect(limited).toMatchObject({ status: 'pending', attempts: 0 });
    expect(new Date(limited.next_attempt_at).getTime() - clock.now().getTime()).toBe(60_000);
    clock.advance(61_000);
    await settle();
    expect(await recordOf('limited@people.example')).toMatchObject({ status: 'written', attempts: 1 });
    expect(leadsOf('limited@people.example')).toHaveLength(1);
  });

  it('after a lost answer finds the Task it wrote by its marker instead of writing a second', async () => {
    salesforce.failNext('drop', { path: /\/sobjects\/Task$/, when: 'after' });
    await submit('lost@people.example');
    await settle();
    expect(await recordOf('lost@people.example')).toMatchObject({ status: 'pending', uncertain: true });
    clock.advance(11_000);
    await settle();
    expect(await recordOf('lost@people.example')).toMatchObject({ status: 'written', attempts: 2 });
    const [lead] = leadsOf('lost@people.example');
    expect(salesforce.tasks.filter((t) => t.WhoId === lead.Id)).toHaveLength(1);
    expect(
      salesforce.queries().filter((q) => q.startsWith(`SELECT Id FROM Task WHERE WhoId = '${lead.Id}'`)),
    ).toHaveLength(1);
  });

  it('polls a won Opportunity converted from the Lead into revenue on the launch, once, the mark moving on', async () => {
    const [lead] = leadsOf('marta@kowalska.example');
    clock.advance(16 * 60_000);
    const won = salesforce.addWonOpportunity(lead, { amount: 12500.5, closeDate: '2026-11-23' });
    const opportunityQueries = () => salesforce.queries().filter((q) => q.includes('FROM Opportunity'));
    const polls = opportunityQueries().length;
    expect((await worker.app.get(CrmSweepService).sweep()).revenueRecorded).toBe(1);
    expect(opportunityQueries()).toHaveLength(polls + 1);
    // Not due again before CRM_REVENUE_POLL_MINUTES: no query.
    expect((await worker.app.get(CrmSweepService).sweep()).revenueRecorded).toBe(0);
    expect(opportunityQueries()).toHaveLength(polls + 1);

    const marks = async () =>
      (await db.query<Array<{ revenue_mark: Date }>>('SELECT revenue_mark FROM crm_connections'))[0].revenue_mark;
    expect(new Date(await marks()).toISOString()).toBe(clock.now().toISOString());
    // Edited later: read again by the next poll, still recorded once.
    clock.advance(16 * 60_000);
    salesforce.touch(won);
    expect((await worker.app.get(CrmSweepService).sweep()).revenueRecorded).toBe(0);
    expect(opportunityQueries().at(-1)).toContain(
      `LastModifiedDate > ${new Date(clock.now().getTime() - 16 * 60_000).toISOString().replace('.000Z', 'Z')}`,
    );
    expect(new Date(await marks()).toISOString()).toBe(clock.now().toISOString());

    const rows = await db.query<Array<{ deal_id: string; launch_id: string; amount: string; currency: string }>>(
      'SELECT deal_id, launch_id, amount, currency FROM crm_revenue',
    );
    expect(rows).toEqual([{ deal_id: won.Id, launch_id: page.launchId, amount: '12500.50', currency: 'EUR' }]);
    const revenue = (await api.http().get('/revenue').set(as(vendor.marketerToken)).expect(200)).body;
    expect(revenue.byCampaign).toEqual([
      { id: page.campaignId, name: page.campaignName, currency: 'EUR', amount: '12500.50', deals: 1 },
    ]);
    expect(revenue.byPartner).toEqual([
      { id: partner.partnerId, name: 'Northwind Partners', currency: 'EUR', amount: '12500.50', deals: 1 },
    ]);

    // A multi-currency org: the Opportunity's own currency, read from its record.
    salesforce.multiCurrency = true;
    const [other] = leadsOf('expired@people.example');
    clock.advance(16 * 60_000);
    const inDollars = salesforce.addWonOpportunity(other, { amount: 300, currency: 'USD' });
    expect((await worker.app.get(CrmSweepService).sweep()).revenueRecorded).toBe(1);
    expect(await db.query('SELECT amount, currency FROM crm_revenue WHERE deal_id = $1', [inDollars.Id])).toEqual([
      { amount: '300.00', currency: 'USD' },
    ]);
  });

  it('reads a backlog beyond one page at the next sweep, not a poll interval later', async () => {
    clock.advance(16 * 60_000);
    const [lead] = leadsOf('limited@people.example');
    // A full page of won Opportunities converted from Leads the engine did not write, one a second; then the engine's.
    for (let i = 0; i < 200; i += 1) {
      salesforce.addWonOpportunity({ ...lead, Id: `00Qother${i}`, ConvertedOpportunityId: null }, { amount: 10 });
      clock.advance(1_000);
    }
    const ours = salesforce.addWonOpportunity(lead, { amount: 99, currency: 'EUR' });
    const sweep = () => worker.app.get(CrmSweepService).sweep();
    expect((await sweep()).revenueRecorded).toBe(0);
    expect((await sweep()).revenueRecorded).toBe(1);
    expect(await db.query('SELECT amount FROM crm_revenue WHERE deal_id = $1', [ours.Id])).toEqual([
      { amount: '99.00' },
    ]);
    // Caught up: the interval applies again.
    const polls = salesforce.queries().filter((q) => q.includes('FROM Opportunity')).length;
    expect((await sweep()).revenueRecorded).toBe(0);
    expect(salesforce.queries().filter((q) => q.includes('FROM Opportunity'))).toHaveLength(polls);
  });

  it('reads on past a page that ends among deals modified in the same second (a bulk update), by id', async () => {
    clock.advance(16 * 60_000);
    const [lead] = leadsOf('marta@kowalska.example');
    // A bulk update: more won Opportunities than a page, all stamped with the same second, the engine's last.
    for (let i = 0; i < 200; i += 1)
      salesforce.addWonOpportunity({ ...lead, Id: `00Qbulk${i}`, ConvertedOpportunityId: null }, { amount: 5 });
    const ours = salesforce.addWonOpportunity(lead, { amount: 77, currency: 'EUR' });
    const sweep = () => worker.app.get(CrmSweepService).sweep();
    expect((await sweep()).revenueRecorded).toBe(0);
    const [mark] = await db.query<Array<{ revenue_mark: Date; revenue_mark_id: string }>>(
      'SELECT revenue_mark, revenue_mark_id FROM crm_connections',
    );
    expect(new Date(mark.revenue_mark).toISOString()).toBe(clock.now().toISOString());
    expect(mark.revenue_mark_id < ours.Id).toBe(true);
    expect((await sweep()).revenueRecorded).toBe(1);
    expect(
      salesforce
        .queries()
        .filter((q) => q.includes('FROM Opportunity'))
        .at(-1),
    ).toContain(`AND Id > '${mark.revenue_mark_id}'`);
    expect(await db.query('SELECT amount FROM crm_revenue WHERE deal_id = $1', [ours.Id])).toEqual([
      { amount: '77.00' },
    ]);
  });

  it("follows the engine's Lead merged into a salesperson's own (twice over) to the deal it was converted into", async () => {
    await submit('merged@people.example');
    await settle();
    clock.advance(16 * 60_000);
    const [ours] = leadsOf('merged@people.example');
    expect(await recordOf('merged@people.example')).toMatchObject({ status: 'written' });
    // The salesperson's Leads for the same person: ours merged into the first, the first into the second, which they convert.
    const theirs = { ...ours, Id: '00Qtheirs0001AAA', fields: { ...ours.fields }, ConvertedOpportunityId: null };
    const kept = { ...ours, Id: '00Qkept00001AAA', fields: { ...ours.fields }, ConvertedOpportunityId: null };
    salesforce.leads.push(theirs, kept);
    salesforce.mergeLead(ours, theirs);
    salesforce.mergeLead(theirs, kept);
    const won = salesforce.addWonOpportunity(kept, { amount: 4200, currency: 'EUR' });
    expect((await worker.app.get(CrmSweepService).sweep()).revenueRecorded).toBe(1);
    expect(await db.query('SELECT amount, launch_id FROM crm_revenue WHERE deal_id = $1', [won.Id])).toEqual([
      { amount: '4200.00', launch_id: page.launchId },
    ]);
    // Read with queryAll: a merged Lead is deleted, and query does not see it.
    expect(salesforce.callsTo(/\/queryAll$/).map((c) => c.query.q)).toContain(
      `SELECT Id, MasterRecordId FROM Lead WHERE IsDeleted = true AND MasterRecordId IN ('${theirs.Id}')`,
    );
  });

  it('breaks the connection when the refresh is refused and tells the partner once', async () => {
    salesforce.revokeAll();
    await submit('waiting@people.example');
    await settle();
    expect(await connection()).toMatchObject({ status: 'broken', trouble: expect.stringContaining('Salesforce') });
    expect(await recordOf('waiting@people.example')).toMatchObject({ status: 'pending', attempts: 0 });
    const notices = async () =>
      (
        (await api.http().get('/outbox').set(as(partner.token)).expect(200)).body.items as Array<{ subject: string }>
      ).filter((m) => m.subject.includes('Salesforce connection stopped working'));
    expect(await notices()).toHaveLength(1);
    await settle();
    expect(await notices()).toHaveLength(1);
  });
});
