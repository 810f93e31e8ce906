/** @long-running: over half a minute, mostly waiting on the engine (test/setup/sequencer.js starts it first). */
import { authorDemoCampaign } from '../factories/demo-campaign.factory';
import { prospectsCsv } from '../factories/prospects-csv';
import { TenantFactory } from '../factories/tenant.factory';
import { ApiHarness, startApi } from '../support/api-harness';
import { eventually, spawnEntry, Spawned } from '../support/processes';
import { SmtpSink } from '../support/smtp-sink';
import { recordReliability } from '../support/reliability-report';
import { TestDb, testDb } from '../support/db';

const PROSPECTS = 10_000;
/** The engine's default SEND_RATE_PER_SECOND: this test runs with the defaults a user gets. */
const DEFAULT_RATE = 100;

/**
 * A launch larger than its sender's rate, with default settings: every prospect's first step
 * is due at once, the sender may send 100 a second, and all 10,000 must be sent (none given
 * up, none twice) in about 100 s: paced to the rate, not faster, not starved.
 */
describe('a launch larger than the sender rate, at the default rate', () => {
  const sink = new SmtpSink();
  let api: ApiHarness;
  let db: TestDb;
  let worker: Spawned | undefined;
  const as = (token: string) => ({ Authorization: `Bearer ${token}` });

  beforeAll(async () => {
    await sink.start();
    api = await startApi();
    db = testDb();
  }, 60_000);

  afterAll(async () => {
    if (worker && worker.child.exitCode === null) {
      worker.child.kill('SIGTERM');
      await worker.exited;
    }
    await api?.close();
    await sink.stop();
  });

  it('sends all 10,000 first steps due at once, at 100 a second, none failed', async () => {
    const tenants = new TenantFactory(api);
    const vendor = await tenants.vendor();
    // The vendor's SMTP server with no rate of its own: the default applies.
    await api.http().put('/sending').set(as(vendor.adminToken)).send({ smtpUrl: sink.url }).expect(200);
    const { campaignId } = await authorDemoCampaign(api, vendor.marketerToken, {
      immediate: true,
      steps: (steps) => steps.slice(0, 1),
    });
    const partner = await tenants.partner(vendor, { companyName: 'Paced Partner' });
    worker = spawnEntry('worker/src/main.js', [], { WORKER_ROLES: 'send,enroll,sweep', LOG_LEVEL: 'warn' });
    const imported = await api
      .http()
      .post(`/partners/${partner.partnerId}/imports`)
      .set(as(partner.token))
      .set('Content-Type', 'text/csv')
      .send(prospectsCsv(PROSPECTS, ['Europe/Warsaw'], { prefix: 'paced-' }))
      .expect(202);
    await eventually(
      async () =>
        (await api.http().get(`/partners/${partner.partnerId}/imports/${imported.body.id}`).set(as(partner.token))).body
          .status === 'completed',
      'the import',
      60_000,
    );

    const slotValues = {
      company_name: 'Paced Partner',
      email: 'hello@paced.example',
      website: 'https://paced.example',
      address: '1 Main St, Springfield',
    };
    const launched = await api
      .http()
      .post('/launches')
      .set(as(partner.token))
      .send({ campaignId, audience: { type: 'all' }, slotValues })
      .expect(202);
    const launchId: string = launched.body.id;

    await eventually(
      async () => {
        const [row] = await db.query(
          "SELECT count(*) FILTER (WHERE status NOT IN ('claimed', 'handed'))::int AS done FROM sends WHERE launch_id = $1",
          [launchId],
        );
        return row.done === PROSPECTS ? true : undefined;
      },
      'every first step to be decided',
      240_000,
    );

    const statuses: Array<{ status: string; n: number }> = await db.query(
      'SELECT status, count(*)::int AS n FROM sends WHERE launch_id = $1 GROUP BY status',
      [launchId],
    );
    expect(statuses).toEqual([{ status: 'sent', n: PROSPECTS }]);
    const [exited] = await db.query(
      "SELECT count(*)::int AS n FROM enrollments WHERE launch_id = $1 AND status = 'exited'",
      [launchId],
    );
    expect(exited.n).toBe(0);

    const ids = new Set<string>(
      (await db.query('SELECT id::text FROM sends WHERE launch_id = $1', [launchId])).map((r: { id: string }) => r.id),
    );
    const arrived = sink.messages.filter((m) => m.sendId !== null && ids.has(m.sendId));
    expect(arrived).toHaveLength(PROSPECTS);
    expect(new Set(arrived.map((m) => m.sendId)).size).toBe(PROSPECTS);

    // Paced: not faster than the rate (a second's worth may go at once), and not starved.
    const times = arrived.map((m) => m.receivedAt.getTime()).sort((a, b) => a - b);
    const seconds = (times[times.length - 1] - times[0]) / 1000;
    expect(seconds).toBeGreaterThanOrEqual(PROSPECTS / DEFAULT_RATE - 2);
    expect(seconds).toBeLessThanOrEqual((PROSPECTS / DEFAULT_RATE) * 1.3);
    // In any 20 s: the rate's worth, plus the second's worth that may go early, plus a second's
    // worth a late worker may still use (RATE_LATE_MS: a later one takes a new slot).
    let busiest = 0;
    for (let i = 0, j = 0; i < times.length; i++) {
      while (times[i] - times[j] >= 20_000) j++;
      busiest = Math.max(busiest, i - j + 1);
    }
    recordReliability('10,000 due at once at the default 100/s', {
      sent: arrived.length,
      failed: statuses.find((x) => x.status === 'failed')?.n ?? 0,
      seconds,
      busiest_20s: busiest,
    });
    expect(busiest).toBeLessThanOrEqual(DEFAULT_RATE * 20 + 2 * DEFAULT_RATE);
  }, 330_000);
});
