/** @long-running: over half a minute, mostly waiting on the engine (test/setup/sequencer.js starts it first). */
import request from 'supertest';
import { authorDemoCampaign } from '../factories/demo-campaign.factory';
import { prospectsCsv } from '../factories/prospects-csv';
import { TenantFactory, TestPartner, TestVendor } from '../factories/tenant.factory';
import { startApi } from '../support/api-harness';
import { eventually, freePort, spawnEntry, Spawned } from '../support/processes';
import { recordReliability } from '../support/reliability-report';
import { SmtpSink } from '../support/smtp-sink';
import { TestDb, testDb } from '../support/db';

const PROSPECTS = 20_000;
/** The engine's default pool size: the uncertain sends a killed send worker may leave are bounded by it. */
const DEFAULT_SMTP_CONNECTIONS = 5;
/** Each process as a host of its own would run it: the send role twice, every other role once. */
const SEND_ROLE = { WORKER_ROLES: 'send' };
const OTHER_ROLES = { WORKER_ROLES: 'render,enroll,sweep,track,webhook' };

interface Progress {
  sent: number;
  uncertain: number;
}

/**
 * The engine as separate hosts run it, at the settings a user gets by default: two API
 * processes and three workers with split roles against one PostgreSQL and one Redis. A launch
 * to 20,000 prospects loses one send worker and one API process to SIGKILL mid-way: every
 * prospect gets its email exactly once (or, for a send the dead worker had handed to SMTP,
 * is counted uncertain and gets it at most once), and either API shows the launch's progress
 * while it runs.
 */
