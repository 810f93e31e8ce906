import { ManualClock } from '@tcma/clock';
import { SweepService } from '@tcma/nurture';
import { getQueueToken } from '@nestjs/bullmq';
import { QueueName } from '@tcma/queue';
import type { Queue } from 'bullmq';
import { simpleParser } from 'mailparser';
import { loadDemo } from '../../apps/cli/src/demo/demo-manifest';
import { DemoSeeder, SeededDemo } from '../../apps/cli/src/demo/demo-seeder';
import { ApiHarness, startApi } from '../support/api-harness';
import { eventually } from '../support/processes';
import { waitForQueueIdle } from '../support/queues';
import { SmtpSink } from '../support/smtp-sink';
import { startWorker, WorkerHarness } from '../support/worker-harness';
import { TestDb, testDb } from '../support/db';

/** Monday 23 November 2026, 07:30 UTC: inside the demo's first send window in Warsaw. */
const START = new Date('2026-11-23T07:30:00Z');
const CONSENT = 'I agree that {{partner.company_name}} may email me about Acme Cloud Backup.';

const PAGE_HTML = `<main style="font-family:sans-serif">
  <h1 style="color:{{partner.primary_color_readable}}">Protect your files with {{partner.company_name}}</h1>
  <p>Acme Cloud Backup keeps an encrypted copy of every file, every 15 minutes.</p>
  {{#if partner.contact_name}}<p>Your contact: {{partner.contact_name}}</p>{{/if}}
  <div data-tcma-form></div>
  <p><a href="{{links.pricing}}">See pricing</a> · <a href="{{partner.website}}">{{partner.website}}</a></p>
  <footer>{{partner.address}}</footer>
</main>`;

const FORM = {
  fields: [
    { name: 'email', label: 'Work email', type: 'email', required: true },
    { name: 'first_name', label: 'First name', type: 'text', required: true },
    { name: 'company', label: 'Company', type: 'text', required: false },
    { name: 'phone', label: 'Phone', type: 'tel', required: false },
    { name: 'seats', label: 'Seats', type: 'text', required: false, maxLength: 10 },
    { name: 'language', label: 'Language', type: 'text', required: false, maxLength: 35 },
  ],
  consent: { text: CONSENT, required: true },
  submitLabel: 'Register',
  successMessage: 'Thank you: we will be in touch.',
  onSubmit: 'convert',
};

