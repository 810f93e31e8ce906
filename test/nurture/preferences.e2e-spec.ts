import { ManualClock } from '@tcma/clock';
import { UnsubscribeLinks } from '@tcma/delivery';
import { SweepService } from '@tcma/nurture';
import { QueueName } from '@tcma/queue';
import { simpleParser } from 'mailparser';
import { authorDemoCampaign } from '../factories/demo-campaign.factory';
import { TenantFactory, TestPartner, TestVendor } from '../factories/tenant.factory';
import { ApiHarness, startApi } from '../support/api-harness';
import { testDb } from '../support/db';
import { eventually } from '../support/processes';
import { waitForQueueIdle } from '../support/queues';
import { SmtpSink, SunkMessage } from '../support/smtp-sink';
import { startWorker, WorkerHarness } from '../support/worker-harness';

/** Monday 23 November 2026, 10:00 in Warsaw. */
const START = new Date('2026-11-23T09:00:00Z');
const SLOT_VALUES = {
  company_name: 'Northwind Traders',
  email: 'hello@partner.example',
  website: 'https://partner.example',
  address: '1 Main St, Springfield',
};
/** One person per choice of the page, and one who chooses nothing. */
const PEOPLE = {
  campaign: 'cam@prospect.example',
  partner: 'par@prospect.example',
  network: 'net@prospect.example',
  stays: 'stay@prospect.example',
} as const;
type Person = keyof typeof PEOPLE;
const FETCHERS = [undefined, 'Mimecast-Proxy/1.0', 'Mozilla/5.0 (compatible; Barracuda)', 'python-requests/2.31'];

/**
 * The preference page of {{links.preferences}}: reading it changes nothing; its form leaves
 * the email's campaign, its partner's mail or the vendor's whole network, each a suppression
 * level that later sends obey, with the unsubscribe's event, consent withdrawal and exits.
 */
