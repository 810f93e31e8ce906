import { ManualClock } from '@tcma/clock';
import { SweepService } from '@tcma/nurture';
import { QueueName } from '@tcma/queue';
import { Signer } from '@tcma/signing';
import { authorDemoCampaign } from '../factories/demo-campaign.factory';
import { TenantFactory } from '../factories/tenant.factory';
import { ApiHarness, startApi } from '../support/api-harness';
import { testDb } from '../support/db';
import { eventually } from '../support/processes';
import { waitForQueueIdle } from '../support/queues';
import { SmtpSink, SunkMessage } from '../support/smtp-sink';
import { startWorker, WorkerHarness } from '../support/worker-harness';

/** Monday 23 November 2026, 10:00 in Warsaw. */
const START = new Date('2026-11-23T09:00:00Z');
const SLOT_VALUES = {
  company_name: 'Partner Ltd',
  email: 'hello@partner.example',
  website: 'https://partner.example',
  address: '1 Main St, Springfield',
};
/** User agents that fetch every link of a message: gateways, scanners, libraries, none at all. */
const FETCHERS = [
  undefined,
  'Mimecast-Proxy/1.0',
  'Mozilla/5.0 (compatible; Barracuda)',
  'python-requests/2.31',
  'Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 Chrome/130.0 Safari/537.36',
];

/**
 * Unsubscribe links: reading one (GET or HEAD, whoever fetches it) changes nothing; only the
 * RFC 8058 one-click POST, or the confirmation page's own button, unsubscribes.
 */
describe('unsubscribe links', () => {
  const clock = new ManualClock(START);
  const sink = new SmtpSink();
  let api: ApiHarness;
  let worker: WorkerHarness;
  const db = testDb();
  const as = (token: string) => ({ Authorization: `Bearer ${token}` });
  let message: SunkMessage;

  beforeAll(async () => {
    await sink.start();
    api = await startApi({ clock });
    worker = await startWorker({ roles: 'send,enroll', clock });
    const vendor = await new TenantFactory(api).vendor();
    await api
      .http()
      .put('/sending')
      .set(as(vendor.adminToken))
      .send({ smtpUrl: sink.url, ratePerSecond: 100_000 })
      .expect(200);
    const partner = await new TenantFactory(api).partner(vendor);
    const { campaignId } = await authorDemoCampaign(api, vendor.marketerToken, {
      immediate: true,
      steps: (steps) => steps.slice(0, 1),
    });
    await api
      .http()
      .post(`/partners/${partner.partnerId}/prospects`)
      .set(as(partner.token))
      .send({ email: 'ana@prospect.example' })
      .expect(201);
    const launch = await api
      .http()
      .post('/launches')
      .set(as(partner.token))
      .send({ campaignId, audience: { type: 'all' }, slotValues: SLOT_VALUES })
      .expect(202);
    await eventually(
      async () =>
        (await api.http().get(`/launches/${launch.body.id}`).set(as(partner.token))).body.status === 'active'
          ? true
          : undefined,
      'enrollment',
    );
    await worker.app.get(SweepService).sweep();
    await waitForQueueIdle(worker.app, QueueName.Send);
    [message] = await sink.waitFor(1);
  }, 120_000);

  afterAll(async () => {
    await worker?.close();
    await api?.close();
    await sink.stop();
  });

  const link = () =>
    new URL(/^List-Unsubscribe: <(https?:[^>]+)>/m.exec(message.raw.toString().split('\r\n\r\n')[0])![1]).pathname;
  const state = async () => {
    const [row] = await db.query<Array<{ suppressed: number; events: number }>>(
      `SELECT (SELECT count(*)::int FROM suppressions s JOIN prospects p ON p.email_lower = s.email_lower WHERE p.email = 'ana@prospect.example' AND s.reason = 'unsubscribed') AS suppressed,
              (SELECT count(*)::int FROM events e JOIN prospects p ON p.id = e.prospect_id WHERE p.email = 'ana@prospect.example' AND e.type = 'unsubscribed') AS events`,
    );
    return row;
  };

  it('shows a confirmation page to whoever reads the link, and changes nothing', async () => {
    for (const agent of FETCHERS) {
      const get = api.http().get(link());
      const head = api.http().head(link());
      if (agent) {
        get.set('User-Agent', agent);
        head.set('User-Agent', agent);
      }
      const page = await get.expect(200);
      expect(page.text).toContain('Unsubscribe?');
      expect(page.text).toContain('ana@prospect.example');
      expect(page.text).toMatch(/<form method="post"><input type="hidden" name="List-Unsubscribe" value="One-Click">/);
      await head.expect(200);
    }
    expect(await state()).toEqual({ suppressed: 0, events: 0 });
  });

  it('names the send by an opaque reference, and still reads a link of an email sent before references existed', async () => {
    expect(link()).toMatch(/^\/u\/[\w-]{22}\.[\w-]{22}$/);
    const [ref] = link().slice('/u/'.length).split('.');
    expect(ref).not.toBe(message.sendId);
    const legacy = `/u/${message.sendId}.${api.app.get(Signer).sign('unsubscribe', message.sendId!)}`;
    expect((await api.http().get(legacy).expect(200)).text).toContain('ana@prospect.example');
    expect(await state()).toEqual({ suppressed: 0, events: 0 });
  });

  it('refuses a POST without the one-click body, changing nothing', async () => {
    await api.http().post(link()).expect(400);
    await api.http().post(link()).type('form').send('List-Unsubscribe=Yes').expect(400);
    await api.http().post(link()).send({ 'List-Unsubscribe': 'Maybe' }).expect(400);
    expect(await state()).toEqual({ suppressed: 0, events: 0 });
  });

  it("unsubscribes from the page's button, and the page then says so", async () => {
    const res = await api
      .http()
      .post(link())
      .set('Accept', 'text/html,application/xhtml+xml')
      .type('form')
      .send('List-Unsubscribe=One-Click')
      .expect(200);
    expect(res.type).toBe('text/html');
    expect(res.text).toContain('You are unsubscribed');
    expect(await state()).toEqual({ suppressed: 1, events: 1 });
    expect((await api.http().get(link()).expect(200)).text).toContain('You are unsubscribed');
    // A mail client's one-click POST again: idempotent, counted once.
    expect((await api.http().post(link()).type('form').send('List-Unsubscribe=One-Click').expect(200)).text).toBe(
      'Unsubscribed',
    );
    expect(await state()).toEqual({ suppressed: 1, events: 1 });
  });
});
