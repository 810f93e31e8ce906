import { ManualClock } from '@tcma/clock';
import { QueueName } from '@tcma/queue';
import { WEBHOOK_DISABLE_AFTER_MS } from '@tcma/webhooks';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { authorDemoCampaign } from '../factories/demo-campaign.factory';
import { TenantFactory, TestPartner, TestVendor } from '../factories/tenant.factory';
import { ApiHarness, startApi } from '../support/api-harness';
import { eventually } from '../support/processes';
import { waitForQueueIdle } from '../support/queues';
import { startWorker, WorkerHarness } from '../support/worker-harness';

/**
 * An endpoint failing for a day is disabled and its owner told; enabled again, it gets what
 * waited. Real HTTP receiver, queue and worker; the day passes on the injected clock.
 */
describe('webhook endpoints failing for a day', () => {
  const clock = new ManualClock(new Date('2026-11-23T09:00:00Z'));
  const env = { WEBHOOK_ALLOWED_PRIVATE_TARGETS: '127.0.0.1', WEBHOOK_RETRY_BASE_MS: '500' };
  let api: ApiHarness;
  let worker: WorkerHarness;
  let vendor: TestVendor;
  let partner: TestPartner;
  let other: TestPartner;
  let pagePath: string;
  let status = 503;
  const received: Array<{ id: string; status: number }> = [];
  const server = http.createServer((req, res) => {
    req.resume();
    req.on('end', () => {
      received.push({ id: String(req.headers['webhook-id']), status });
      res.writeHead(status).end();
    });
  });
  const as = (token: string) => ({ Authorization: `Bearer ${token}` });
  const endpointOf = async (id: string) =>
    (
      (await api.http().get('/webhooks').set(as(partner.token)).expect(200)).body.items as Array<
        Record<string, unknown>
      >
    ).find((e) => e.id === id)!;

  beforeAll(async () => {
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    api = await startApi({ clock, env });
    worker = await startWorker({ roles: 'webhook', clock, env });
    const tenants = new TenantFactory(api);
    vendor = await tenants.vendor();
    partner = await tenants.partner(vendor, { role: 'partner_admin' });
    other = await tenants.partner(vendor, { role: 'partner_admin' });
    const campaign = await authorDemoCampaign(api, vendor.marketerToken);
    await api
      .http()
      .put(`/partners/${partner.partnerId}/brand-kit`)
      .set(as(partner.token))
      .send({ email: 'p@partner.example', website: 'https://p.example', address: '1 Main St, Springfield' })
      .expect(200);
    const partnerSlug = (await api.http().get(`/partners/${partner.partnerId}`).set(as(partner.token)).expect(200)).body
      .slug;
    const campaignSlug = (
      await api.http().get(`/campaigns/${campaign.campaignId}`).set(as(vendor.marketerToken)).expect(200)
    ).body.slug;
    pagePath = `/p/${partnerSlug}/${campaignSlug}`;
  }, 120_000);

  afterAll(async () => {
    await worker?.close();
    await api?.close();
    await new Promise((resolve) => server.close(resolve));
  });

  it('disables the endpoint after a day of failures, tells its owner, and sends what waited once enabled again', async () => {
    const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/hook`;
    const endpoint = (
      await api
        .http()
        .post('/webhooks')
        .set(as(partner.token))
        .send({ url, eventTypes: ['lead_created'] })
        .expect(201)
    ).body;
    expect(endpoint).toMatchObject({ enabled: true, consecutiveFailures: 0, failingSince: null, disabledAt: null });
    await api
      .http()
      .post(pagePath)
      .type('form')
      .send({
        email: 'ada@lovelace.example',
        first_name: 'Ada',
        company: 'Analytical',
        consent: 'yes',
        tcma_website: '',
      })
      .expect(200);

    // Failing, but not for a day yet: still enabled, the streak counted from its first failure.
    const failing = await eventually(async () => {
      const e = await endpointOf(endpoint.id);
      return Number(e.consecutiveFailures) >= 1 ? e : undefined;
    }, 'a failed attempt');
    expect(failing).toMatchObject({ enabled: true, failingSince: clock.now().toISOString(), disabledAt: null });

    // A day later the next failure disables it.
    clock.advance(WEBHOOK_DISABLE_AFTER_MS);
    const disabled = await eventually(async () => {
      const e = await endpointOf(endpoint.id);
      return e.enabled === false ? e : undefined;
    }, 'the endpoint disabled');
    expect(disabled).toMatchObject({ failingSince: failing.failingSince, disabledAt: clock.now().toISOString() });
    expect(String(disabled.disabledReason)).toMatch(
      /^Failing since 2026-11-23T09:00:00\.000Z \(\d+ failed attempts in a row; the last: HTTP 503\)$/,
    );
    const attemptsWhenDisabled = received.length;

    // Its owner (the partner's users) is told, through the vendor's delivery (here the local outbox).
    const notice = await eventually(async () => {
      const items = (await api.http().get('/outbox').set(as(partner.token)).expect(200)).body.items as Array<{
        id: string;
        subject: string;
      }>;
      return items.find((m) => m.subject.startsWith('Webhook disabled'));
    }, 'the notice to the owner');
    expect(notice.subject).toBe(
      'Webhook disabled: 127.0.0.1:' + (server.address() as AddressInfo).port + ' has been failing for a day',
    );
    const text = (await api.http().get(`/outbox/${notice.id}/text`).set(as(partner.token)).expect(200)).text;
    expect(text).toContain(`POST /webhooks/${endpoint.id}/enable`);
    // A disabled endpoint is sent nothing more.
    const [delivery] = (await api.http().get(`/webhooks/${endpoint.id}/deliveries`).set(as(partner.token)).expect(200))
      .body.items;
    expect(delivery.status).not.toBe('delivered');
    // Its delivery's remaining retries run out without a request.
    await waitForQueueIdle(worker.app, QueueName.Webhooks);
    expect(received.length).toBe(attemptsWhenDisabled);

    // Another partner cannot enable it; its owner can, once the receiver is back: what waited goes out.
    await api.http().post(`/webhooks/${endpoint.id}/enable`).set(as(other.token)).expect(404);
    status = 200;
    const enabled = (await api.http().post(`/webhooks/${endpoint.id}/enable`).set(as(partner.token)).expect(200)).body;
    expect(enabled).toMatchObject({
      enabled: true,
      consecutiveFailures: 0,
      failingSince: null,
      disabledAt: null,
      disabledReason: null,
    });
    await eventually(
      () => Promise.resolve(received.some((r) => r.id === delivery.id && r.status === 200) ? true : undefined),
      'the waiting delivery',
    );
    const after = await eventually(async () => {
      const [d] = (await api.http().get(`/webhooks/${endpoint.id}/deliveries`).set(as(partner.token)).expect(200)).body
        .items;
      return d.status === 'delivered' ? d : undefined;
    }, 'the delivery logged as delivered');
    expect(after.log.at(-1)).toMatchObject({ statusCode: 200 });
    expect(received.filter((r) => r.status === 200).map((r) => r.id)).toEqual([delivery.id]);
  }, 120_000);
});
