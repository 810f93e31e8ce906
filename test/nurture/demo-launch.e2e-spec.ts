/** @long-running: over half a minute, mostly waiting on the engine (test/setup/sequencer.js starts it first). */
import { ManualClock } from '@tcma/clock';
import { SweepService } from '@tcma/nurture';
import { QueueName } from '@tcma/queue';
import { simpleParser } from 'mailparser';
import { DemoSeeder, SeededDemo } from '../../apps/cli/src/demo/demo-seeder';
import { prospectsCsv } from '../factories/prospects-csv';
import { ApiHarness, startApi } from '../support/api-harness';
import { eventually } from '../support/processes';
import { waitForQueueIdle } from '../support/queues';
import { SmtpSink } from '../support/smtp-sink';
import { startWorker, WorkerHarness } from '../support/worker-harness';
import { TestDb, testDb } from '../support/db';

const PROSPECTS = 10_000;
const ZONES = ['Europe/Warsaw', 'America/New_York', 'Asia/Tokyo', 'Australia/Sydney', ''];
/** Launched on Monday 23 November 2026 at 06:00 UTC. */
const START = new Date('2026-11-23T06:00:00Z');

/**
 * When each step must arrive, worked out by hand from the demo sequence: step 1 at once in
 * Mon–Fri 08–18, step 2 three days later in Mon–Fri 09–17, step 3 the next Tuesday at 10:00,
 * all in the prospect's zone (the partner's, Europe/Warsaw, when it has none).
 */
const EXPECTED: Record<string, [string, string, string]> = {
  'Europe/Warsaw': ['2026-11-23T07:00:00Z', '2026-11-26T08:00:00Z', '2026-12-01T09:00:00Z'],
  'America/New_York': ['2026-11-23T13:00:00Z', '2026-11-26T14:00:00Z', '2026-12-01T15:00:00Z'],
  'Asia/Tokyo': ['2026-11-23T06:00:00Z', '2026-11-26T06:00:00Z', '2026-12-01T01:00:00Z'],
  'Australia/Sydney': ['2026-11-23T06:00:00Z', '2026-11-26T22:00:00Z', '2026-11-30T23:00:00Z'],
};

/** The message's header block, with folded lines unfolded. */
const headerBlock = (raw: Buffer) =>
  raw
    .toString('utf8')
    .split(/\r?\n\r?\n/)[0]
    .replace(/\r?\n[ \t]+/g, ' ');

