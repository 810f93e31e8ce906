/** @long-running: over half a minute, mostly waiting on the engine (test/setup/sequencer.js starts it first). */
import { Redis } from 'ioredis';
import { authorDemoCampaign } from '../factories/demo-campaign.factory';
import { prospectsCsv } from '../factories/prospects-csv';
import { TenantFactory, TestPartner, TestVendor } from '../factories/tenant.factory';
import { ApiHarness, startApi } from '../support/api-harness';
import { eventually, spawnEntry, Spawned } from '../support/processes';
import { SmtpSink } from '../support/smtp-sink';
import { TestDb, testDb } from '../support/db';

const PROSPECTS = 200;
const STEPS = 3;
/** A Redis database of its own, so flushing it touches no other test. */
const REDIS_URL = 'redis://127.0.0.1:6379/7';
/** Short leases and a fast sweep, so recovery happens within seconds instead of minutes. */
const WORKER_ENV = {
  REDIS_URL,
  SWEEP_INTERVAL_SECONDS: '1',
  SEND_LEASE_MS: '2000',
  REQUEUE_AFTER_MS: '1000',
  QUEUE_HORIZON_MS: '60000',
  LOG_LEVEL: 'error',
};

/**
 * The scheduler's promise under failure, with real worker processes built from dist/: every
 * (prospect, step) ends up delivered exactly once, or counted uncertain when a worker died
 * after handing it to SMTP (then delivered at most once). Nothing lost, nothing duplicated,
 * judged by what the SMTP server received.
 */
