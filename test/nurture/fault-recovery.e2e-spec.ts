/** @long-running: over half a minute, mostly waiting on the engine (test/setup/sequencer.js starts it first). */
import { Redis } from 'ioredis';
import { authorDemoCampaign } from '../factories/demo-campaign.factory';
import { prospectsCsv } from '../factories/prospects-csv';
import { TenantFactory, TestVendor } from '../factories/tenant.factory';
import { ApiHarness, startApi } from '../support/api-harness';
import { eventually, spawnEntry, Spawned } from '../support/processes';
import { SmtpSink } from '../support/smtp-sink';
import { TcpProxy } from '../support/tcp-proxy';
import { recordReliability } from '../support/reliability-report';
import { TestDb, testDb } from '../support/db';

/** A Redis database of its own, so flushing it touches no other test. */
const REDIS_URL = 'redis://127.0.0.1:6379/8';
/** The engine's default pool size: uncertain sends per killed worker are bounded by it. */
const DEFAULT_SMTP_CONNECTIONS = 5;
/** What every fault may cost in sending, at most. */
const RECOVERY_BUDGET_MS = 30_000;

/**
 * Faults under load, with real worker processes and the settings a user gets by default
 * (lease, requeue interval, sweep interval, pool size): what each costs in sends and in
 * time, judged by what the SMTP server received.
 */