/** Co-branded landing pages, their forms and the leads they make, over real HTTP, Postgres and Redis. */
describe('landing pages and leads', () => {
  const clock = new ManualClock(START);
  const sink = new SmtpSink();
  let api: ApiHarness;
  let worker: WorkerHarness;
  let demo: SeededDemo;
  let db: TestDb;
  let pageAssetId: string;
  const slugs: { campaign: string; partners: string[] } = { campaign: '', partners: [] };
  const as = (token: string) => ({ Authorization: `Bearer ${token}` });
  const pagePath = (i: number) => `/p/${slugs.partners[i]}/${slugs.campaign}`;
  const leadsOf = async (i: number) =>
    (await api.http().get(`/partners/${demo.partners[i].partnerId}/leads`).set(as(demo.partners[i].token)).expect(200))
      .body;

  beforeAll(async () => {
    await sink.start();
    const env = { QUEUE_HORIZON_MS: '1000', FORM_RATE_PER_IP: '12' };
    api = await startApi({ clock, env });
    worker = await startWorker({ roles: 'send,enroll,render,webhook', clock, env });
    db = testDb();
    demo = await new DemoSeeder(api.app).seed();
    await api
      .http()
      .put('/sending')
      .set(as(demo.tokens.admin))
      .send({ smtpUrl: sink.url, ratePerSecond: 100_000, sendingDomain: 'acme-backup.example' })
      .expect(200);

    // The vendor adds a registration page and points the first email's button at it.
    const marketer = as(demo.tokens.marketer);
    const demoVersion = (await api.http().get(`/campaigns/${demo.campaignId}/versions/1`).set(marketer).expect(200))
      .body;
    pageAssetId = demoVersion.content.assets.find((a: { kind: string }) => a.kind === 'page').id;
    await api
      .http()
      .put(`/campaigns/${demo.campaignId}/assets/page/${pageAssetId}`)
      .set(marketer)
      .send({ name: 'Registration', title: 'Register with {{partner.company_name}}', html: PAGE_HTML, form: FORM })
      .expect(200);
    const campaign = (await api.http().get(`/campaigns/${demo.campaignId}`).set(marketer).expect(200)).body;
    const welcome = campaign.draft.assets.find((a: { kind: string }) => a.kind === 'email');
    await api
      .http()
      .put(`/campaigns/${demo.campaignId}/assets/email/${welcome.id}`)
      .set(marketer)
      .send({
        name: welcome.name,
        subject: welcome.subject,
        preheader: welcome.preheader,
        mjml: welcome.mjml.replace('href="{{links.trial}}"', 'href="{{links.page}}"'),
      })
      .expect(200);
    await api.http().post(`/campaigns/${demo.campaignId}/publish`).set(marketer).expect(201);
    slugs.campaign = campaign.slug;
    for (const p of demo.partners)
      slugs.partners.push((await api.http().get(`/partners/${p.partnerId}`).set(as(p.token)).expect(200)).body.slug);
  }, 120_000);

  afterAll(async () => {
    await worker?.close();
    await api?.close();
    await sink.stop();
  });

  it('makes slugs from names, unique, and refuses a form control or prospect data in a page', async () => {
    const name = (await api.http().get(`/campaigns/${demo.campaignId}`).set(as(demo.tokens.marketer))).body
      .name as string;
    expect(slugs.campaign).toBe(
      name
        .toLowerCase()
        .replace(/[^a-z0-9]+/g, '-')
        .replace(/^-|-$/g, ''),
    );
    expect(slugs.partners[0]).toMatch(/^northwind-it-services(-\d+)?$/);
    expect(new Set(slugs.partners).size).toBe(2);

    const refused = await api
      .http()
      .put(`/campaigns/${demo.campaignId}/assets/page/${pageAssetId}`)
      .set(as(demo.tokens.marketer))
      .send({
        name: 'Bad',
        title: 'Hi {{prospect.first_name}}',
        html: '<form action="https://evil.example"><input name="x"></form><script>alert(1)</script><div data-tcma-form></div><div data-tcma-form></div>{{partner.address}}',
        form: FORM,
      })
      .expect(422);
    const messages = refused.body.errors
      .map((e: { path: string; message: string }) => `${e.path}: ${e.message}`)
      .join('\n');
    expect(messages).toMatch(/title: .*prospect\.first_name.*cannot be used/);
    expect(messages).toMatch(/html: <form> is not allowed/);
    expect(messages).toMatch(/html: <input> is not allowed/);
    expect(messages).toMatch(/html: .*<script>/);
    expect(messages).toMatch(/at most one form/);
  });

  it('serves each partner its co-branded page: the vendor copy identical, the slots its own, hostile values inert, with caching headers', async () => {
    const [northwind, hellas] = demo.partners;
    // A hostile value in a partner's own text slot stays text.
    const { logo, ...kit } = loadDemo().manifest.partners[1].brandKit;
    void logo;
    await api
      .http()
      .put(`/partners/${hellas.partnerId}/brand-kit`)
      .set(as(hellas.token))
      .send({ ...kit, contactName: '</p><img src=x onerror=alert(1)>{{partner.email}}' })
      .expect(200);
    const first = await api.http().get(pagePath(0)).expect(200);
    const second = await api.http().get(pagePath(1)).expect(200);
    const vendorCopy = 'Acme Cloud Backup keeps an encrypted copy of every file, every 15 minutes.';
    expect(first.text).toContain(vendorCopy);
    expect(second.text).toContain(vendorCopy);
    expect(first.text).toContain(`Protect your files with ${northwind.companyName.split(' ')[0]}`);
    expect(second.text).not.toContain(northwind.companyName);
    expect(second.text).toContain(
      '&lt;/p&gt;&lt;img src&#61;x onerror&#61;alert(1)&gt;&#123;&#123;partner.email&#125;&#125;',
    );
    expect(second.text).not.toMatch(/<img src=x/);
    expect(first.text).toContain('<a href="https://acme-backup.example/pricing">');
    expect(first.text).toMatch(/<html lang="en">/);
    expect(first.text).toMatch(/<title>Register with [^<]+<\/title>/);
    expect(first.text).toContain(
      `<meta property="og:image" content="${api.config.publicBaseUrl}${pagePath(0)}/og.png">`,
    );
    expect(first.text).toContain('<form class="tcma-form" method="post" novalidate>');
    expect(first.text.match(/<form/g)).toHaveLength(1);
    expect(first.text).toContain(
      `I agree that ${(await api.http().get(`/partners/${northwind.partnerId}/brand-kit`).set(as(northwind.token))).body.companyName} may email me`,
    );

    expect(first.headers['cache-control']).toBe('public, max-age=60');
    expect(first.headers['content-security-policy']).toMatch(/default-src 'none'.*form-action 'self'/);
    expect(first.headers['x-content-type-options']).toBe('nosniff');
    expect(first.headers['referrer-policy']).toBe('no-referrer');
    expect(first.headers['x-robots-tag']).toBeUndefined();
    expect(first.headers.etag).toMatch(/^"[0-9a-f]{64}"$/);
    await api.http().get(pagePath(0)).set('If-None-Match', first.headers.etag).expect(304);
    // The same render key as the preview's: one render per version and brand-kit revision.
    const preview = await api
      .http()
      .get(`/campaigns/${demo.campaignId}/versions/2/assets/${pageAssetId}/preview`)
      .set(as(northwind.token))
      .expect(200);
    expect(preview.headers.etag).toBe(first.headers.etag);
    expect(preview.text).toBe(first.text);

    await api.http().get(`/p/${slugs.partners[0]}/no-such-campaign`).expect(404);
    await api.http().get(`/p/no-such-partner/${slugs.campaign}`).expect(404);
  }, 60_000);

  it('never records anything for a scanner fetching the page (GET, HEAD)', async () => {
    await api.http().get(pagePath(0)).set('User-Agent', 'Mimecast URL scanner').expect(200);
    await api.http().head(pagePath(0)).expect(200);
    await api
      .http()
      .get(`${pagePath(0)}?email=scanner%40example.com&first_name=Bot&consent=yes`)
      .expect(200);
    expect((await leadsOf(0)).total).toBe(0);
    const [row] = await db.query(
      "SELECT count(*)::int AS n FROM events WHERE type = 'form_submitted' AND partner_id = $1",
      [demo.partners[0].partnerId],
    );
    expect(row.n).toBe(0);
  });

  it('answers a bad submission field by field on the page, keeping the values, without JavaScript', async () => {
    const res = await api
      .http()
      .post(pagePath(0))
      .type('form')
      .send({
        email: 'not-an-email',
        first_name: 'Ola',
        company: 'Firma <b>',
        phone: 'call me',
        seats: '12345678901',
        tcma_website: '',
      })
      .expect(422);
    expect(res.headers['cache-control']).toBe('no-store');
    expect(res.text).toContain('role="alert"');
    expect(res.text).toMatch(/id="tcma-f-email-error">must be an email address/);
    expect(res.text).toMatch(/id="tcma-f-phone-error">must be a phone number/);
    expect(res.text).toMatch(/id="tcma-f-seats-error">must be at most 10 characters/);
    expect(res.text).toMatch(/id="tcma-f-consent-error">Please tick this box/);
    expect(res.text).toContain('value="Ola"');
    expect(res.text).toContain('value="Firma &lt;b&gt;"');
    expect(res.text).toContain('aria-invalid="true"');
    expect((await leadsOf(0)).total).toBe(0);

    // A language name where a tag belongs: refused at its field, once the rest is good.
    const named = await api
      .http()
      .post(pagePath(0))
      .type('form')
      .send({ email: 'ola@firma.example', first_name: 'Ola', language: 'Polski', consent: 'yes', tcma_website: '' })
      .expect(422);
    // In the page's words: the audience's own reason ("… is not a BCP 47 language tag") is the API's.
    expect(named.text).toMatch(/id="tcma-f-language-error">must be a language code, like en, de or pt-BR</);
    expect((await leadsOf(0)).total).toBe(0);
  });

  it('takes a good submission: prospect, consent evidence, event and lead, in one go; a filled honeypot records nothing', async () => {
    const partner = demo.partners[0];
    const bot = await api
      .http()
      .post(pagePath(0))
      .type('form')
      .send({ email: 'bot@spam.example', first_name: 'Bot', consent: 'yes', tcma_website: 'http://spam.example' })
      .expect(200);
    expect(bot.text).toContain('Thank you: we will be in touch.');

    const res = await api
      .http()
      .post(pagePath(0))
      .set('User-Agent', 'Mozilla/5.0 (X11; Linux x86_64) Firefox/140.0')
      .type('form')
      .send({
        email: 'Ewa@Firma.example',
        first_name: 'Ewa',
        company: 'Firma',
        phone: '+48 600 100 200',
        seats: '25',
        language: 'pl-pl',
        consent: 'yes',
        tcma_website: '',
      })
      .expect(200);
    expect(res.text).toContain('<div class="tcma-done" role="status"><p>Thank you: we will be in touch.</p></div>');
    expect(res.text).not.toContain('<form');

    const leads = await leadsOf(0);
    expect(leads).toMatchObject({ total: 1, limit: 50, offset: 0 });
    expect(leads.items[0]).toMatchObject({
      email: 'Ewa@Firma.example',
      firstName: 'Ewa',
      company: 'Firma',
      status: 'new',
      sendId: null,
      campaignVersion: 2,
      fields: {
        email: 'Ewa@Firma.example',
        first_name: 'Ewa',
        company: 'Firma',
        phone: '+48 600 100 200',
        seats: '25',
        language: 'pl-pl',
      },
    });
    // Its own page labels the answers as the version's form did, in the form's order.
    const detail = (await api.http().get(`/leads/${leads.items[0].id}`).set(as(partner.token)).expect(200)).body;
    expect(detail.answers).toEqual([
      { name: 'email', label: 'Work email', value: 'Ewa@Firma.example' },
      { name: 'first_name', label: 'First name', value: 'Ewa' },
      { name: 'company', label: 'Company', value: 'Firma' },
      { name: 'phone', label: 'Phone', value: '+48 600 100 200' },
      { name: 'seats', label: 'Seats', value: '25' },
      { name: 'language', label: 'Language', value: 'pl-pl' },
    ]);
    const [prospect] = await db.query(
      'SELECT id::text, first_name, language, custom, consent_source FROM prospects WHERE partner_id = $1 AND email_lower = $2',
      [partner.partnerId, 'ewa@firma.example'],
    );
    // The language the form asked is the prospect's own, in its canonical form.
    expect(prospect).toMatchObject({
      first_name: 'Ewa',
      language: 'pl-PL',
      custom: { phone: '+48 600 100 200', seats: '25' },
    });
    const [consent] = await db.query(
      'SELECT granted, source, wording, wording_version, page, ip, user_agent FROM consent_records WHERE prospect_id = $1',
      [prospect.id],
    );
    const brand = (await api.http().get(`/partners/${partner.partnerId}/brand-kit`).set(as(partner.token))).body;
    expect(consent).toMatchObject({
      granted: true,
      source: 'form',
      wording: `I agree that ${brand.companyName} may email me about Acme Cloud Backup.`,
      page: pagePath(0),
      user_agent: 'Mozilla/5.0 (X11; Linux x86_64) Firefox/140.0',
    });
    expect(consent.wording_version).toMatch(new RegExp(`^[0-9a-f-]{36}:${pageAssetId}$`));
    expect(consent.ip).toMatch(/127\.0\.0\.1|::1|::ffff:127\.0\.0\.1/);
    const events = await db.query(
      "SELECT send_id, launch_id FROM events WHERE type = 'form_submitted' AND prospect_id = $1",
      [prospect.id],
    );
    expect(events).toEqual([{ send_id: null, launch_id: null }]);
    const [bots] = await db.query(
      "SELECT count(*)::int AS n FROM prospects WHERE email_lower = 'bot@spam.example' AND partner_id = $1",
      [partner.partnerId],
    );
    expect(bots.n).toBe(0);

    // The partner's users hear of the lead by email, through the vendor's delivery; of the bot, nothing.
    const users = (
      await api.http().get('/users').query({ partnerId: partner.partnerId }).set(as(demo.tokens.admin)).expect(200)
    ).body.items as Array<{ email: string }>;
    expect(users.length).toBeGreaterThan(0);
    const emails = users.map((u) => u.email.toLowerCase()).sort();
    const toUsers = await eventually(
      () =>
        Promise.resolve(
          emails.every((e) => sink.messages.some((m) => m.to.includes(e)))
            ? sink.messages.filter((m) => emails.includes(m.to[0]))
            : undefined,
        ),
      'the lead notifications',
    );
    const notices = await Promise.all(toUsers.map((m) => simpleParser(m.raw)));
    expect(notices.map((n) => n.subject)).toEqual(
      emails.map(() => 'New lead from Acme Cloud Backup — Protect your business: Ewa@Firma.example'),
    );
    expect(notices[0].text).toContain('phone: +48 600 100 200');
    expect(notices.some((n) => String(n.text).includes('bot@spam.example'))).toBe(false);
    // Sent by the worker from a queued job (never by the API process, in the visitor's request).
    const job = await api.app
      .get<Queue>(getQueueToken(QueueName.Webhooks))
      .getJob(`lead-notice-${String(leads.items[0].id)}`);
    expect([job?.name, await job?.getState(), job?.returnvalue]).toEqual(['notify-lead', 'completed', users.length]);
  });

  it('moves leads through their statuses, and hides them from other tenants and, when private, from the vendor', async () => {
    const [northwind, hellas] = demo.partners;
    const lead = (await leadsOf(0)).items[0];
    await api.http().post(`/leads/${lead.id}/status`).set(as(northwind.token)).send({ status: 'won' }).expect(409);
    const rejected = await api
      .http()
      .post(`/leads/${lead.id}/status`)
      .set(as(northwind.token))
      .send({ status: 'rejected' })
      .expect(422);
    expect(rejected.body.errors).toEqual([{ path: 'reason', message: 'is required when rejecting a lead' }]);
    await api.http().post(`/leads/${lead.id}/status`).set(as(northwind.token)).send({ status: 'accepted' }).expect(200);
    const won = await api
      .http()
      .post(`/leads/${lead.id}/status`)
      .set(as(demo.tokens.admin))
      .send({ status: 'won' })
      .expect(200);
    expect(won.body).toMatchObject({ status: 'won', statusReason: null });
    expect(won.body.answers[0]).toEqual({ name: 'email', label: 'Work email', value: 'Ewa@Firma.example' });

    // Another partner of the same vendor: as another tenant.
    await api.http().get(`/leads/${lead.id}`).set(as(hellas.token)).expect(404);
    await api.http().get(`/partners/${northwind.partnerId}/leads`).set(as(hellas.token)).expect(404);
    await api.http().post(`/leads/${lead.id}/status`).set(as(hellas.token)).send({ status: 'lost' }).expect(404);
    // The vendor sees its partners' leads…
    expect(
      (await api.http().get(`/partners/${northwind.partnerId}/leads`).set(as(demo.tokens.marketer)).expect(200)).body
        .total,
    ).toBe(1);
    // …until the partner keeps its contacts private (a switch only its users hold).
    await api
      .http()
      .put(`/partners/${northwind.partnerId}/contacts-privacy`)
      .set(as(demo.tokens.admin))
      .send({ contactsPrivate: true })
      .expect(403);
    await api
      .http()
      .put(`/partners/${hellas.partnerId}/contacts-privacy`)
      .set(as(northwind.token))
      .send({ contactsPrivate: true })
      .expect(404);
    const privacy = await api
      .http()
      .put(`/partners/${northwind.partnerId}/contacts-privacy`)
      .set(as(northwind.token))
      .send({ contactsPrivate: true })
      .expect(200);
    expect(privacy.body.contactsPrivate).toBe(true);
    await api.http().get(`/partners/${northwind.partnerId}/leads`).set(as(demo.tokens.marketer)).expect(404);
    await api.http().get(`/leads/${lead.id}`).set(as(demo.tokens.admin)).expect(404);
    await api.http().post(`/leads/${lead.id}/status`).set(as(demo.tokens.admin)).send({ status: 'lost' }).expect(404);
    expect((await leadsOf(0)).total).toBe(1);
    await api
      .http()
      .put(`/partners/${northwind.partnerId}/contacts-privacy`)
      .set(as(northwind.token))
      .send({ contactsPrivate: false })
      .expect(200);
  });

  it('attributes a registration to the email whose link brought the prospect, who leaves the nurture as converted', async () => {
    const partner = demo.partners[0];
    await api
      .http()
      .post(`/partners/${partner.partnerId}/prospects`)
      .set(as(partner.token))
      .send({ email: 'jan@kowalski.example', firstName: 'Jan', consentSource: 'trade fair 2026' })
      .expect(201);
    const launched = await api
      .http()
      .post('/launches')
      .set(as(partner.token))
      .send({ campaignId: demo.campaignId, audience: { type: 'all' } })
      .expect(202);
    await eventually(
      async () =>
        (await api.http().get(`/launches/${launched.body.id}`).set(as(partner.token))).body.status === 'active'
          ? true
          : undefined,
      'enrollment',
    );
    await worker.app.get(SweepService).sweep();
    await waitForQueueIdle(worker.app, QueueName.Send);
    const message = await eventually(
      () => Promise.resolve(sink.messages.find((m) => m.to.includes('jan@kowalski.example'))),
      'the first email',
    );
    const html = String((await simpleParser(message.raw)).html);
    const click = new URL(/href="([^"]+\/c\/[^"]+&amp;n=page)"/.exec(html)![1].replace(/&amp;/g, '&'));
    expect(click.searchParams.get('u')).toBe(`${api.config.publicBaseUrl}${pagePath(0)}`);

    const redirect = await api
      .http()
      .get(click.pathname + click.search)
      .set('User-Agent', 'Mozilla/5.0 (Macintosh) Safari/605')
      .expect(302);
    const landing = new URL(redirect.headers.location);
    expect(landing.pathname).toBe(pagePath(0));
    expect(landing.searchParams.get('s')).toBe(message.sendRef);
    await api
      .http()
      .get(landing.pathname + landing.search)
      .expect(200);
    await api
      .http()
      .post(landing.pathname + landing.search)
      .type('form')
      .send({ email: 'jan@kowalski.example', first_name: 'Jan', consent: 'yes', tcma_website: '' })
      .expect(200);

    const lead = (await leadsOf(0)).items.find((l: { email: string }) => l.email === 'jan@kowalski.example');
    expect(lead.sendId).toBe(message.sendId);
    const [event] = await db.query(
      "SELECT send_id::text, launch_id FROM events WHERE type = 'form_submitted' AND send_id = $1",
      [message.sendId],
    );
    expect(event).toEqual({ send_id: message.sendId, launch_id: launched.body.id });
    const [enrollment] = await db.query(
      'SELECT e.status, e.exit_reason FROM enrollments e JOIN prospects p ON p.id = e.prospect_id WHERE p.email_lower = $1',
      ['jan@kowalski.example'],
    );
    expect(enrollment).toEqual({ status: 'exited', exit_reason: 'converted' });
    const [conversions] = await db.query(
      "SELECT count(*)::int AS n FROM events WHERE type = 'converted' AND launch_id = $1",
      [launched.body.id],
    );
    expect(conversions.n).toBe(1);

    // Unsubscribing later withdraws the consent: the history keeps the import, the form and the withdrawal.
    const unsubscribe = new URL(
      /^List-Unsubscribe: <(https?:[^>]+)>/m.exec(message.raw.toString('utf8').replace(/\r?\n[ \t]+/g, ' '))![1],
    );
    await api.http().post(unsubscribe.pathname).type('form').send('List-Unsubscribe=One-Click').expect(200);
    const history = await db.query(
      'SELECT c.granted, c.source FROM consent_records c JOIN prospects p ON p.id = c.prospect_id WHERE p.email_lower = $1 ORDER BY c.id',
      ['jan@kowalski.example'],
    );
    expect(history).toEqual([
      { granted: true, source: 'import' },
      { granted: true, source: 'form' },
      { granted: false, source: 'unsubscribe' },
    ]);
    // The partner reads the same history through the API, oldest first, with the evidence.
    const consentOf = (prospectId: string, token: string) =>
      api.http().get(`/partners/${partner.partnerId}/prospects/${prospectId}/consent`).set(as(token));
    const read = (await consentOf(lead.prospectId, partner.token).expect(200)).body;
    expect(read).toMatchObject({ total: 3, offset: 0 });
    expect(read.items).toMatchObject([
      {
        granted: true,
        source: 'import',
        declaredSource: 'trade fair 2026',
        wording: null,
        page: null,
        campaignId: null,
      },
      {
        granted: true,
        source: 'form',
        declaredSource: null,
        page: pagePath(0),
        wording: expect.stringContaining('may email me about Acme Cloud Backup.'),
        campaignId: demo.campaignId,
      },
      { granted: false, source: 'unsubscribe', wording: null, page: null },
    ]);
    expect(Date.parse(read.items[0].occurredAt)).toBeLessThanOrEqual(Date.parse(read.items[1].occurredAt));
    expect(Date.parse(read.items[1].occurredAt)).toBeLessThanOrEqual(Date.parse(read.items[2].occurredAt));
    // Another partner's user cannot read it; nor can the vendor once the partner keeps its contacts private.
    await consentOf(lead.prospectId, demo.partners[1].token).expect(404);
    expect((await consentOf(lead.prospectId, demo.tokens.admin).expect(200)).body.total).toBe(3);
    await api
      .http()
      .put(`/partners/${partner.partnerId}/contacts-privacy`)
      .set(as(partner.token))
      .send({ contactsPrivate: true })
      .expect(200);
    await consentOf(lead.prospectId, demo.tokens.admin).expect(404);
    await api.http().get(`/partners/${partner.partnerId}/prospects`).set(as(demo.tokens.admin)).expect(404);
    await api.http().get(`/partners/${partner.partnerId}/lists`).set(as(demo.tokens.admin)).expect(404);
    await api.http().get(`/partners/${partner.partnerId}/imports`).set(as(demo.tokens.admin)).expect(404);
    expect(
      (await api.http().get(`/partners/${partner.partnerId}/prospects`).set(as(partner.token)).expect(200)).body.total,
    ).toBeGreaterThan(0);
    await api
      .http()
      .put(`/partners/${partner.partnerId}/contacts-privacy`)
      .set(as(partner.token))
      .send({ contactsPrivate: false })
      .expect(200);
  }, 120_000);

  it('shows no page, and takes no submission, for a partner whose brand kit lacks a required slot', async () => {
    const created = await api
      .http()
      .post('/partners')
      .set(as(demo.tokens.admin))
      .send({ companyName: 'Unfinished Partner', tier: 'gold', region: 'emea', timezone: 'Europe/Warsaw' })
      .expect(201);
    const slug = (await api.http().get(`/partners/${created.body.id}`).set(as(demo.tokens.admin)).expect(200)).body
      .slug;
    const page = await api.http().get(`/p/${slug}/${slugs.campaign}`).expect(404);
    expect(page.text).toContain('This page does not exist.');
    // In the visitor's language: the browser's, or the address's ?lang= before it.
    const german = await api
      .http()
      .get(`/p/${slug}/${slugs.campaign}`)
      .set('Accept-Language', 'de-AT,de;q=0.9')
      .expect(404);
    expect(german.text).toContain('<p>Diese Seite gibt es nicht.</p>');
    const french = await api
      .http()
      .get(`/p/${slug}/${slugs.campaign}?lang=fr-CA`)
      .set('Accept-Language', 'de-AT,de;q=0.9')
      .expect(404);
    expect(french.text).toContain('<p>Cette page n’existe pas.</p>');
    await api
      .http()
      .post(`/p/${slug}/${slugs.campaign}`)
      .type('form')
      .send({ email: 'early@prospect.example', first_name: 'Early', company: 'Early Ltd', consent: 'yes' })
      .set('Accept-Language', 'es-ES')
      .expect(404)
      .expect((r) => expect(r.text).toContain('<p>Esta página no existe.</p>'));
    expect(await db.query('SELECT id FROM prospects WHERE partner_id = $1', [created.body.id])).toEqual([]);
  });

  it('limits submissions per address', async () => {
    const statuses: number[] = [];
    for (let i = 0; i < 12; i++)
      statuses.push((await api.http().post(pagePath(1)).type('form').send({ email: 'x' })).status);
    expect(statuses).toContain(429);
    const limited = await api
      .http()
      .post(pagePath(1))
      .type('form')
      .send({ email: 'later@example.com', first_name: 'Later', consent: 'yes' })
      .expect(429);
    expect(limited.text).toContain('Too many submissions');
    expect(limited.text).toContain('value="later@example.com"');
    await api
      .http()
      .post(pagePath(1))
      .type('form')
      .send('email=' + 'a'.repeat(40 * 1024))
      .expect(413);
  });
});