describe('preference page', () => {
  const clock = new ManualClock(START);
  const sink = new SmtpSink();
  const db = testDb();
  let api: ApiHarness;
  let worker: WorkerHarness;
  let vendor: TestVendor;
  let first: TestPartner;
  let second: TestPartner;
  let nurture: string;
  let other: string;
  let firstLaunch: string;
  const as = (token: string) => ({ Authorization: `Bearer ${token}` });
  const sent: Record<Person, SunkMessage | undefined> = {
    campaign: undefined,
    partner: undefined,
    network: undefined,
    stays: undefined,
  };

  /** Launches a campaign at a partner to all its prospects and sends what is due: the messages it sent. */
  const launch = async (partner: TestPartner, campaignId: string) => {
    const before = sink.messages.length;
    const res = await api
      .http()
      .post('/launches')
      .set(as(partner.token))
      .send({ campaignId, audience: { type: 'all' }, slotValues: SLOT_VALUES })
      .expect(202);
    await eventually(
      async () =>
        (await api.http().get(`/launches/${res.body.id}`).set(as(partner.token))).body.status === 'active'
          ? true
          : undefined,
      'enrollment',
    );
    await worker.app.get(SweepService).sweep();
    await waitForQueueIdle(worker.app, QueueName.Send);
    return { launchId: res.body.id as string, messages: sink.messages.slice(before) };
  };
  const recipients = (messages: SunkMessage[]) => messages.flatMap((m) => m.to).sort();
  const prospectId = async (partner: TestPartner, email: string) =>
    (
      await db.query<Array<{ id: string }>>(
        'SELECT id::text FROM prospects WHERE partner_id = $1 AND email_lower = $2',
        [partner.partnerId, email],
      )
    )[0].id;
  const consentOf = async (partner: TestPartner, email: string) =>
    (
      await api
        .http()
        .get(`/partners/${partner.partnerId}/prospects/${await prospectId(partner, email)}/consent`)
        .set(as(partner.token))
        .expect(200)
    ).body.items as Array<Record<string, unknown>>;
  /** What the page's choices have done so far, per person: suppressions (level), unsubscribed events, withdrawals. */
  const effects = async () =>
    db.query<Array<{ email: string; suppressions: string[] | null; events: number; withdrawals: number }>>(
      `SELECT x.email,
              (SELECT array_agg(CASE WHEN s.partner_id IS NULL THEN 'network' WHEN s.campaign_id IS NULL THEN 'partner' ELSE 'campaign' END ORDER BY s.id) FROM suppressions s WHERE s.vendor_id = $1 AND s.email_lower = x.email) AS suppressions,
              (SELECT count(*)::int FROM events e JOIN prospects p ON p.id = e.prospect_id WHERE e.vendor_id = $1 AND p.email_lower = x.email AND e.type = 'unsubscribed') AS events,
              (SELECT count(*)::int FROM consent_records c JOIN prospects p ON p.id = c.prospect_id WHERE c.vendor_id = $1 AND p.email_lower = x.email AND NOT c.granted) AS withdrawals
         FROM unnest($2::text[]) AS x(email) ORDER BY x.email`,
      [vendor.vendorId, Object.values(PEOPLE)],
    );
  const untouched = () =>
    Object.values(PEOPLE)
      .sort()
      .map((email) => ({ email, suppressions: null, events: 0, withdrawals: 0 }));
  const preferencesLink = async (person: Person) => {
    const html = String((await simpleParser(sent[person]!.raw)).html);
    return new URL(/href="(https?:\/\/[^"]+\/preferences\/[^"]+)"/.exec(html)![1]).pathname;
  };

  beforeAll(async () => {
    await sink.start();
    api = await startApi({ clock });
    worker = await startWorker({ roles: 'send,enroll', clock });
    const tenants = new TenantFactory(api);
    vendor = await tenants.vendor('Acme Cloud Backup Inc');
    await api
      .http()
      .put('/sending')
      .set(as(vendor.adminToken))
      .send({ smtpUrl: sink.url, ratePerSecond: 100_000 })
      .expect(200);
    // The vendor's CRM hears of unsubscribes (no worker here delivers: the deliveries stay recorded).
    await api
      .http()
      .post('/webhooks')
      .set(as(vendor.adminToken))
      .send({ url: 'https://crm.vendor.example/hook', eventTypes: ['unsubscribed'] })
      .expect(201);
    first = await tenants.partner(vendor, { companyName: 'Northwind Traders' });
    second = await tenants.partner(vendor, { companyName: 'Elliniki Systems' });
    // The nurture's second email comes days after the first; the other campaign has one email.
    nurture = (
      await authorDemoCampaign(api, vendor.marketerToken, {
        name: 'Backup nurture',
        immediate: true,
        steps: (steps) => [steps[0], { ...steps[1], wait: { type: 'duration', minutes: 24 * 60 } }],
      })
    ).campaignId;
    other = (
      await authorDemoCampaign(api, vendor.marketerToken, {
        name: 'Other campaign',
        immediate: true,
        steps: (steps) => steps.slice(0, 1),
      })
    ).campaignId;

    // The first partner imports its people from CSV with the consent source it declares; the second adds them through the API.
    const csv = [
      'email,first_name,consent_source',
      ...Object.values(PEOPLE).map((email) => `${email},${email.slice(0, 3)},webinar 2026-11`),
    ].join('\n');
    const started = await api
      .http()
      .post(`/partners/${first.partnerId}/imports`)
      .set(as(first.token))
      .set('Content-Type', 'text/csv; charset=utf-8')
      .send(csv)
      .expect(202);
    await eventually(
      async () =>
        (await api.http().get(`/partners/${first.partnerId}/imports/${started.body.id}`).set(as(first.token))).body
          .status === 'completed'
          ? true
          : undefined,
      'the import',
    );
    for (const email of Object.values(PEOPLE))
      await api
        .http()
        .post(`/partners/${second.partnerId}/prospects`)
        .set(as(second.token))
        .send({ email })
        .expect(201);

    const first1 = await launch(first, nurture);
    firstLaunch = first1.launchId;
    expect(recipients(first1.messages)).toEqual(Object.values(PEOPLE).sort());
    for (const person of Object.keys(PEOPLE) as Person[])
      sent[person] = first1.messages.find((m) => m.to.includes(PEOPLE[person]));
  }, 180_000);

  afterAll(async () => {
    await worker?.close();
    await api?.close();
    await sink.stop();
  });

  it('records an import with the consent source it declared, once per new prospect', async () => {
    expect(await consentOf(first, PEOPLE.stays)).toEqual([
      expect.objectContaining({ granted: true, source: 'import', declaredSource: 'webinar 2026-11', campaignId: null }),
    ]);
    expect(await consentOf(second, PEOPLE.stays)).toEqual([
      expect.objectContaining({ granted: true, source: 'import', declaredSource: null }),
    ]);
    // Importing the same people again merges them: no second grant.
    const again = await api
      .http()
      .post(`/partners/${first.partnerId}/imports`)
      .set(as(first.token))
      .set('Content-Type', 'text/csv; charset=utf-8')
      .send(`email,consent_source\n${PEOPLE.stays},fair\n`)
      .expect(202);
    await eventually(
      async () =>
        (await api.http().get(`/partners/${first.partnerId}/imports/${again.body.id}`).set(as(first.token))).body
          .status === 'completed'
          ? true
          : undefined,
      'the import',
    );
    expect(await consentOf(first, PEOPLE.stays)).toHaveLength(1);
  });

  it('puts a signed preference link in the email, whose page reading changes nothing', async () => {
    const parsed = await simpleParser(sent.campaign!.raw);
    const link = await preferencesLink('campaign');
    expect(link).toMatch(/^\/preferences\/[\w-]{22}\.[\w-]{22}$/);
    expect(parsed.text).toContain(`${api.config.publicBaseUrl}${link}`);
    for (const agent of FETCHERS) {
      const get = api.http().get(link);
      const head = api.http().head(link);
      if (agent) {
        get.set('User-Agent', agent);
        head.set('User-Agent', agent);
      }
      const page = await get.expect(200);
      expect(page.headers['cache-control']).toBe('no-store');
      expect(page.headers['x-robots-tag']).toMatch(/noindex/);
      expect(page.text).toContain('<meta name="robots" content="noindex">');
      expect(page.text).toContain(PEOPLE.campaign);
      expect(page.text).toContain('Stop emails about Backup nurture from Northwind Traders');
      expect(page.text).toContain('Stop all emails from Northwind Traders');
      expect(page.text).toContain('Stop all emails from Acme Cloud Backup Inc and every partner of its network');
      expect(page.text).toMatch(/<form method="post">/);
      expect(page.text).not.toMatch(/<script/i);
      await head.expect(200);
    }
    expect(await effects()).toEqual(untouched());
  });

  it('refuses a forged link, an unsubscribe token and a POST without a choice, changing nothing', async () => {
    const link = await preferencesLink('campaign');
    // One character of the signature changed, well inside it: the last character of base64url holds
    // fewer bits than it spells, so changing the tail (as this test once did) could leave the bytes
    // as they were, about once in a thousand runs.
    const at = link.length - 10;
    const forged = `${link.slice(0, at)}${link[at] === 'A' ? 'B' : 'A'}${link.slice(at + 1)}`;
    await api.http().get(forged).expect(404);
    await api
      .http()
      .get(`/preferences/${api.app.get(UnsubscribeLinks).token(sent.campaign!.sendId!)}`)
      .expect(404);
    await api.http().post(forged).set('Accept', 'text/html').type('form').send({ leave: 'partner' }).expect(404);
    const page = await api
      .http()
      .post(link)
      .set('Accept', 'text/html')
      .type('form')
      .send({ leave: 'everything' })
      .expect(400);
    expect(page.text).toContain('Choose one of the options above');
    const json = await api.http().post(link).set('Accept', 'application/json').send({}).expect(400);
    expect(json.body.errors).toEqual([expect.objectContaining({ path: 'leave' })]);
    expect(await effects()).toEqual(untouched());
  });

  it('suppresses at the chosen level, with the event, the consent withdrawal and the sequences left, once', async () => {
    for (const person of ['campaign', 'partner', 'network'] as const) {
      const res = await api
        .http()
        .post(await preferencesLink(person))
        .set('Accept', 'text/html,application/xhtml+xml')
        .type('form')
        .send({ leave: person })
        .expect(200);
      expect(res.headers['cache-control']).toBe('no-store');
      expect(res.text).toContain('Your choice is saved');
    }
    expect(
      (
        await api
          .http()
          .post(await preferencesLink('partner'))
          .set('Accept', 'text/html')
          .type('form')
          .send({ leave: 'partner' })
          .expect(200)
      ).text,
    ).toContain('no more emails from Northwind Traders');
    const expected = [
      { email: PEOPLE.campaign, suppressions: ['campaign'], events: 1, withdrawals: 1 },
      // Leaving the network withdraws at each partner that holds the address.
      { email: PEOPLE.network, suppressions: ['network'], events: 1, withdrawals: 2 },
      { email: PEOPLE.partner, suppressions: ['partner'], events: 1, withdrawals: 1 },
      { email: PEOPLE.stays, suppressions: null, events: 0, withdrawals: 0 },
    ];
    expect(await effects()).toEqual(expected);
    // The same person choosing again: one more suppression and withdrawal, the send's event still counted once.
    await api
      .http()
      .post(await preferencesLink('network'))
      .set('Accept', 'text/html')
      .type('form')
      .send({ leave: 'campaign' })
      .expect(200);
    expected[1] = { email: PEOPLE.network, suppressions: ['network', 'campaign'], events: 1, withdrawals: 3 };
    expect(await effects()).toEqual(expected);
    // The unsubscribed webhook, once per suppression added, says what was left.
    const hooks = await db.query<
      Array<{ data: { level: string; campaignId?: string; prospect: { email: string }; partnerId: string } }>
    >(
      "SELECT payload->'data' AS data FROM webhook_deliveries WHERE event_type = 'unsubscribed' AND partner_id = $1 ORDER BY created_at, id",
      [first.partnerId],
    );
    expect(hooks.map((h) => h.data)).toEqual([
      { partnerId: first.partnerId, prospect: { email: PEOPLE.campaign }, level: 'campaign', campaignId: nurture },
      { partnerId: first.partnerId, prospect: { email: PEOPLE.partner }, level: 'partner' },
      { partnerId: first.partnerId, prospect: { email: PEOPLE.network }, level: 'network' },
      { partnerId: first.partnerId, prospect: { email: PEOPLE.network }, level: 'campaign', campaignId: nurture },
    ]);
    expect(
      (
        await api
          .http()
          .get(await preferencesLink('network'))
          .expect(200)
      ).text,
    ).toContain('You will receive no more emails from Acme Cloud Backup Inc or any of its partners.');

    expect(await consentOf(first, PEOPLE.campaign)).toEqual([
      expect.objectContaining({ granted: true, source: 'import', declaredSource: 'webinar 2026-11' }),
      expect.objectContaining({ granted: false, source: 'preferences', campaignId: nurture }),
    ]);
    expect(await consentOf(second, PEOPLE.network)).toEqual([
      expect.objectContaining({ granted: true, source: 'import' }),
      expect.objectContaining({ granted: false, source: 'preferences', campaignId: null }),
    ]);
    const enrollments = await db.query<Array<{ email: string; status: string; exit_reason: string | null }>>(
      'SELECT p.email_lower AS email, e.status, e.exit_reason FROM enrollments e JOIN prospects p ON p.id = e.prospect_id WHERE e.launch_id = $1 ORDER BY p.email_lower',
      [firstLaunch],
    );
    expect(enrollments).toEqual([
      { email: PEOPLE.campaign, status: 'exited', exit_reason: 'unsubscribed' },
      { email: PEOPLE.network, status: 'exited', exit_reason: 'unsubscribed' },
      { email: PEOPLE.partner, status: 'exited', exit_reason: 'unsubscribed' },
      { email: PEOPLE.stays, status: 'active', exit_reason: null },
    ]);
  });

  it('keeps later sends to what each person still wants', async () => {
    // The nurture's second email, when it is due: only whoever chose nothing.
    const before = sink.messages.length;
    const [{ next }] = await db.query<Array<{ next: Date }>>(
      "SELECT min(next_due_at) AS next FROM enrollments WHERE launch_id = $1 AND status = 'active'",
      [firstLaunch],
    );
    expect(next.getTime()).toBeGreaterThan(clock.now().getTime());
    clock.set(next);
    await worker.app.get(SweepService).sweep();
    await waitForQueueIdle(worker.app, QueueName.Send);
    expect(recipients(sink.messages.slice(before))).toEqual([PEOPLE.stays]);
    // Another campaign of the same partner: whoever left only the nurture still gets it.
    expect(recipients((await launch(first, other)).messages)).toEqual([PEOPLE.campaign, PEOPLE.stays].sort());
    // The nurture from another partner of the network: only who left the network is out.
    expect(recipients((await launch(second, nurture)).messages)).toEqual(
      [PEOPLE.campaign, PEOPLE.partner, PEOPLE.stays].sort(),
    );
  });
});
