import { ManualClock } from '@tcma/clock';
import { SweepService } from '@tcma/nurture';
import { QueueName } from '@tcma/queue';
import { simpleParser } from 'mailparser';
import { authorDemoCampaign } from '../factories/demo-campaign.factory';
import { TenantFactory } from '../factories/tenant.factory';
import { ApiHarness, startApi } from '../support/api-harness';
import { eventually } from '../support/processes';
import { waitForQueueIdle } from '../support/queues';
import { SmtpSink } from '../support/smtp-sink';
import { startWorker, WorkerHarness } from '../support/worker-harness';

/** The HTML of an email as the prospect receives it over SMTP, and as the browser shows it. */
describe('sent email HTML', () => {
  const clock = new ManualClock(new Date('2026-11-23T09:00:00Z'));
  const sink = new SmtpSink();
  let api: ApiHarness;
  let worker: WorkerHarness;
  let html: string;
  const as = (token: string) => ({ Authorization: `Bearer ${token}` });

  beforeAll(async () => {
    await sink.start();
    api = await startApi({ clock });
    worker = await startWorker({ roles: 'send,enroll', clock });
    const tenants = new TenantFactory(api);
    const vendor = await tenants.vendor();
    const partner = await tenants.partner(vendor);
    await api
      .http()
      .put('/sending')
      .set(as(vendor.adminToken))
      .send({ smtpUrl: sink.url, ratePerSecond: 100_000 })
      .expect(200);
    const { campaignId } = await authorDemoCampaign(api, vendor.marketerToken, { immediate: true });
    await api
      .http()
      .post(`/partners/${partner.partnerId}/prospects`)
      .set(as(partner.token))
      .send({ email: 'ann@prospect.example', firstName: 'Ann' })
      .expect(201);
    const slotValues = {
      company_name: 'Partner Ltd',
      email: 'hello@partner.example',
      website: 'https://partner.example',
      address: '1 Main St, Springfield',
    };
    const launchId = (
      await api
        .http()
        .post('/launches')
        .set(as(partner.token))
        .send({ campaignId, audience: { type: 'all' }, slotValues })
        .expect(202)
    ).body.id;
    await eventually(
      async () =>
        (await api.http().get(`/launches/${launchId}`).set(as(partner.token))).body.status === 'active'
          ? true
          : undefined,
      'enrollment',
    );
    await worker.app.get(SweepService).sweep();
    await waitForQueueIdle(worker.app, QueueName.Send);
    await eventually(() => Promise.resolve(sink.messages.length ? true : undefined), 'the first email');
    html = String((await simpleParser(sink.messages[0].raw)).html);
  }, 60_000);
  afterAll(async () => {
    await worker?.close();
    await api?.close();
    await sink.stop();
  });

  it('writes tracked links with plain "=" and "&amp;" between parameters', async () => {
    expect(html).not.toContain('&#x3D;');
    const tracked = [...html.matchAll(/href="([^"]*\/c\/[^"]*)"/g)].map((m) => m[1]);
    expect(tracked.length).toBeGreaterThan(1);
    for (const href of tracked) expect(href).toMatch(/\?u=https%3A%2F%2F[^"&]*(&amp;n=[a-z_]+)?$/);
    expect(tracked).toContainEqual(
      expect.stringMatching(/\?u=https%3A%2F%2Facme-backup\.example%2Ftrial&amp;n=trial$/),
    );
    // The address works as written (after HTML's own decoding of &amp;).
    const url = new URL(tracked.find((h) => h.includes('n=trial'))!.replace(/&amp;/g, '&'));
    await api
      .http()
      .get(`${url.pathname}${url.search}`)
      .set('User-Agent', 'Mozilla/5.0 (X11; Linux x86_64) Firefox/133.0')
      .expect(302)
      .expect('Location', 'https://acme-backup.example/trial');
  });

  it("declares the campaign's language", () => {
    expect(html).toMatch(/<html[^>]* lang="en"/);
  });

  it('shows the email in the browser under a sandboxing Content-Security-Policy', async () => {
    const view = new URL(/href="([^"]*\/v\/[^"]*)"/.exec(html)![1].replace(/&amp;/g, '&'));
    const res = await api.http().get(view.pathname).expect(200);
    expect(res.text).toContain('Partner Ltd');
    const csp = String(res.headers['content-security-policy'])
      .split(';')
      .map((d) => d.trim());
    expect(csp).toEqual(
      expect.arrayContaining([
        'sandbox',
        "default-src 'none'",
        `img-src ${new URL(api.config.publicBaseUrl).origin} https:`,
      ]),
    );
    expect(csp.some((d) => d.startsWith('script-src'))).toBe(false);
  });
});