describe('split roles: two APIs, three workers, one of each killed', () => {
  const sink = new SmtpSink();
  let db: TestDb;
  let vendor: TestVendor;
  let partner: TestPartner;
  let campaignId: string;
  const processes: Spawned[] = [];
  const as = (token: string) => ({ Authorization: `Bearer ${token}` });

  const spawn = (entry: string, env: Record<string, string>) => {
    const started = spawnEntry(entry, [], { LOG_LEVEL: 'warn', ...env });
    processes.push(started);
    return started;
  };
  /** An API process on a port of its own; resolves once it answers. */
  const startApiProcess = async () => {
    const port = await freePort();
    const started = spawn('api/src/main.js', { PORT: String(port), HOST: '127.0.0.1' });
    const url = `http://127.0.0.1:${port}`;
    await eventually(async () => (await fetch(`${url}/health`)).ok, 'an API process to listen', 60_000);
    return { process: started, http: () => request(url) };
  };

  beforeAll(async () => {
    await sink.start();
    db = testDb();
    // Tenants and the campaign through an in-process API, closed before the run starts.
    const setup = await startApi();
    try {
      const tenants = new TenantFactory(setup);
      vendor = await tenants.vendor();
      partner = await tenants.partner(vendor, { companyName: 'Split Roles Ltd' });
      campaignId = (
        await authorDemoCampaign(setup, vendor.marketerToken, {
          immediate: true,
          emailsOnly: true,
          steps: (steps) => steps.slice(0, 1),
        })
      ).campaignId;
      await setup
        .http()
        .put('/sending')
        .set(as(vendor.adminToken))
        .send({ smtpUrl: sink.url, ratePerSecond: 100_000 })
        .expect(200);
    } finally {
      await setup.close();
    }
  }, 120_000);

  afterAll(async () => {
    for (const p of processes) {
      if (p.child.exitCode === null && p.child.signalCode === null) p.child.kill('SIGTERM');
      await p.exited;
    }
    await sink.stop();
  }, 60_000);

  const progressThrough = async (
    api: { http: () => ReturnType<typeof request> },
    launchId: string,
  ): Promise<Progress> => {
    const { sends } = (await api.http().get(`/launches/${launchId}`).set(as(partner.token)).expect(200)).body.stats as {
      sends: Partial<Progress>;
    };
    return { sent: sends.sent ?? 0, uncertain: sends.uncertain ?? 0 };
  };

  it('delivers 20,000 emails exactly once across a killed send worker and a killed API process', async () => {
    const [apiA, apiB] = await Promise.all([startApiProcess(), startApiProcess()]);
    const doomedWorker = spawn('worker/src/main.js', SEND_ROLE);
    spawn('worker/src/main.js', SEND_ROLE);
    spawn('worker/src/main.js', OTHER_ROLES);
    sink.behaviour = { delayMs: 5 };

    // The import through one API, the launch through the other.
    const imported = await apiA
      .http()
      .post(`/partners/${partner.partnerId}/imports`)
      .set(as(partner.token))
      .set('Content-Type', 'text/csv')
      .send(prospectsCsv(PROSPECTS, ['Europe/Warsaw', 'America/New_York'], { prefix: 'split-' }))
      .expect(202);
    await eventually(
      async () =>
        (await apiB.http().get(`/partners/${partner.partnerId}/imports/${imported.body.id}`).set(as(partner.token)))
          .body.status === 'completed',
      'the import',
      120_000,
    );
    const launchId: string = (
      await apiB
        .http()
        .post('/launches')
        .set(as(partner.token))
        .send({
          campaignId,
          audience: { type: 'all' },
          slotValues: {
            company_name: 'Split Roles Ltd',
            email: 'hello@split.example',
            website: 'https://split.example',
            address: '1 Main St, Springfield',
          },
        })
        .expect(202)
    ).body.id;

    // Progress read through each API while it runs: each sees the other's launch moving.
    const seenByA: number[] = [];
    const seenByB: number[] = [];
    await eventually(
      async () => {
        const [a, b] = await Promise.all([progressThrough(apiA, launchId), progressThrough(apiB, launchId)]);
        seenByA.push(a.sent);
        seenByB.push(b.sent);
        return a.sent >= PROSPECTS / 4 ? true : undefined;
      },
      'a quarter of the launch to be sent',
      180_000,
    );

    doomedWorker.child.kill('SIGKILL');
    apiA.process.child.kill('SIGKILL');
    const killedAt = Date.now();
    await Promise.all([doomedWorker.exited, apiA.process.exited]);
    const [held] = await db.query(
      "SELECT count(*) FILTER (WHERE status = 'handed')::int AS handed FROM sends WHERE launch_id = $1 AND split_part(claimed_by, ':', 2) = $2",
      [launchId, String(doomedWorker.child.pid)],
    );
    expect(held.handed).toBeLessThanOrEqual(DEFAULT_SMTP_CONNECTIONS);
    // The dead API's clients go to the live one, which keeps showing the launch move.
    const afterKill: number[] = [];
    await eventually(
      async () => {
        const b = await progressThrough(apiB, launchId);
        afterKill.push(b.sent + b.uncertain);
        return b.sent + b.uncertain === PROSPECTS ? true : undefined;
      },
      'every send to settle',
      240_000,
    );
    const finishedAt = Date.now();

    // What the SMTP server received, against the ledger: each send once, an uncertain one at most once.
    const ledger: Array<{ id: string; email: string; status: string }> = await db.query(
      'SELECT s.id::text, p.email, s.status FROM sends s JOIN prospects p ON p.id = s.prospect_id WHERE s.launch_id = $1',
      [launchId],
    );
    const received = new Map<string, number>();
    for (const m of sink.messages) if (m.sendId !== null) received.set(m.sendId, (received.get(m.sendId) ?? 0) + 1);
    expect(ledger).toHaveLength(PROSPECTS);
    expect(new Set(ledger.map((l) => l.email)).size).toBe(PROSPECTS);
    const wrong = ledger.filter(
      (l) =>
        !(
          (l.status === 'sent' && received.get(l.id) === 1) ||
          (l.status === 'uncertain' && (received.get(l.id) ?? 0) <= 1)
        ),
    );
    expect(wrong.slice(0, 5)).toEqual([]);
    expect(sink.messages.filter((m) => m.sendId !== null)).toHaveLength(
      ledger.filter((l) => received.has(l.id)).length,
    );
    const uncertain = ledger.filter((l) => l.status === 'uncertain').length;
    expect(uncertain).toBeLessThanOrEqual(DEFAULT_SMTP_CONNECTIONS);

    // Live progress: both APIs saw it grow before the kill, the survivor after it; a restarted API reads the end.
    expect(new Set(seenByA).size).toBeGreaterThan(1);
    expect(new Set(seenByB).size).toBeGreaterThan(1);
    expect(afterKill.some((n) => n < PROSPECTS)).toBe(true);
    const restarted = await startApiProcess();
    expect(await progressThrough(restarted, launchId)).toEqual({ sent: PROSPECTS - uncertain, uncertain });
    recordReliability('split roles, a send worker and an API killed', {
      prospects: PROSPECTS,
      uncertain,
      handed_at_kill: held.handed,
      seconds_after_kill: Math.round((finishedAt - killedAt) / 1000),
    });
  }, 600_000);
});