describe('delivery survives failures', () => {
  const sink = new SmtpSink();
  const redis = new Redis(REDIS_URL);
  let api: ApiHarness;
  let db: TestDb;
  let vendor: TestVendor;
  let campaignId: string;
  const workers: Spawned[] = [];
  const as = (token: string) => ({ Authorization: `Bearer ${token}` });

  const startWorker = (env: Record<string, string> = {}) => {
    const worker = spawnEntry('worker/src/main.js', [], { ...WORKER_ENV, ...env });
    workers.push(worker);
    return worker;
  };

  beforeAll(async () => {
    await redis.flushdb();
    await sink.start();
    api = await startApi({ env: { REDIS_URL } });
    db = testDb();
    const tenants = new TenantFactory(api);
    vendor = await tenants.vendor();
    campaignId = (await authorDemoCampaign(api, vendor.marketerToken, { immediate: true })).campaignId;
    await api
      .http()
      .put('/sending')
      .set(as(vendor.adminToken))
      .send({ smtpUrl: sink.url, ratePerSecond: 100_000 })
      .expect(200);
  }, 120_000);

  afterEach(async () => {
    for (const w of workers.splice(0)) {
      if (w.child.exitCode === null && w.child.signalCode === null) w.child.kill('SIGTERM');
      await w.exited;
    }
    sink.behaviour = {};
  });

  afterAll(async () => {
    await api?.close();
    await sink.stop();
    await redis.flushdb();
    redis.disconnect();
  });

  /** A partner with its own prospects (distinct addresses per scenario), launched at once. */
  const launch = async (label: string): Promise<{ partner: TestPartner; launchId: string }> => {
    const partner = await new TenantFactory(api).partner(vendor, { companyName: `Partner ${label}` });
    const csv = prospectsCsv(PROSPECTS, ['Europe/Warsaw'], { prefix: `${label}-` });
    const imported = await api
      .http()
      .post(`/partners/${partner.partnerId}/imports`)
      .set(as(partner.token))
      .set('Content-Type', 'text/csv')
      .send(csv)
      .expect(202);
    await eventually(async () => {
      const res = await api
        .http()
        .get(`/partners/${partner.partnerId}/imports/${imported.body.id}`)
        .set(as(partner.token))
        .expect(200);
      return res.body.status === 'completed' ? true : undefined;
    }, 'the import');
    const slotValues = {
      company_name: `Partner ${label}`,
      email: `hello@${label}.example`,
      website: `https://${label}.example`,
      address: '1 Main St, Springfield',
    };
    const launched = await api
      .http()
      .post('/launches')
      .set(as(partner.token))
      .send({ campaignId, audience: { type: 'all' }, slotValues })
      .expect(202);
    return { partner, launchId: launched.body.id };
  };

  /** Waits for every enrollment to finish, then checks the ledger against what arrived. */
  const expectExactlyOnce = async (launchId: string): Promise<{ sent: number; uncertain: number }> => {
    await eventually(
      async () => {
        const [row] = await db.query(
          "SELECT count(*) FILTER (WHERE status = 'completed')::int AS done, count(*)::int AS total FROM enrollments WHERE launch_id = $1",
          [launchId],
        );
        return row.total === PROSPECTS && row.done === PROSPECTS ? true : undefined;
      },
      'every enrollment to complete',
      120_000,
    );
    const ledger: Array<{ id: string; email: string; step: number; status: string }> = await db.query(
      'SELECT s.id::text, p.email, s.step, s.status FROM sends s JOIN prospects p ON p.id = s.prospect_id WHERE s.launch_id = $1',
      [launchId],
    );
    const sendIds = new Set(ledger.map((l) => l.id));
    const received = new Map<string, number>();
    for (const m of sink.messages.filter((x) => x.sendId !== null && sendIds.has(x.sendId)))
      received.set(m.sendId!, (received.get(m.sendId!) ?? 0) + 1);

    // One ledger row per (prospect, step), none missing.
    expect(ledger).toHaveLength(PROSPECTS * STEPS);
    expect(new Set(ledger.map((l) => `${l.email}:${l.step}`)).size).toBe(PROSPECTS * STEPS);
    const problems: string[] = [];
    for (const l of ledger) {
      const n = received.get(l.id) ?? 0;
      if (l.status === 'sent' && n !== 1) problems.push(`${l.email} step ${l.step}: sent but received ${n} times`);
      if (l.status === 'uncertain' && n > 1)
        problems.push(`${l.email} step ${l.step}: uncertain but received ${n} times`);
      if (l.status !== 'sent' && l.status !== 'uncertain') problems.push(`${l.email} step ${l.step}: ${l.status}`);
    }
    expect(problems).toEqual([]);
    // Every message that arrived for these prospects is one of the ledger's rows, once.
    const perRecipientStep = new Map<string, number>();
    for (const l of ledger) perRecipientStep.set(`${l.email}:${l.step}`, received.get(l.id) ?? 0);
    expect([...perRecipientStep.values()].every((n) => n <= 1)).toBe(true);
    const counts = {
      sent: ledger.filter((l) => l.status === 'sent').length,
      uncertain: ledger.filter((l) => l.status === 'uncertain').length,
    };
    const stats = (await api.http().get(`/launches/${launchId}`).set(as(vendor.adminToken)).expect(200)).body.stats;
    expect(stats.sends).toEqual({
      ...(counts.sent ? { sent: counts.sent } : {}),
      ...(counts.uncertain ? { uncertain: counts.uncertain } : {}),
    });
    return counts;
  };

  const arrivedFor = async (launchId: string) => {
    const ids = new Set<string>(
      (await db.query('SELECT id::text FROM sends WHERE launch_id = $1', [launchId])).map((r: { id: string }) => r.id),
    );
    return sink.messages.filter((m) => m.sendId !== null && ids.has(m.sendId)).length;
  };

  it('a worker killed with SIGKILL mid-sequence and restarted', async () => {
    sink.behaviour = { delayMs: 15 };
    const first = startWorker();
    const { launchId } = await launch('kill');
    await eventually(
      async () => ((await arrivedFor(launchId)) >= PROSPECTS / 2 ? true : undefined),
      'the sequence to be under way',
      60_000,
    );
    first.child.kill('SIGKILL');
    expect((await first.exited).signal).toBe('SIGKILL');
    const before = await arrivedFor(launchId);
    expect(before).toBeLessThan(PROSPECTS * STEPS);
    const second = startWorker();
    const { sent, uncertain } = await expectExactlyOnce(launchId);
    expect(sent + uncertain).toBe(PROSPECTS * STEPS);
    // The restarted worker finished what the killed one left.
    const [byPid] = await db.query(
      "SELECT count(*) FILTER (WHERE split_part(claimed_by, ':', 2) = $2)::int AS second FROM sends WHERE launch_id = $1",
      [launchId, String(second.child.pid)],
    );
    expect(byPid.second).toBeGreaterThan(0);
  }, 180_000);

  it('a worker stopped with SIGTERM mid-sequence finishes what it holds, and another takes over', async () => {
    sink.behaviour = { delayMs: 15 };
    const first = startWorker({ LOG_LEVEL: 'log' });
    const { launchId } = await launch('term');
    await eventually(
      async () => ((await arrivedFor(launchId)) >= PROSPECTS / 2 ? true : undefined),
      'the sequence to be under way',
      60_000,
    );
    first.child.kill('SIGTERM');
    // Nest re-raises the signal once it has closed everything, as a Unix process should.
    expect(await first.exited).toEqual({ code: null, signal: 'SIGTERM' });
    expect(first.output()).toContain('Drained: no job or sweep in progress');
    expect(await arrivedFor(launchId)).toBeLessThan(PROSPECTS * STEPS);
    // A graceful stop hands nothing over half-done: no send is left claimed or uncertain.
    const [held] = await db.query(
      "SELECT count(*) FILTER (WHERE status NOT IN ('sent', 'skipped'))::int AS unfinished FROM sends WHERE launch_id = $1",
      [launchId],
    );
    expect(held.unfinished).toBe(0);
    startWorker();
    const { sent, uncertain } = await expectExactlyOnce(launchId);
    expect({ sent, uncertain }).toEqual({ sent: PROSPECTS * STEPS, uncertain: 0 });
  }, 180_000);

  it('Redis flushed mid-sequence', async () => {
    sink.behaviour = { delayMs: 15 };
    startWorker();
    const { launchId } = await launch('flush');
    await eventually(
      async () => ((await arrivedFor(launchId)) >= PROSPECTS / 2 ? true : undefined),
      'the sequence to be under way',
      60_000,
    );
    await redis.flushdb();
    expect(await arrivedFor(launchId)).toBeLessThan(PROSPECTS * STEPS);
    const { sent, uncertain } = await expectExactlyOnce(launchId);
    // Nothing died while handing a message over: every step is a plain, single delivery.
    expect({ sent, uncertain }).toEqual({ sent: PROSPECTS * STEPS, uncertain: 0 });
  }, 180_000);

  it('two workers running at once', async () => {
    startWorker();
    startWorker();
    const { launchId } = await launch('pair');
    const { sent, uncertain } = await expectExactlyOnce(launchId);
    expect({ sent, uncertain }).toEqual({ sent: PROSPECTS * STEPS, uncertain: 0 });
  }, 180_000);
});
