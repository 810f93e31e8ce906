import { ManualClock } from '@tcma/clock';
import { EngagementService } from '@tcma/engagement';
import { SweepService } from '@tcma/nurture';
import { QueueName } from '@tcma/queue';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { simpleParser } from 'mailparser';
import { Webhook } from 'standardwebhooks';
import { DemoSeeder, SeededDemo } from '../../apps/cli/src/demo/demo-seeder';
import { ApiHarness, startApi } from '../support/api-harness';
import { eventually } from '../support/processes';
import { waitForQueueIdle } from '../support/queues';
import { SmtpSink } from '../support/smtp-sink';
import { startWorker, WorkerHarness } from '../support/worker-harness';

/** Monday 23 November 2026, 10:00 in Warsaw: inside the demo's first-step window. */
const START = new Date('2026-11-23T09:00:00Z');
const BROWSER =
  'Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0 Safari/537.36';
const SCANNER = 'Mozilla/5.0 (compatible; Mimecast URL Protect)';

interface Delivered {
  path: string;
  id: string;
  type: string;
  data: Record<string, unknown>;
}

/**
 * What the engine itself records becomes webhooks: sends (accepted), bounces, a person's clicks
 * (not a scanner's), conversions and completed launches, each once, signed, to the endpoints of
 * the vendor and of the partner concerned only.
 */
