import { ManualClock } from '@tcma/clock';
import { EngagementService } from '@tcma/engagement';
import { SweepService } from '@tcma/nurture';
import { QueueName } from '@tcma/queue';
import * as http from 'node:http';
import type { AddressInfo } from 'node:net';
import request from 'supertest';
import { DemoSeeder, SeededDemo } from '../../apps/cli/src/demo/demo-seeder';
import { ApiHarness, startApi } from '../support/api-harness';
import { eventually, freePort } from '../support/processes';
import { sample } from '../support/prometheus';
import { waitForQueueIdle } from '../support/queues';
import { startWorker, WorkerHarness } from '../support/worker-harness';

/**
 * What an operator and a puzzled partner see of a real send: the outbox message as HTML and
 * as text, and the series Prometheus scrapes from the API and from the worker.
 */
describe('outbox views and metrics', () => {
  // Monday 23 November 2026, 10:00 in Warsaw: inside the demo's first-step window.
  const clock = new ManualClock(new Date('2026-11-23T09:00:00Z'));
  const metricsToken = 'metrics-token-0123456789';
  let workerPort: number;
  let api: ApiHarness;
  let worker: WorkerHarness;
  let demo: SeededDemo;
  let messageId: string;
  let launchId: string;
  let apiBefore: string;
  let workerBefore: string;
  const as = (token: string) => ({ Authorization: `Bearer ${token}` });
  const scrapeApi = async () =>
    (
      await api
        .http()
        .get('/metrics')
        .set(as(metricsToken))
        .expect(200)
        .expect('Content-Type', /^text\/plain;.*version=0\.0\.4/)
    ).text;
  const scrapeWorker = async () => (await request(`http://127.0.0.1:${workerPort}`).get('/metrics').expect(200)).text;
  // A webhook receiver, so that the worker's webhook series move with real deliveries.
  let hooksReceived = 0;
  const receiver = http.createServer((req, res) => {
    req.resume();
    req.on('end', () => {
      hooksReceived++;
      res.writeHead(204).end();
    });
  });

  beforeAll(async () => {
    workerPort = await freePort();
    const env = { QUEUE_HORIZON_MS: '1000', METRICS_TOKEN: metricsToken, WEBHOOK_ALLOWED_PRIVATE_TARGETS: '127.0.0.1' };
    await new Promise<void>((resolve) => receiver.listen(0, '127.0.0.1', resolve));
    api = await startApi({ clock, env });
    worker = await startWorker({
      roles: 'send,enroll,webhook',
      clock,
      env: { ...env, WORKER_METRICS_PORT: String(workerPort), HOST: '127.0.0.1' },
    });
    demo = await new DemoSeeder(api.app).seed();
    apiBefore = await scrapeApi();
    workerBefore = await scrapeWorker();
    const [partner] = demo.partners;
    await api
      .http()
      .post('/webhooks')
      .set(as(demo.tokens.admin))
      .send({ url: `http://127.0.0.1:${(receiver.address() as AddressInfo).port}/hooks`, eventTypes: ['sent'] })
      .expect(201);
    for (const e of ['a', 'b'])
      await api
        .http()
        .post(`/partners/${partner.partnerId}/prospects`)
        .set(as(partner.token))
        .send({ email: `${e}@ops.example`, firstName: e === 'a' ? 'Ann' : 'Bob', timezone: 'Europe/Warsaw' })
        .expect(201);
    launchId = (
      await api
        .http()
        .post('/launches')
        .set(as(partner.token))
        .send({ campaignId: demo.campaignId, audience: { type: 'all' } })
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
    const items = (await api.http().get('/outbox').set(as(partner.token)).expect(200)).body.items as Array<{
      id: string;
      to: string[];
    }>;
    messageId = items.find((m) => m.to[0] === 'a@ops.example')!.id;
  }, 120_000);

  afterAll(async () => {
    await worker?.close();
    await api?.close();
    await new Promise((resolve) => receiver.close(resolve));
  });

  describe('the outbox message as HTML and as text', () => {
    it('shows the HTML, decoded, under a sandboxing policy', async () => {
      const res = await api
        .http()
        .get(`/outbox/${messageId}/html`)
        .set(as(demo.partners[0].token))
        .expect(200)
        .expect('Content-Type', 'text/html; charset=utf-8')
        .expect('X-Content-Type-Options', 'nosniff');
      expect(res.text).toMatch(/^<!doctype html>/i);
      expect(res.text).toContain('Ann');
      // Decoded: no quoted-printable soft breaks or escapes left.
      expect(res.text).not.toMatch(/=\r?\n|=3D/);
      const csp = String(res.headers['content-security-policy'])
        .split(';')
        .map((d) => d.trim());
      expect(csp).toEqual(expect.arrayContaining(['sandbox', "default-src 'none'", "form-action 'none'"]));
      expect(csp.some((d) => d.startsWith('script-src'))).toBe(false);
    });

    it('shows the text part as UTF-8 plain text', async () => {
      const res = await api
        .http()
        .get(`/outbox/${messageId}/text`)
        .set(as(demo.partners[0].token))
        .expect(200)
        .expect('Content-Type', 'text/plain; charset=utf-8')
        .expect('X-Content-Type-Options', 'nosniff');
      expect(res.text).toContain('Ann');
      expect(res.text).not.toMatch(/<\/?(html|p|a)\b/i);
    });

    it("is the vendor's to read too, and 404 for another partner or no credential", async () => {
      await api.http().get(`/outbox/${messageId}/html`).set(as(demo.tokens.marketer)).expect(200);
      await api.http().get(`/outbox/${messageId}/html`).set(as(demo.partners[1].token)).expect(404);
      await api.http().get(`/outbox/${messageId}/text`).set(as(demo.partners[1].token)).expect(404);
      await api.http().get('/outbox/999999999/text').set(as(demo.partners[0].token)).expect(404);
      await api.http().get(`/outbox/${messageId}/html`).expect(401);
    });
  });

  describe('/metrics', () => {
    it('answers only to the metrics token', async () => {
      await api.http().get('/metrics').expect(401);
      await api.http().get('/metrics').set(as('wrong-token-wrong-token')).expect(401);
      // A user's API token is not the metrics token.
      await api.http().get('/metrics').set(as(demo.tokens.admin)).expect(401);
    });

    it('does not exist while METRICS_TOKEN is unset', async () => {
      const plain = await startApi({ clock });
      try {
        await plain.http().get('/metrics').expect(404);
        await plain.http().get('/metrics').set(as(metricsToken)).expect(404);
      } finally {
        await plain.close();
      }
    });

    it("moves the worker's send series with a real send", async () => {
      const after = await scrapeWorker();
      const sent = (text: string) => sample(text, 'tcma_send_outcomes_total', { outcome: 'sent' }) ?? 0;
      expect(sent(workerBefore)).toBe(0);
      expect(sent(after)).toBe(2);
      expect(sample(after, 'tcma_send_latency_seconds_count')).toBe(2);
      expect(sample(after, 'tcma_send_latency_seconds_bucket', { le: '+Inf' })).toBe(2);
      // One compile for the step's email, then the second prospect's render hits the cache.
      expect(sample(after, 'tcma_render_cache_lookups_total', { result: 'miss' })).toBeGreaterThanOrEqual(1);
      expect(sample(after, 'tcma_render_cache_lookups_total', { result: 'hit' })).toBeGreaterThanOrEqual(1);
      expect(sample(after, 'nodejs_eventloop_lag_seconds')).toBeGreaterThanOrEqual(0);
      await request(`http://127.0.0.1:${workerPort}`).get('/other').expect(404);
    });

    it("counts the worker's imported rows and webhook deliveries by result", async () => {
      const [partner] = demo.partners;
      const csv = 'email,first_name\r\ncid@ops.example,Cid\r\ndee@ops.example,Dee\r\nnot-an-address,Eve\r\n';
      const started = await api
        .http()
        .post(`/partners/${partner.partnerId}/imports`)
        .set(as(partner.token))
        .set('Content-Type', 'text/csv')
        .send(csv)
        .expect(202);
      await eventually(
        async () =>
          (
            await api
              .http()
              .get(`/partners/${partner.partnerId}/imports/${started.body.id}`)
              .set(as(partner.token))
              .expect(200)
          ).body.status === 'completed'
            ? true
            : undefined,
        'the import',
      );
      // Each of the two sends tells the vendor's endpoint when the next engagement run reads its
      // event (sends need not settle as opens and clicks do, SETTLE_MS): run here as of 11 s
      // ahead, past any settling, while the test's clock stays put for the tests below.
      await worker.app.get(EngagementService).process(new Date(clock.now().getTime() + 11_000));
      await eventually(() => Promise.resolve(hooksReceived >= 2 ? true : undefined), 'two webhook deliveries');
      await waitForQueueIdle(worker.app, QueueName.Webhooks);
      const after = await scrapeWorker();
      expect(sample(workerBefore, 'tcma_import_rows_total', { result: 'inserted' })).toBeUndefined();
      expect(sample(after, 'tcma_import_rows_total', { result: 'inserted' })).toBe(2);
      expect(sample(after, 'tcma_import_rows_total', { result: 'rejected' })).toBe(1);
      expect(sample(after, 'tcma_import_rows_total', { result: 'merged' }) ?? 0).toBe(0);
      expect(sample(workerBefore, 'tcma_webhook_deliveries_total', { outcome: 'delivered' })).toBeUndefined();
      expect(sample(after, 'tcma_webhook_deliveries_total', { outcome: 'delivered' })).toBe(2);
    });

    it("times the API's requests by route template and status class", async () => {
      const after = await scrapeApi();
      const outboxHtml = { method: 'GET', route: '/outbox/:id/html', status_class: '2xx' };
      expect(sample(apiBefore, 'tcma_http_request_duration_seconds_count', outboxHtml)).toBeUndefined();
      expect(sample(after, 'tcma_http_request_duration_seconds_count', outboxHtml)).toBeGreaterThanOrEqual(2);
      expect(
        sample(after, 'tcma_http_request_duration_seconds_count', { ...outboxHtml, status_class: '4xx' }),
      ).toBeGreaterThanOrEqual(2);
      expect(
        sample(after, 'tcma_http_request_duration_seconds_count', {
          method: 'POST',
          route: '/launches',
          status_class: '2xx',
        }),
      ).toBe(1);
      expect(after).not.toMatch(new RegExp(`route="/outbox/${messageId}`));
    });

    it('reads the queues, the due backlog and the enrollments on scrape', async () => {
      const after = await scrapeApi();
      for (const queue of ['send', 'render', 'enroll', 'webhooks', 'programmes', 'social']) {
        expect(sample(after, 'tcma_queue_jobs', { queue, state: 'waiting' })).toBe(0);
        expect(sample(after, 'tcma_queue_oldest_waiting_seconds', { queue })).toBe(0);
      }
      expect(sample(after, 'tcma_due_backlog_steps')).toBe(0);
      expect(sample(after, 'tcma_due_backlog_oldest_seconds')).toBe(0);
      // No enrollment existed at the first scrape; they are counted again once a minute has passed.
      expect(sample(apiBefore, 'tcma_enrollments', { status: 'active' })).toBeUndefined();
      // Three days and an hour on, the second step of both enrollments is due and nobody has sent it.
      clock.advance(3 * 86_400_000 + 3_600_000);
      const later = await scrapeApi();
      expect(sample(later, 'tcma_enrollments', { status: 'active' })).toBe(2);
      expect(sample(later, 'tcma_due_backlog_steps')).toBe(2);
      expect(sample(later, 'tcma_due_backlog_oldest_seconds')).toBe(3600);
      expect(sample(later, 'tcma_metrics_collect_failures_total')).toBeUndefined();
    });

    it('counts no step of a paused launch as due backlog: nobody is meant to send it', async () => {
      const [partner] = demo.partners;
      await api.http().post(`/launches/${launchId}/pause`).set(as(partner.token)).expect(200);
      const paused = await scrapeApi();
      expect(sample(paused, 'tcma_due_backlog_steps')).toBe(0);
      expect(sample(paused, 'tcma_due_backlog_oldest_seconds')).toBe(0);
      // Resumed, its two due steps are backlog again.
      await api.http().post(`/launches/${launchId}/resume`).set(as(partner.token)).expect(200);
      const resumed = await scrapeApi();
      expect(sample(resumed, 'tcma_due_backlog_steps')).toBe(2);
      expect(sample(resumed, 'tcma_due_backlog_oldest_seconds')).toBe(3600);
    });
  });
});
