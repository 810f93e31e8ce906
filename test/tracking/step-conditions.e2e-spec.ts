import { ManualClock } from '@tcma/clock';
import { EngagementService } from '@tcma/engagement';
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
import { TestDb, testDb } from '../support/db';

const START = new Date('2026-11-23T09:00:00Z');
const DAY = 86_400_000;

/** Steps that go only to those who clicked, or only to those who did not open, the email before. */
describe('step conditions on the previous email', () => {
  const clock = new ManualClock(START);
  const sink = new SmtpSink();
  let api: ApiHarness;
  let worker: WorkerHarness;
  let db: TestDb;
  const as = (token: string) => ({ Authorization: `Bearer ${token}` });

  beforeAll(async () => {
    await sink.start();
    api = await startApi({ clock });
    worker = await startWorker({ roles: 'send,enroll', clock });
    db = testDb();
  }, 60_000);
  afterAll(async () => {
    await worker?.close();
    await api?.close();
    await sink.stop();
  });

  const run = async () => {
    await worker.app.get(SweepService).sweep();
    await waitForQueueIdle(worker.app, QueueName.Send);
  };

  it('sends step 2 only to those who clicked step 1, and step 3 only to those who did not open step 2', async () => {
    const tenants = new TenantFactory(api);
    const vendor = await tenants.vendor();
    const partner = await tenants.partner(vendor);
    await api
      .http()
      .put('/sending')
      .set(as(vendor.adminToken))
      .send({ smtpUrl: sink.url, ratePerSecond: 100_000 })
      .expect(200);
    const { campaignId } = await authorDemoCampaign(api, vendor.marketerToken, {
      name: 'Conditional',
      steps: (steps) =>
        steps.map((s, i) => ({
          ...s,
          window: null,
          wait: i === 0 ? { type: 'duration', minutes: 0 } : { type: 'duration', days: 1 },
          condition: ['always', 'previous_clicked', 'previous_not_opened'][i],
        })),
    });
    for (const email of ['clicker@prospect.example', 'idle@prospect.example'])
      await api
        .http()
        .post(`/partners/${partner.partnerId}/prospects`)
        .set(as(partner.token))
        .send({ email })
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
    await run();

    // The clicker clicks the partner's website in the first email (not the trial link: that one
    // ends the sequence) a minute after it arrived; judged after the settling time.
    const first = sink.messages.find((m) => m.to[0] === 'clicker@prospect.example')!;
    const html = String((await simpleParser(first.raw)).html);
    const href = [...html.matchAll(/href="([^"]+\/c\/[\w-]{22}\/\d+\/[^"]+)"/g)]
      .map((m) => m[1])
      .find((h) => !h.includes('trial'));
    expect(href).toBeDefined();
    clock.advance(60_000);
    const url = new URL(href!.replace(/&amp;/g, '&').replace(/&#x3D;/g, '='));
    await api
      .http()
      .get(`${url.pathname}${url.search}`)
      .set('User-Agent', 'Mozilla/5.0 (X11; Linux x86_64) Firefox/133.0')
      .expect(302);
    clock.advance(15_000);
    await worker.app.get(EngagementService).process(clock.now());

    clock.set(new Date(START.getTime() + DAY));
    await run();
    // The clicker opens the second email (a mail client loading the pixel).
    const second = sink.messages.filter((m) => m.to[0] === 'clicker@prospect.example')[1];
    const pixel = new URL(
      /src="([^"]+\/o\/[\w-]{22}\/[^"]+\.gif)"/.exec(String((await simpleParser(second.raw)).html))![1],
    );
    clock.advance(3_600_000);
    await api
      .http()
      .get(pixel.pathname)
      .set('User-Agent', 'Mozilla/5.0 (Macintosh) AppleWebKit/605.1.15 (KHTML, like Gecko)')
      .expect(200);
    clock.advance(15_000);
    await worker.app.get(EngagementService).process(clock.now());
    clock.set(new Date(START.getTime() + 2 * DAY));
    await run();

    const ledger = await db.query<Array<{ email: string; step: number; status: string }>>(
      'SELECT p.email, s.step, s.status FROM sends s JOIN prospects p ON p.id = s.prospect_id WHERE s.launch_id = $1 ORDER BY p.email, s.step',
      [launchId],
    );
    expect(ledger.map((l) => [l.email.split('@')[0], l.step, l.status])).toEqual([
      ['clicker', 0, 'sent'],
      ['clicker', 1, 'sent'],
      ['clicker', 2, 'skipped'],
      ['idle', 0, 'sent'],
      ['idle', 1, 'skipped'],
      ['idle', 2, 'sent'],
    ]);
    expect(sink.messages.filter((m) => m.to[0] === 'idle@prospect.example')).toHaveLength(2);
    expect(sink.messages.filter((m) => m.to[0] === 'clicker@prospect.example')).toHaveLength(2);
    const [done] = await db.query<Array<{ n: number }>>(
      "SELECT count(*)::int AS n FROM enrollments WHERE launch_id = $1 AND status = 'completed'",
      [launchId],
    );
    expect(done.n).toBe(2);
  });
});
