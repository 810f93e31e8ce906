/** @long-running: over half a minute, mostly two workers booting (test/setup/sequencer.js starts it first). */
import { DemoSeeder, SeededDemo } from '../../apps/cli/src/demo/demo-seeder';
import { ApiHarness, startApi } from '../support/api-harness';
import { TestDb, testDb } from '../support/db';
import { eventually, spawnEntry, Spawned } from '../support/processes';

/**
 * A pending launch's start is one step: the worker that marks it started and dies before its
 * launch exists leaves nothing half-done; the next worker starts it, once. The first worker
 * is built with a crash point (CRASH_POINT) that SIGKILLs it between the two writes. One killed
 * after the start committed and before the enrollment was queued leaves a launch enrolling with
 * no job: the next worker's sweep queues it, and it enrolls its prospects once, its post made once.
 */
describe('programmes: a worker killed while starting a pending launch', () => {
  let api: ApiHarness;
  let db: TestDb;
  let demo: SeededDemo;
  const workers: Spawned[] = [];
  /** Northwind's subscription, made by the first case and used again by the second. */
  let subscriptionId: string;
  const as = (token: string) => ({ Authorization: `Bearer ${token}` });
  const startWorker = (env: Record<string, string> = {}) => {
    // The built worker (dist), every role, sweeping every second; a claim on a pending launch lasts 2 s.
    const worker = spawnEntry('worker/src/main.js', [], {
      SWEEP_INTERVAL_SECONDS: '1',
      PROGRAMME_START_LEASE_MS: '2000',
      LOG_LEVEL: 'error',
      ...env,
    });
    workers.push(worker);
    return worker;
  };

  beforeAll(async () => {
    api = await startApi();
    db = testDb();
    demo = await new DemoSeeder(api.app).seed();
  }, 120_000);

  afterAll(async () => {
    for (const w of workers) {
      if (w.child.exitCode === null && w.child.signalCode === null) w.child.kill('SIGTERM');
      await w.exited;
    }
    await api?.close();
  });

  /** The vendor changes the campaign and publishes it: the programme offers the new version. */
  async function publishNewVersion(description: string): Promise<{ body: { version: number } }> {
    await api
      .http()
      .patch(`/campaigns/${demo.campaignId}`)
      .set(as(demo.tokens.marketer))
      .send({ description })
      .expect(200);
    return api.http().post(`/campaigns/${demo.campaignId}/publish`).set(as(demo.tokens.marketer)).expect(201);
  }

  it('starts it exactly once after the restart: one launch, the pending launch started and pointing at it', async () => {
    const [northwind] = demo.partners;
    const programme = await api
      .http()
      .post('/programmes')
      .set(as(demo.tokens.marketer))
      .send({ name: 'Crash course', campaignIds: [demo.campaignId] })
      .expect(201);
    const subscription = await api
      .http()
      .post(`/programmes/${programme.body.id}/subscriptions`)
      .set(as(northwind.token))
      .send({ audience: { type: 'all' }, reviewHours: 0 })
      .expect(201);
    subscriptionId = subscription.body.id;
    const doomed = startWorker({ CRASH_POINT: 'programmes.pending-launch-marked-started' });
    const published = await publishNewVersion('Crash edition');

    expect((await doomed.exited).signal).toBe('SIGKILL');
    startWorker();

    const [{ id: versionId }] = await db.query<Array<{ id: string }>>(
      'SELECT id FROM campaign_versions WHERE campaign_id = $1 AND version = $2',
      [demo.campaignId, published.body.version],
    );
    const started = await eventually(
      async () => {
        const [row] = await db.query<Array<{ id: string; state: string; launch_id: string | null }>>(
          'SELECT id, state, launch_id FROM pending_launches WHERE campaign_version_id = $1 AND partner_id = $2',
          [versionId, northwind.partnerId],
        );
        return row?.state === 'started' && row.launch_id ? row : undefined;
      },
      'the next worker to start the pending launch',
      60_000,
    );
    const launches = await db.query<Array<{ id: string; pending_launch_id: string | null }>>(
      'SELECT id, pending_launch_id FROM launches WHERE partner_id = $1 AND campaign_version_id = $2',
      [northwind.partnerId, versionId],
    );
    expect(launches).toEqual([{ id: started.launch_id, pending_launch_id: started.id }]);
    const actions = await db.query<Array<{ action: string }>>(
      'SELECT action FROM pending_launch_actions WHERE pending_launch_id = $1',
      [started.id],
    );
    expect(actions).toEqual([{ action: 'auto_start' }]);
  }, 120_000);

  it('enrolls a launch whose worker died before queueing it, exactly once, with its social post made once', async () => {
    const [northwind] = demo.partners;
    // Three prospects, and Northwind's LinkedIn account (made by a network's redirect in real
    // life: test/social covers that dance); its subscription now posts there.
    await db.query(
      `INSERT INTO prospects (vendor_id, partner_id, email, email_lower)
       SELECT vendor_id, id, 'crash' || n || '@example.com', 'crash' || n || '@example.com' FROM partners, generate_series(1, 3) n WHERE id = $1`,
      [northwind.partnerId],
    );
    await db.query(
      `INSERT INTO social_connections (vendor_id, partner_id, network, account_id, account_name, access_token_sealed) SELECT vendor_id, id, 'linkedin', 'urn:li:person:crash', 'Crash', 'v1.x.y.z' FROM partners WHERE id = $1`,
      [northwind.partnerId],
    );
    await api
      .http()
      .patch(`/programme-subscriptions/${subscriptionId}`)
      .set(as(northwind.token))
      .send({ socialNetworks: ['linkedin'] })
      .expect(200);
    for (const w of workers) if (w.child.exitCode === null && w.child.signalCode === null) w.child.kill('SIGTERM');
    await Promise.all(workers.map((w) => w.exited));
    const doomed = startWorker({ CRASH_POINT: 'programmes.launch-started-before-enroll' });
    const published = await publishNewVersion('Crash edition, posted');

    expect((await doomed.exited).signal).toBe('SIGKILL');
    startWorker();

    const [launch] = await eventually(
      async () => {
        const rows = await db.query<Array<{ id: string; status: string; enrolled: number }>>(
          `SELECT l.id, l.status, l.enrolled FROM launches l JOIN campaign_versions v ON v.id = l.campaign_version_id
           WHERE l.partner_id = $1 AND v.campaign_id = $2 AND v.version = $3`,
          [northwind.partnerId, demo.campaignId, published.body.version],
        );
        if (rows.length === 1 && rows[0].status !== 'enrolling') return rows;
        throw new Error(`launches so far: ${JSON.stringify(rows)}`);
      },
      'the launch to have enrolled',
      60_000,
    );
    const enrolled = await db.query<Array<{ email: string }>>(
      'SELECT p.email FROM enrollments e JOIN prospects p ON p.id = e.prospect_id WHERE e.launch_id = $1 ORDER BY p.email',
      [launch.id],
    );
    expect(enrolled.map((e) => e.email)).toEqual(['crash1@example.com', 'crash2@example.com', 'crash3@example.com']);
    expect(launch.enrolled).toBe(3);
    const posts = await db.query<Array<{ networks: string[] }>>(
      `SELECT array_agg(d.network ORDER BY d.network) AS networks FROM social_posts p
       JOIN social_post_deliveries d ON d.post_id = p.id WHERE p.launch_id = $1 GROUP BY p.id`,
      [launch.id],
    );
    expect(posts).toEqual([{ networks: ['linkedin'] }]);
  }, 120_000);
});