describe('webhooks for sends, bounces, clicks, conversions and completed launches', () => {
  const clock = new ManualClock(START);
  const sink = new SmtpSink();
  const received: Array<{ path: string; headers: http.IncomingHttpHeaders; body: string }> = [];
  const receiver = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      received.push({ path: req.url ?? '', headers: req.headers, body: Buffer.concat(chunks).toString('utf8') });
      res.writeHead(204).end();
    });
  });
  let receiverUrl = '';
  let base = '';
  let api: ApiHarness;
  let worker: WorkerHarness;
  let demo: SeededDemo;
  const as = (token: string) => ({ Authorization: `Bearer ${token}` });
  const env = { QUEUE_HORIZON_MS: '1000', WEBHOOK_ALLOWED_PRIVATE_TARGETS: '127.0.0.1', WEBHOOK_RETRY_BASE_MS: '50' };

  beforeAll(async () => {
    await sink.start();
    await new Promise<void>((resolve) => receiver.listen(0, '127.0.0.1', resolve));
    receiverUrl = `http://127.0.0.1:${(receiver.address() as AddressInfo).port}`;
    api = await startApi({ clock, env });
    await api.app.listen(0, '127.0.0.1');
    base = `http://127.0.0.1:${(api.app.getHttpServer().address() as AddressInfo).port}`;
    worker = await startWorker({ roles: 'send,enroll,webhook', clock, env });
    demo = await new DemoSeeder(api.app).seed();
    await api
      .http()
      .put('/sending')
      .set(as(demo.tokens.admin))
      .send({ smtpUrl: sink.url, ratePerSecond: 100_000, sendingDomain: 'acme-backup.example' })
      .expect(200);
  }, 120_000);

  afterAll(async () => {
    await worker?.close();
    await api?.close();
    await sink.stop();
    await new Promise((resolve) => receiver.close(resolve));
  });

  it('sends each event once, signed, to the vendor and to the partner it concerns', async () => {
    const [a, b] = demo.partners;
    const vendorHook = await api
      .http()
      .post('/webhooks')
      .set(as(demo.tokens.admin))
      .send({
        url: `${receiverUrl}/vendor`,
        eventTypes: ['sent', 'bounced', 'clicked', 'converted', 'launch_completed'],
      })
      .expect(201);
    const partnerHook = await api
      .http()
      .post('/webhooks')
      .set(as(b.token))
      .send({ url: `${receiverUrl}/partner-b`, eventTypes: ['sent', 'clicked'] })
      .expect(201);

    sink.behaviour = {
      rcpt: (address) => (address === 'p2@prospect.example' ? { code: 550, message: 'No such user' } : undefined),
    };
    const launched: Record<string, string> = {};
    for (const [partner, emails] of [
      [a, ['p1', 'p2']],
      [b, ['q1']],
    ] as const) {
      for (const e of emails)
        await api
          .http()
          .post(`/partners/${partner.partnerId}/prospects`)
          .set(as(partner.token))
          .send({ email: `${e}@prospect.example`, timezone: 'Europe/Warsaw' })
          .expect(201);
      const res = await api
        .http()
        .post('/launches')
        .set(as(partner.token))
        .send({ campaignId: demo.campaignId, audience: { type: 'all' } })
        .expect(202);
      launched[partner.partnerId] = res.body.id;
      await eventually(
        async () =>
          (await api.http().get(`/launches/${res.body.id}`).set(as(partner.token))).body.status === 'active'
            ? true
            : undefined,
        'enrollment',
      );
    }
    await worker.app.get(SweepService).sweep();
    await waitForQueueIdle(worker.app, QueueName.Send);
    const p1 = sink.messages.find((m) => m.to[0] === 'p1@prospect.example')!;
    const q1 = sink.messages.find((m) => m.to[0] === 'q1@prospect.example')!;
    expect(sink.messages.map((m) => m.to[0]).sort()).toEqual(['p1@prospect.example', 'q1@prospect.example']);

    // A few minutes later (a click in the second after delivery is a machine's) p1 clicks the partner's website; q1's mail gateway fetches q1's (a machine's click, no webhook).
    clock.advance(300_000);
    const websiteOf = async (raw: Buffer) => {
      const html = String((await simpleParser(raw)).html).replace(/&amp;/g, '&');
      const link = [...html.matchAll(/href="([^"]+\/c\/[\w-]{22}\/\d+\/[^"]+)"/g)]
        .map((m) => new URL(m[1]))
        .find((u) => !u.searchParams.get('u')!.endsWith('/trial'))!;
      return `${base}${link.pathname}${link.search}`;
    };
    expect(
      (await fetch(await websiteOf(q1.raw), { method: 'HEAD', redirect: 'manual', headers: { 'User-Agent': SCANNER } }))
        .status,
    ).toBe(302);
    expect(
      (await fetch(await websiteOf(p1.raw), { redirect: 'manual', headers: { 'User-Agent': BROWSER } })).status,
    ).toBe(302);
    await api.http().post('/conversions').set(as(a.token)).send({ email: 'p1@prospect.example' }).expect(200);

    // Judged once settled; then p1 (converted) and p2 (bounced) have left, and launch A is done.
    clock.advance(11_000);
    await worker.app.get(EngagementService).process(clock.now());
    const swept = await worker.app.get(SweepService).sweep();
    expect(swept.completedLaunches).toBe(1);

    const verify = (path: string, secret: string): Delivered[] =>
      received
        .filter((r) => r.path === path)
        .map((r) => {
          const payload = new Webhook(secret).verify(r.body, {
            'webhook-id': String(r.headers['webhook-id']),
            'webhook-timestamp': String(r.headers['webhook-timestamp']),
            'webhook-signature': String(r.headers['webhook-signature']),
          }) as { type: string; data: Record<string, unknown> };
          return { path, id: String(r.headers['webhook-id']), type: payload.type, data: payload.data };
        });
    const vendor = await eventually(() => {
      const got = verify('/vendor', vendorHook.body.secret);
      return Promise.resolve(got.length >= 6 ? got : undefined);
    }, 'the vendor endpoint to hear of six events');
    const byType = (list: Delivered[], type: string) => list.filter((d) => d.type === type);

    expect(vendor.map((d) => d.type).sort()).toEqual([
      'bounced',
      'clicked',
      'converted',
      'launch_completed',
      'sent',
      'sent',
    ]);
    expect(new Set(vendor.map((d) => d.id)).size).toBe(vendor.length);
    expect(
      byType(vendor, 'sent')
        .map((d) => d.data)
        .sort((x, y) => String(x.partnerId).localeCompare(String(y.partnerId))),
    ).toEqual(
      [
        { partnerId: a.partnerId, launchId: launched[a.partnerId], sendId: p1.sendId, outcome: 'accepted' },
        { partnerId: b.partnerId, launchId: launched[b.partnerId], sendId: q1.sendId, outcome: 'accepted' },
      ]
        .sort((x, y) => x.partnerId.localeCompare(y.partnerId))
        .map((x) =>
          expect.objectContaining({
            ...x,
            campaignId: demo.campaignId,
            step: 1,
            prospectId: expect.any(String),
            eventId: expect.any(String),
          }),
        ),
    );
    expect(byType(vendor, 'bounced')).toEqual([
      expect.objectContaining({
        data: expect.objectContaining({ partnerId: a.partnerId, launchId: launched[a.partnerId] }),
      }),
    ]);
    expect(byType(vendor, 'clicked')).toEqual([
      expect.objectContaining({ data: expect.objectContaining({ sendId: p1.sendId, linkIndex: expect.any(Number) }) }),
    ]);
    expect(byType(vendor, 'converted')).toEqual([
      expect.objectContaining({
        data: expect.objectContaining({ partnerId: a.partnerId, launchId: launched[a.partnerId] }),
      }),
    ]);
    expect(byType(vendor, 'launch_completed')).toEqual([
      expect.objectContaining({
        data: expect.objectContaining({
          launchId: launched[a.partnerId],
          campaignId: demo.campaignId,
          partnerId: a.partnerId,
          enrolled: 2,
        }),
      }),
    ]);

    // Partner B's endpoint hears of its own send only: not partner A's, and not its gateway's click.
    const partner = verify('/partner-b', partnerHook.body.secret);
    expect(partner.map((d) => [d.type, d.data.sendId])).toEqual([['sent', q1.sendId]]);

    // Judging again and sweeping again send nothing more.
    await worker.app.get(EngagementService).process(clock.now());
    expect((await worker.app.get(SweepService).sweep()).completedLaunches).toBe(0);
    await waitForQueueIdle(worker.app, QueueName.Webhooks);
    expect(received).toHaveLength(vendor.length + partner.length);
  });
});
