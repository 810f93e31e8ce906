import Redis from 'ioredis';
import { DemoSeeder, SeededDemo } from '../../apps/cli/src/demo/demo-seeder';
import { ApiHarness, startApi } from '../support/api-harness';
import { TestDb, testDb } from '../support/db';
import { connectLinkedIn } from '../support/posting-accounts';
import { eventually, spawnEntry, Spawned } from '../support/processes';
import { SocialStubs, startSocialStubs } from '../support/social-stubs';

/** A Redis database of its own, so flushing it touches no other test. */
const REDIS_URL = 'redis://127.0.0.1:6379/13';

describe('social posts: the worker killed with SIGKILL mid-publish, then Redis flushed', () => {
  const redis = new Redis(REDIS_URL);
  let stubs: SocialStubs;
  let api: ApiHarness;
  let db: TestDb;
  let demo: SeededDemo;
  const workers: Spawned[] = [];
  const startWorker = () => {
    // The built worker (dist), every role, sweeping every second; a call may hang 10 minutes before it gives up.
    const worker = spawnEntry('worker/src/main.js', [], {
      ...stubs.env(),
      REDIS_URL,
      SWEEP_INTERVAL_SECONDS: '1',
      WORKER_HEARTBEAT_SECONDS: '1',
      SOCIAL_TIMEOUT_MS: '600000',
      LOG_LEVEL: 'error',
    });
    workers.push(worker);
    return worker;
  };

  beforeAll(async () => {
    await redis.flushdb();
    stubs = await startSocialStubs();
    api = await startApi({ env: { ...stubs.env(), REDIS_URL } });
    db = testDb();
    demo = await new DemoSeeder(api.app).seed();
    await connectLinkedIn(api, demo.partners[0].token);
  }, 180_000);

  afterAll(async () => {
    for (const w of workers) {
      if (w.child.exitCode === null && w.child.signalCode === null) w.child.kill('SIGTERM');
      await w.exited;
    }
    await api?.close();
    await stubs?.stop();
    redis.disconnect();
  });

  it('publishes once: the next worker finds the post on LinkedIn instead of posting it again', async () => {
    // LinkedIn creates the post and never answers.
    stubs.linkedin.failNext('hang', { path: /^\/rest\/posts$/, when: 'after' });
    const doomed = startWorker();
    const post = (
      await api
        .http()
        .post('/social-posts')
        .set({ Authorization: `Bearer ${demo.partners[0].token}` })
        .send({ campaignId: demo.campaignId, networks: ['linkedin'] })
        .expect(201)
    ).body as { id: string; deliveries: Array<{ id: string }> };
    const row = async () =>
      (
        await db.query<Array<{ status: string; remote_id: string | null; attempts: number }>>(
          'SELECT status, remote_id, attempts FROM social_post_deliveries WHERE id = $1',
          [post.deliveries[0].id],
        )
      )[0];
    await eventually(
      async () => stubs.linkedin.posts.length === 1 && (await row()).status === 'publishing',
      'the post sent and its answer awaited',
      60_000,
    );

    doomed.child.kill('SIGKILL');
    expect((await doomed.exited).signal).toBe('SIGKILL');
    await redis.flushdb();
    startWorker();

    await eventually(async () => (await row()).status === 'published', 'the post settled by the next worker', 90_000);
    expect(await row()).toMatchObject({ status: 'published', attempts: 1, remote_id: stubs.linkedin.posts[0].id });
    expect(stubs.linkedin.posts).toHaveLength(1);
    expect(stubs.linkedin.callsTo(/^\/rest\/posts$/, 'POST')).toHaveLength(1);
  });
});