describe('launching the demo campaign for 10,000 prospects', () => {
  const clock = new ManualClock(START);
  const sink = new SmtpSink();
  let api: ApiHarness;
  let worker: WorkerHarness;
  let demo: SeededDemo;
  let db: TestDb;
  let launchId: string;
  const env = { QUEUE_HORIZON_MS: '1000', SEND_RETRY_BASE_MS: '50' };
  const as = (token: string) => ({ Authorization: `Bearer ${token}` });

  beforeAll(async () => {
    await sink.start();
    api = await startApi({ clock, env });
    worker = await startWorker({ roles: 'send,enroll', clock, env });
    db = testDb();
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
  });

  it('imports the CSV, launches at once, and sends every step at its local time, once', async () => {
    const partner = demo.partners[0];
    const imported = await api
      .http()
      .post(`/partners/${partner.partnerId}/imports`)
      .set(as(partner.token))
      .set('Content-Type', 'text/csv')
      .send(prospectsCsv(PROSPECTS, ZONES, { bom: true }))
      .expect(202);
    const done = await eventually(async () => {
      const res = await api
        .http()
        .get(`/partners/${partner.partnerId}/imports/${imported.body.id}`)
        .set(as(partner.token))
        .expect(200);
      return res.body.status === 'completed' ? res.body : undefined;
    }, 'the import to finish');
    expect(done).toMatchObject({ rows: PROSPECTS, inserted: PROSPECTS, merged: 0, rejected: 0 });

    const launched = await api
      .http()
      .post('/launches')
      .set(as(partner.token))
      .send({ campaignId: demo.campaignId, audience: { type: 'all' } })
      .expect(202);
    launchId = launched.body.id;
    expect(launched.body.status).toBe('enrolling');
    await eventually(
      async () =>
        (await api.http().get(`/launches/${launchId}`).set(as(partner.token))).body.status === 'active'
          ? true
          : undefined,
      'enrollment',
    );

    // Move the clock from one due time to the next, sweeping each time, until nothing is left.
    const sweep = worker.app.get(SweepService);
    for (let round = 0; round < 20; round++) {
      const [{ next }] = await db.query(
        "SELECT min(next_due_at) AS next FROM enrollments WHERE launch_id = $1 AND status = 'active'",
        [launchId],
      );
      if (!next) break;
      clock.set(next);
      await sweep.sweep();
      await waitForQueueIdle(worker.app, QueueName.Send);
    }

    const stats = await api.http().get(`/launches/${launchId}`).set(as(partner.token)).expect(200);
    expect(stats.body.stats).toEqual({ enrollments: { completed: PROSPECTS }, sends: { sent: PROSPECTS * 3 } });
    expect(sink.messages).toHaveLength(PROSPECTS * 3);

    // Once each: one message per ledger row, one ledger row per (prospect, step).
    const ledger: Array<{ id: string; email: string; step: number; zone: string | null }> = await db.query(
      'SELECT s.id::text, p.email, s.step, p.timezone AS zone FROM sends s JOIN prospects p ON p.id = s.prospect_id WHERE s.launch_id = $1',
      [launchId],
    );
    const bySend = new Map(ledger.map((l) => [l.id, l]));
    expect(new Set(sink.messages.map((m) => m.sendId)).size).toBe(PROSPECTS * 3);
    expect(new Set(ledger.map((l) => `${l.email}:${l.step}`)).size).toBe(PROSPECTS * 3);

    // At the right local time: the Date header is the (injected) clock at sending.
    for (const message of sink.messages) {
      const row = bySend.get(message.sendId ?? '')!;
      expect(message.to).toEqual([row.email]);
      const date = /^Date: (.+)$/m.exec(message.raw.toString('utf8', 0, 4000))![1];
      expect([row.email, row.step, new Date(date).toISOString()]).toEqual([
        row.email,
        row.step,
        new Date(EXPECTED[row.zone ?? 'Europe/Warsaw'][row.step]).toISOString(),
      ]);
    }
  }, 600_000);

  it('sends branded, compliant messages', async () => {
    const sample = sink.messages.filter((_, i) => i % 1000 === 0);
    expect(sample.length).toBe(30);
    for (const message of sample) {
      const parsed = await simpleParser(message.raw);
      // Northwind's own address is neither confirmed nor covered by a DKIM key of its domain: it
      // goes out as the partner via the vendor, on the vendor's domain, with replies to Northwind.
      expect(parsed.from?.value[0]).toEqual({
        address: 'partners@acme-backup.example',
        name: 'Zofia at Northwind IT via Acme Cloud Backup',
      });
      expect(parsed.replyTo?.value[0].address).toBe('hello@northwind-it.example');
      expect(parsed.messageId).toBe(`<${message.sendRef}@acme-backup.example>`);
      const head = headerBlock(message.raw);
      expect(head).toMatch(/^List-Unsubscribe-Post: List-Unsubscribe=One-Click$/m);
      expect(head).toMatch(
        /^List-Unsubscribe: <https?:\/\/[^>]+\/u\/[\w-]{22}\.[\w-]{22}>,\s+<mailto:unsubscribe@acme-backup\.example\?subject=unsubscribe%20[\w-]{22}\.[\w-]{22}>$/m,
      );
      expect(parsed.html).toContain('Northwind IT Services');
      expect(parsed.html).toContain('ul. Piotrkowska 104');
      expect(parsed.html).toMatch(/\/public\/sha256-[0-9a-f]{64}/);
      expect(parsed.text).toContain('Northwind IT Services');
      expect(parsed.text).toMatch(/Unsubscribe \[[^\]]+\/u\//);
      // Vendor copy intact.
      expect(parsed.html).toMatch(/Acme|Northwind Traders|30-day trial/);
    }
  });

  it('unsubscribes in one click, at once', async () => {
    const message = sink.messages[0];
    const url = new URL(/^List-Unsubscribe: <(https?:[^>]+)>/m.exec(headerBlock(message.raw))![1]);
    const res = await api.http().post(url.pathname).type('form').send('List-Unsubscribe=One-Click').expect(200);
    expect(res.text).toBe('Unsubscribed');
    const [row] = await db.query(
      "SELECT count(*)::int AS n FROM suppressions s JOIN sends d ON d.id = $1 JOIN prospects p ON p.id = d.prospect_id WHERE s.email_lower = p.email_lower AND s.reason = 'unsubscribed' AND s.partner_id = d.partner_id",
      [message.sendId],
    );
    expect(row.n).toBe(1);
    const page = await api.http().get(url.pathname).expect(200);
    expect(page.text).toContain('You are unsubscribed');
    await api
      .http()
      .get(url.pathname.replace(/\.[\w-]{22}$/, '.AAAAAAAAAAAAAAAAAAAAAA'))
      .expect(404);
  });
});