describe('recovering from faults, with default settings', () => {
  const sink = new SmtpSink();
  const redis = new Redis(REDIS_URL);
  let api: ApiHarness;
  let db: TestDb;
  let vendor: TestVendor;
  let campaignId: string;
  const workers: Spawned[] = [];
  const as = (token: string) => ({ Authorization: `Bearer ${token}` });

  const startWorker = (env: Record<string, string> = {}) => {
    const worker = spawnEntry('worker/src/main.js', [], { REDIS_URL, LOG_LEVEL: 'warn', ...env });
    workers.push(worker);
    return worker;
  };

  beforeAll(async () => {
    await redis.flushdb();
    await sink.start();
    api = await startApi({ env: { REDIS_URL } });
    db = testDb();
    vendor = await new TenantFactory(api).vendor();
    // Two steps, each due as soon as the previous went: an uncertain first step must not hold
    // up the second.
    campaignId = (
      await authorDemoCampaign(api, vendor.marketerToken, { immediate: true, steps: (steps) => steps.slice(0, 2) })
    ).campaignId;
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

  const launch = async (label: string, prospects: number): Promise<string> => {
    const partner = await new TenantFactory(api).partner(vendor, { companyName: `Partner ${label}` });
    const imported = await api
      .http()
      .post(`/partners/${partner.partnerId}/imports`)
      .set(as(partner.token))
      .set('Content-Type', 'text/csv')
      .send(prospectsCsv(prospects, ['Europe/Warsaw'], { prefix: `${label}-` }))
      .expect(202);
    await eventually(
      async () =>
        (await api.http().get(`/partners/${partner.partnerId}/imports/${imported.body.id}`).set(as(partner.token))).body
          .status === 'completed',
      'the import',
      60_000,
    );
    const slotValues = {
      company_name: `Partner ${label}`,
      email: `hello@${label}.example`,
      website: `https://${label}.example`,
      address: '1 Main St, Springfield',
    };
    return (
      await api
        .http()
        .post('/launches')
        .set(as(partner.token))
        .send({ campaignId, audience: { type: 'all' }, slotValues })
        .expect(202)
    ).body.id;
  };

  const sendIds = async (launchId: string) =>
    new Set<string>(
      (await db.query('SELECT id::text FROM sends WHERE launch_id = $1', [launchId])).map((r: { id: string }) => r.id),
    );
  const arrivedFor = async (launchId: string) => {
    const ids = await sendIds(launchId);
    return sink.messages.filter((m) => m.sendId !== null && ids.has(m.sendId));
  };
  const underWay = (launchId: string, count: number) =>
    eventually(
      async () => ((await arrivedFor(launchId)).length >= count ? true : undefined),
      'sending to be under way',
      60_000,
    );

  /** Waits until every enrollment finished; checks each step was delivered once, or is uncertain and delivered at most once. */
  const finishedExactlyOnce = async (launchId: string, prospects: number, timeoutMs = 120_000) => {
    await eventually(
      async () => {
        const [row] = await db.query(
          "SELECT count(*) FILTER (WHERE status = 'completed')::int AS done FROM enrollments WHERE launch_id = $1",
          [launchId],
        );
        return row.done === prospects ? true : undefined;
      },
      'every enrollment to complete',
      timeoutMs,
    ).catch(async (e: Error) => {
      // What was left, and what the workers said: the first thing to read when this fails.
      const enrollments = await db.query(
        'SELECT status, next_step, (queued_at IS NOT NULL) AS queued, count(*)::int AS n FROM enrollments WHERE launch_id = $1 GROUP BY 1, 2, 3',
        [launchId],
      );
      const sends = await db.query(
        'SELECT status, step, count(*)::int AS n FROM sends WHERE launch_id = $1 GROUP BY 1, 2',
        [launchId],
      );
      const said = workers.map(
        (w) =>
          `worker ${w.child.pid} (exit ${w.child.exitCode ?? w.child.signalCode ?? 'running'}):\n${w.output().split('\n').slice(-15).join('\n')}`,
      );
      throw new Error(
        `${e.message}\nenrollments ${JSON.stringify(enrollments)}\nsends ${JSON.stringify(sends)}\n${said.join('\n')}`,
      );
    });
    const ledger: Array<{ id: string; status: string }> = await db.query(
      'SELECT id::text, status FROM sends WHERE launch_id = $1',
      [launchId],
    );
    const received = new Map<string, number>();
    for (const m of await arrivedFor(launchId)) received.set(m.sendId!, (received.get(m.sendId!) ?? 0) + 1);
    expect(ledger).toHaveLength(prospects * 2);
    const wrong = ledger.filter(
      (l) =>
        !(
          (l.status === 'sent' && received.get(l.id) === 1) ||
          (l.status === 'uncertain' && (received.get(l.id) ?? 0) <= 1)
        ),
    );
    if (wrong.length) {
      // What each wrong send went through, and when each copy arrived: the first thing to read.
      const rows = await db.query(
        'SELECT id::text, status, attempts, claimed_by, claimed_at, handed_at, sent_at, lease_until, smtp_response FROM sends WHERE id = ANY($1::bigint[])',
        [wrong.map((w) => w.id)],
      );
      const arrivals = (await arrivedFor(launchId))
        .filter((m) => wrong.some((w) => w.id === m.sendId))
        .map((m) => ({ sendId: m.sendId, at: m.receivedAt.toISOString() }));
      const pids = workers.map((w) => `${w.child.pid} (exit ${w.child.exitCode ?? w.child.signalCode ?? 'running'})`);
      throw new Error(
        `sends not delivered exactly once: ${JSON.stringify(rows)}\narrivals ${JSON.stringify(arrivals)}\nworkers ${pids.join(', ')}`,
      );
    }
    return {
      sent: ledger.filter((l) => l.status === 'sent').length,
      uncertain: ledger.filter((l) => l.status === 'uncertain').length,
    };
  };

  /** The longest stretch after `from` with nothing arriving for this launch, until its last message. */
  const longestSilenceAfter = async (launchId: string, from: number) => {
    const times = [
      from,
      ...(await arrivedFor(launchId)).map((m) => m.receivedAt.getTime()).filter((t) => t > from),
    ].sort((a, b) => a - b);
    return Math.max(...times.slice(1).map((t, i) => t - times[i]));
  };

  it('a busy worker killed with SIGKILL leaves at most one uncertain send per SMTP connection, and its work resumes within 30 s', async () => {
    // Slow acceptance, so many steps are in flight when the worker dies.
    sink.behaviour = { delayMs: 100 };
    const first = startWorker();
    const launchId = await launch('kill', 600);
    await underWay(launchId, 100);
    first.child.kill('SIGKILL');
    const killedAt = Date.now();
    await first.exited;
    const [held] = await db.query(
      "SELECT count(*) FILTER (WHERE status = 'handed')::int AS handed, count(*) FILTER (WHERE status = 'claimed')::int AS claimed FROM sends WHERE launch_id = $1 AND split_part(claimed_by, ':', 2) = $2",
      [launchId, String(first.child.pid)],
    );
    expect(held.handed).toBeLessThanOrEqual(DEFAULT_SMTP_CONNECTIONS);

    startWorker();
    const { uncertain } = await finishedExactlyOnce(launchId, 600);
    const silence = await longestSilenceAfter(launchId, killedAt);
    recordReliability('busy worker killed, restarted', {
      handed_at_kill: held.handed,
      uncertain,
      smtp_connections: DEFAULT_SMTP_CONNECTIONS,
      longest_silence_ms: silence,
    });
    expect(uncertain).toBeLessThanOrEqual(DEFAULT_SMTP_CONNECTIONS);
    expect(silence).toBeLessThan(RECOVERY_BUDGET_MS);
  }, 240_000);

  it('a worker killed beside a live one: the survivor takes over its claims within 30 s', async () => {
    sink.behaviour = { delayMs: 50 };
    const doomed = startWorker();
    startWorker();
    const launchId = await launch('pair-kill', 600);
    await underWay(launchId, 100);
    const claimsOfDoomed = (): Promise<Array<{ id: string }>> =>
      db.query(
        "SELECT id::text FROM sends WHERE launch_id = $1 AND status = 'claimed' AND split_part(claimed_by, ':', 2) = $2",
        [launchId, String(doomed.child.pid)],
      );
    // Killed the moment it holds claims: between two batches a worker holds none, and a kill
    // there (it happened once CI's commits got faster) leaves nothing to take over.
    await eventually(async () => (await claimsOfDoomed()).length > 0, 'the doomed worker to hold claims', 30_000);
    doomed.child.kill('SIGKILL');
    const killedAt = Date.now();
    await doomed.exited;
    const orphans = await claimsOfDoomed();
    // The kill must leave claims to take over, or the checks below check nothing.
    expect(orphans.length).toBeGreaterThan(0);
    await finishedExactlyOnce(launchId, 600);
    const settled: Array<{ id: string; sent_at: Date | null; status: string }> = await db.query(
      'SELECT id::text, sent_at, status FROM sends WHERE id = ANY($1::bigint[])',
      [orphans.map((o) => o.id)],
    );
    recordReliability('worker killed beside a live one', {
      orphaned_claims: orphans.length,
      slowest_takeover_ms: Math.max(0, ...settled.map((s) => (s.sent_at ? s.sent_at.getTime() - killedAt : Infinity))),
    });
    for (const s of settled) {
      expect(s.status).toBe('sent');
      expect(s.sent_at!.getTime() - killedAt).toBeLessThan(RECOVERY_BUDGET_MS);
    }
  }, 240_000);

  it('a Redis flush mid-sequence costs under 30 s of sending, and the logs stay one JSON object per line', async () => {
    sink.behaviour = { delayMs: 40 };
    const worker = startWorker({ LOG_FORMAT: 'json', LOG_LEVEL: 'log' });
    const launchId = await launch('flush', 800);
    await underWay(launchId, 200);
    await redis.flushdb();
    const flushedAt = Date.now();
    const { uncertain } = await finishedExactlyOnce(launchId, 800, 90_000);
    const silence = await longestSilenceAfter(launchId, flushedAt);
    recordReliability('Redis flushed mid-sequence', { uncertain, longest_silence_ms: silence });
    expect(uncertain).toBe(0);
    expect(silence).toBeLessThan(RECOVERY_BUDGET_MS);
    const lines = worker
      .output()
      .split('\n')
      .filter((l) => l.trim());
    const notJson = lines.filter((l) => {
      try {
        JSON.parse(l);
        return false;
      } catch {
        return true;
      }
    });
    expect(notJson).toEqual([]);
  }, 240_000);

  it('a Postgres restart mid-send records every accepted message as sent, none as uncertain', async () => {
    sink.behaviour = { delayMs: 30 };
    const proxy = await new TcpProxy('127.0.0.1', 5432).start();
    try {
      const viaProxy = new URL(process.env.DATABASE_URL as string);
      viaProxy.port = String(proxy.port);
      startWorker({ DATABASE_URL: viaProxy.toString(), MIGRATIONS_RUN: 'false' });
      const launchId = await launch('pg-restart', 400);
      await underWay(launchId, 150);
      await proxy.outage(5_000);
      const { sent, uncertain } = await finishedExactlyOnce(launchId, 400);
      recordReliability('Postgres restarted mid-send (5 s)', { sent, uncertain });
      expect(uncertain).toBe(0);
    } finally {
      await proxy.stop();
    }
  }, 240_000);

  it('counts only live workers as ready, and logs an SMTP outage once per sender, not once per step', async () => {
    const beat = { WORKER_HEARTBEAT_SECONDS: '1' };
    const live = [startWorker(beat), startWorker(beat)];
    const doomed = startWorker(beat);
    await eventually(
      async () => ((await api.http().get('/health/ready')).body.workers === 3 ? true : undefined),
      'three live workers',
      30_000,
    );
    doomed.child.kill('SIGKILL');
    await doomed.exited;
    // The API judges by its own WORKER_HEARTBEAT_SECONDS (the default 5 s): dead after 10 s of silence.
    await eventually(
      async () => ((await api.http().get('/health/ready')).body.workers === 2 ? true : undefined),
      'two live workers',
      15_000,
    );

    // The mail server goes away for 15 s while hundreds of steps are due: each fails to connect.
    const launchId = await launch('outage', 300);
    await underWay(launchId, 20);
    const outage = sink.outage(15_000);
    await eventually(
      async () => {
        const [row] = await db.query(
          "SELECT count(*)::int AS n FROM sends WHERE launch_id = $1 AND smtp_response LIKE '%ECONNREFUSED%'",
          [launchId],
        );
        return row.n >= 50 ? true : undefined;
      },
      'steps to fail to connect',
      30_000,
    );
    await outage;
    // Per worker: the outage's first line, at most a count per 30 s, and a line when it ends.
    const lines = live
      .flatMap((w) => w.output().split('\n'))
      .filter((l) => /ECONNREFUSED|Sending (failing|still failing|working again)/.test(l));
    if (!lines.some((l) => /Sending failing/.test(l)))
      throw new Error(
        `No warning about the outage; the workers said:\n${live.map((w) => w.output().slice(-3000)).join('\n---\n')}`,
      );
    expect(lines.length).toBeLessThanOrEqual(live.length * 3);
  }, 120_000);
});
