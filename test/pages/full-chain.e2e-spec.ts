import { ManualClock } from '@tcma/clock';
import { SweepService } from '@tcma/nurture';
import { QueueName } from '@tcma/queue';
import { simpleParser } from 'mailparser';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { Webhook } from 'standardwebhooks';
import { DemoSeeder, SeededDemo } from '../../apps/cli/src/demo/demo-seeder';
import { ApiHarness, startApi } from '../support/api-harness';
import { eventually } from '../support/processes';
import { waitForQueueIdle } from '../support/queues';
import { SmtpSink } from '../support/smtp-sink';
import { startWorker, WorkerHarness } from '../support/worker-harness';
import { TestDb, testDb } from '../support/db';

/** Monday 23 November 2026, 07:30 UTC: inside the demo's first send window in Warsaw. */
const START = new Date('2026-11-23T07:30:00Z');

/**
 * The whole chain the "done" describes, with real parts (API, worker, Postgres, Redis,
 * an SMTP server, an HTTP receiver): the demo email's link → the partner's co-branded page →
 * its registration form → the lead, the prospect leaving the nurture as converted → the partner
 * told by email and by a signed webhook.
 */
describe('from the email to the lead, the notice and the webhook', () => {
  const clock = new ManualClock(START);
  const sink = new SmtpSink();
  const hooks: Array<{ headers: http.IncomingHttpHeaders; body: string }> = [];
  const receiver = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      hooks.push({ headers: req.headers, body: Buffer.concat(chunks).toString('utf8') });
      res.writeHead(204).end();
    });
  });
  let api: ApiHarness;
  let worker: WorkerHarness;
  let demo: SeededDemo;
  let db: TestDb;
  const as = (token: string) => ({ Authorization: `Bearer ${token}` });

  beforeAll(async () => {
    await sink.start();
    await new Promise<void>((resolve) => receiver.listen(0, '127.0.0.1', resolve));
    const env = { QUEUE_HORIZON_MS: '1000', WEBHOOK_ALLOWED_PRIVATE_TARGETS: '127.0.0.1', WEBHOOK_RETRY_BASE_MS: '50' };
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
    // The vendor points the welcome email's button at the campaign's registration page.
    const marketer = as(demo.tokens.marketer);
    const published = (
      await api.http().get(`/campaigns/${demo.campaignId}/versions/${demo.version}`).set(marketer).expect(200)
    ).body;
    const welcome = published.content.assets.find((a: { kind: string }) => a.kind === 'email');
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
  }, 120_000);

  afterAll(async () => {
    await worker?.close();
    await api?.close();
    await sink.stop();
    await new Promise((resolve) => receiver.close(resolve));
  });

  it('a click on the demo email, a registration on the co-branded page: a converted prospect, a lead, a notice and a signed webhook', async () => {
    const partner = demo.partners[0];
    const p = as(partner.token);
    const hook = (
      await api
        .http()
        .post('/webhooks')
        .set(p)
        .send({ url: `http://127.0.0.1:${(receiver.address() as AddressInfo).port}/crm`, eventTypes: ['lead_created'] })
        .expect(201)
    ).body;
    await api
      .http()
      .post(`/partners/${partner.partnerId}/prospects`)
      .set(p)
      .send({ email: 'marta@kowalska.example', firstName: 'Marta' })
      .expect(201);
    const launch = (
      await api
        .http()
        .post('/launches')
        .set(p)
        .send({ campaignId: demo.campaignId, audience: { type: 'all' } })
        .expect(202)
    ).body;
    await eventually(
      async () => ((await api.http().get(`/launches/${launch.id}`).set(p)).body.status === 'active' ? true : undefined),
      'enrollment',
    );
    await worker.app.get(SweepService).sweep();
    await waitForQueueIdle(worker.app, QueueName.Send);

    // The email, its tracked link to the page, the redirect.
    const message = await eventually(
      () => Promise.resolve(sink.messages.find((m) => m.to.includes('marta@kowalska.example'))),
      'the welcome email',
    );
    const html = String((await simpleParser(message.raw)).html);
    const click = new URL(/href="([^"]+\/c\/[^"]+&amp;n=page)"/.exec(html)![1].replace(/&amp;/g, '&'));
    const redirect = await api
      .http()
      .get(click.pathname + click.search)
      .set('User-Agent', 'Mozilla/5.0 (Macintosh) Safari/605')
      .expect(302);
    const landing = new URL(redirect.headers.location);
    const slug = (await api.http().get(`/partners/${partner.partnerId}`).set(p).expect(200)).body.slug;
    expect(landing.pathname).toMatch(new RegExp(`^/p/${slug}/`));

    // The partner's co-branded page, its form, the registration.
    const page = await api
      .http()
      .get(landing.pathname + landing.search)
      .expect(200);
    expect(page.text).toContain(partner.companyName);
    expect(page.text).toContain('Book my demo');
    const done = await api
      .http()
      .post(landing.pathname + landing.search)
      .type('form')
      .send({
        email: 'marta@kowalska.example',
        first_name: 'Marta',
        last_name: 'Kowalska',
        company: 'Kowalska Sp. z o.o.',
        consent: 'yes',
        tcma_website: '',
      })
      .expect(200);
    expect(done.text).toContain('Thank you: we will be in touch within one working day');

    // The lead, attributed to the send; the prospect left the nurture as converted.
    const lead = (await api.http().get(`/partners/${partner.partnerId}/leads`).set(p).expect(200)).body.items[0];
    expect(lead).toMatchObject({
      email: 'marta@kowalska.example',
      sendId: message.sendId,
      status: 'new',
      fields: { company: 'Kowalska Sp. z o.o.' },
    });
    const [enrollment] = await db.query(
      'SELECT e.status, e.exit_reason FROM enrollments e JOIN prospects p ON p.id = e.prospect_id WHERE p.email_lower = $1',
      ['marta@kowalska.example'],
    );
    expect(enrollment).toEqual({ status: 'exited', exit_reason: 'converted' });

    // The partner's users hear of it by email…
    const users = (
      await api.http().get('/users').query({ partnerId: partner.partnerId }).set(as(demo.tokens.admin)).expect(200)
    ).body.items as Array<{ email: string }>;
    const notice = await eventually(
      () =>
        Promise.resolve(
          sink.messages.find(
            (m) =>
              m.to.includes(users[0].email.toLowerCase()) && m.raw.toString('utf8').includes('marta@kowalska.example'),
          ),
        ),
      'the lead notice',
    );
    expect((await simpleParser(notice.raw)).subject).toMatch(/^New lead from .+: marta@kowalska\.example$/);

    // …and its CRM by a webhook, verified with an independent Standard Webhooks implementation.
    const received = await eventually(() => Promise.resolve(hooks[0]), 'the webhook');
    const event = new Webhook(hook.secret).verify(received.body, {
      'webhook-id': String(received.headers['webhook-id']),
      'webhook-timestamp': String(received.headers['webhook-timestamp']),
      'webhook-signature': String(received.headers['webhook-signature']),
    }) as { type: string; data: Record<string, unknown> };
    expect(event).toMatchObject({
      type: 'lead_created',
      data: {
        leadId: lead.id,
        partnerId: partner.partnerId,
        launchId: launch.id,
        campaignId: demo.campaignId,
        prospect: { email: 'marta@kowalska.example', firstName: 'Marta' },
      },
    });
    expect(hooks).toHaveLength(1);
  }, 120_000);
});
