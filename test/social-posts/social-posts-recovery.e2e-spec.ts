import { ManualClock } from '@tcma/clock';
import { SocialNetworks } from '@tcma/social';
import { PostingAccounts, SocialSweepService } from '@tcma/social-posts';
import { PartnerScope } from '@tcma/persistence';
import { QueueName } from '@tcma/queue';
import Redis from 'ioredis';
import { DemoSeeder, SeededDemo } from '../../apps/cli/src/demo/demo-seeder';
import { ApiHarness, startApi } from '../support/api-harness';
import { TestDb, testDb } from '../support/db';
import { connectLinkedIn } from '../support/posting-accounts';
import { eventually } from '../support/processes';
import { waitForQueueIdle } from '../support/queues';
import { SocialStubs, startSocialStubs } from '../support/social-stubs';
import { startWorker, WorkerHarness } from '../support/worker-harness';

/** A Redis database of its own, so flushing it touches no other test. */
const REDIS_URL = 'redis://127.0.0.1:6379/12';
const START = new Date('2026-11-23T09:00:00Z');

describe('social posts: a worker dying mid-publish and Redis losing its queues', () => {
  const clock = new ManualClock(START);
  const redis = new Redis(REDIS_URL);
  let stubs: SocialStubs;
  let api: ApiHarness;
  let worker: WorkerHarness;
  let db: TestDb;
  let demo: SeededDemo;
  let northwind: SeededDemo['partners'][number];
  const as = (token: string) => ({ Authorization: `Bearer ${token}` });
  const linkedinPosts = () => stubs.linkedin.posts;

  beforeAll(async () => {
    await redis.flushdb();
    stubs = await startSocialStubs();
    stubs.linkedin.now = () => clock.now().getTime();
    // Heartbeats every second: a silent worker is judged dead after 2 s.
    const env = { ...stubs.env(), REDIS_URL, WORKER_HEARTBEAT_SECONDS: '1' };
    api = await startApi({ clock, env });
    worker = await startWorker({ roles: 'send', clock, env });
    db = testDb();
    demo = await new DemoSeeder(api.app).seed();
    [northwind] = demo.partners;
    await connectLinkedIn(api, northwind.token);
  }, 180_000);

  afterAll(async () => {
    await worker?.close();
    await api?.close();
    await stubs?.stop();
    redis.disconnect();
  });

  it('settles the dead worker’s post with the network and requeues the flushed one: one remote post each', async () => {
    const sweep = async () => {
      const result = await worker.app.get(SocialSweepService).sweep();
      await waitForQueueIdle(worker.app, QueueName.Social);
      return result;
    };
    const status = async (id: string) =>
      (
        await db.query<Array<{ status: string; remote_id: string | null; attempts: number }>>(
          'SELECT status, remote_id, attempts FROM social_post_deliveries WHERE id = $1',
          [id],
        )
      )[0];
    // The marker beside the queues is written by a first sweep.
    await sweep();
    const schedule = async () =>
      (
        await api
          .http()
          .post('/social-posts')
          .set(as(northwind.token))
          .send({ campaignId: demo.campaignId, networks: ['linkedin'] })
          .expect(201)
      ).body as { id: string; copy: { linkedin: string }; deliveries: Array<{ id: string }> };
    const killed = await schedule();
    const flushed = await schedule();

    // A worker claimed the first post and sent it to LinkedIn, then was SIGKILLed before recording
    // the answer: the row stays `publishing` under a worker that never beats again.
    await db.query(
      "UPDATE social_post_deliveries SET status = 'publishing', attempts = 1, claimed_by = 'killed-worker:1:dead', claimed_at = $2 WHERE id = $1",
      [killed.deliveries[0].id, clock.now()],
    );
    const account = await worker.app
      .get(PostingAccounts)
      .forPosting(new PartnerScope(demo.vendorId, northwind.partnerId), 'linkedin', null);
    const sent = await worker.app
      .get(SocialNetworks)
      .get('linkedin')
      .publish({
        accessToken: account!.accessToken,
        accountId: account!.accountId,
        text: killed.copy.linkedin,
        image: Buffer.alloc(4096, 7),
        mimeType: 'image/png',
        idempotencyKey: killed.deliveries[0].id,
        // As the worker does: the post's reference kept before the creating call.
        prepared: async (reference) => {
          await db.query('UPDATE social_post_deliveries SET remote_ref = $2 WHERE id = $1', [
            killed.deliveries[0].id,
            reference,
          ]);
        },
      });
    // The second post's job was in Redis (the sweep had marked it queued) when Redis lost everything.
    await db.query('UPDATE social_post_deliveries SET queued_at = $2 WHERE id = $1', [
      flushed.deliveries[0].id,
      clock.now(),
    ]);
    expect(linkedinPosts()).toHaveLength(1);

    // Before the flush the queued one is left to its job, and the dead worker's not judged yet.
    expect(await sweep()).toMatchObject({ queued: 0, settled: 0 });
    await redis.flushdb();
    expect(await sweep()).toMatchObject({ requeuedAfterLoss: 1, queued: 1 });
    expect(await status(flushed.deliveries[0].id)).toMatchObject({ status: 'published', attempts: 1 });

    // Once this sweeper has been up two heartbeats, the silent worker is judged dead and its post found on LinkedIn.
    await eventually(async () => (await sweep()).settled === 1, 'the dead worker’s post settled', 20_000);
    expect(await status(killed.deliveries[0].id)).toMatchObject({
      status: 'published',
      attempts: 1,
      remote_id: sent.remoteId,
    });
    await sweep();
    expect(linkedinPosts()).toHaveLength(2);
    // Each post's text is its own (its tracked links are): one remote post per text.
    expect(killed.copy.linkedin).not.toBe(flushed.copy.linkedin);
    expect(linkedinPosts().filter((p) => p.text === killed.copy.linkedin)).toHaveLength(1);
    expect(linkedinPosts().filter((p) => p.text === flushed.copy.linkedin)).toHaveLength(1);
  });
});
