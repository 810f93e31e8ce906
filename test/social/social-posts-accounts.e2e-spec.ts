import { ManualClock } from '@tcma/clock';
import { QueueName } from '@tcma/queue';
import { SocialSweepService, UNCERTAIN_CHECK_AFTER_MS } from '@tcma/social-posts';
import { DemoSeeder, SeededDemo } from '../../apps/cli/src/demo/demo-seeder';
import { ApiHarness, startApi } from '../support/api-harness';
import { TestDb, testDb } from '../support/db';
import { connectLinkedIn } from '../support/posting-accounts';
import { waitForQueueIdle } from '../support/queues';
import { SocialStubs, startSocialStubs } from '../support/social-stubs';
import { startWorker, WorkerHarness } from '../support/worker-harness';

/** Monday 23 November 2026, 09:00 UTC (10:00 in Warsaw, Northwind's zone). */
const START = new Date('2026-11-23T09:00:00Z');
const ORG = 'urn:li:organization:2414183';
const POSTS = /^\/rest\/posts$/;

/**
 * Which account a post goes out as, through the real API, worker and LinkedIn stub: a partner
 * that connected its LinkedIn company page (and kept it, not the member) publishes as the
 * organisation exactly once; a post due on an account the partner disconnected fails with
 * that reason and the partner is told, once.
 */
describe('social posts: posting as a LinkedIn organisation, and on a disconnected account', () => {
  const clock = new ManualClock(START);
  let stubs: SocialStubs;
  let api: ApiHarness;
  let worker: WorkerHarness;
  let db: TestDb;
  let demo: SeededDemo;
  let northwind: SeededDemo['partners'][number];
  let orgConnectionId: string;
  const as = (token: string) => ({ Authorization: `Bearer ${token}` });

  async function sweep(): Promise<void> {
    await worker.app.get(SocialSweepService).sweep();
    await waitForQueueIdle(worker.app, QueueName.Social);
  }
  const schedule = (body: Record<string, unknown>) =>
    api
      .http()
      .post('/social-posts')
      .set(as(northwind.token))
      .send({ campaignId: demo.campaignId, networks: ['linkedin'], ...body });
  const deliveryOf = async (postId: string) =>
    (await api.http().get(`/social-posts/${postId}`).set(as(northwind.token)).expect(200)).body.deliveries[0];
  const orgPosts = () => stubs.linkedin.posts.filter((p) => p.author === ORG);
  const mailsToZofia = async () =>
    db.query<Array<{ subject: string }>>(
      "SELECT subject FROM outbox_messages WHERE 'zofia@northwind-it.example' = ANY(recipients) ORDER BY id",
    );

  beforeAll(async () => {
    stubs = await startSocialStubs();
    for (const stub of [stubs.linkedin, stubs.x, stubs.facebook]) stub.now = () => clock.now().getTime();
    stubs.linkedin.accounts = [
      { id: 'abc123', name: 'Pat Partner', organizations: [{ id: '2414183', name: 'Northwind IT Services' }] },
    ];
    const env = { ...stubs.env(), SOCIAL_TIMEOUT_MS: '1500' };
    api = await startApi({ clock, env });
    worker = await startWorker({ roles: 'send,enroll', clock, env });
    db = testDb();
    demo = await new DemoSeeder(api.app).seed();
    [northwind] = demo.partners;

    // One authorization connects the member and its company page; the partner keeps the page only.
    const memberId = await connectLinkedIn(api, northwind.token);
    const listed = (await api.http().get('/social-connections').set(as(northwind.token)).expect(200)).body
      .items as Array<{ id: string; accountId: string }>;
    orgConnectionId = listed.find((c) => c.accountId === ORG)!.id;
    expect(
      (await api.http().delete(`/social-connections/${memberId}`).set(as(northwind.token)).expect(200)).body.revocation,
    ).toBe('shared');
  }, 180_000);

  afterAll(async () => {
    await worker?.close();
    await api?.close();
    await stubs?.stop();
  });

  it('publishes as the organisation exactly once, and settles an unanswered publish from the organisation’s posts', async () => {
    const { body } = await schedule({}).expect(201);
    await sweep();
    expect(orgPosts()).toHaveLength(1);
    expect(stubs.linkedin.posts.filter((p) => p.author !== ORG)).toEqual([]);
    expect(stubs.linkedin.callsTo('/rest/images', 'POST').at(-1)!.body).toEqual({
      initializeUploadRequest: { owner: ORG },
    });
    expect(await deliveryOf(body.id)).toMatchObject({ status: 'published', attempts: 1, remoteId: orgPosts()[0].id });
    await sweep();
    expect(orgPosts()).toHaveLength(1);

    // The post is made and its answer lost: found again among the organisation's posts, never posted twice.
    const second = await schedule({}).expect(201);
    stubs.linkedin.failNext('hang', { path: POSTS, when: 'after' });
    await sweep();
    expect(await deliveryOf(second.body.id)).toMatchObject({ status: 'uncertain' });
    expect(orgPosts()).toHaveLength(2);
    clock.advance(UNCERTAIN_CHECK_AFTER_MS);
    await sweep();
    expect(await deliveryOf(second.body.id)).toMatchObject({ status: 'published', remoteId: orgPosts()[1].id });
    expect(stubs.linkedin.callsTo(POSTS, 'GET').at(-1)!.query).toMatchObject({ q: 'author', author: ORG });
    expect(orgPosts()).toHaveLength(2);
  });

  it('fails a post due on the disconnected account with that reason, and tells the partner once', async () => {
    const mailsBefore = (await mailsToZofia()).length;
    const posted = stubs.linkedin.posts.length;
    const first = await schedule({ publishAt: '2026-11-24T10:00' }).expect(201);
    const second = await schedule({ publishAt: '2026-11-24T11:00' }).expect(201);
    const disconnected = await api
      .http()
      .delete(`/social-connections/${orgConnectionId}`)
      .set(as(northwind.token))
      .expect(200);
    expect(disconnected.body.revocation).toBe('revoked');
    const day = clock.now().toISOString().slice(0, 10);

    clock.set(new Date('2026-11-24T10:00:00Z'));
    await sweep();
    expect(await deliveryOf(first.body.id)).toMatchObject({
      status: 'failed',
      lastError: `the LinkedIn account Northwind IT Services was disconnected on ${day}; connect it again to publish`,
    });
    clock.set(new Date('2026-11-24T11:00:00Z'));
    await sweep();
    expect(await deliveryOf(second.body.id)).toMatchObject({
      status: 'failed',
      lastError: expect.stringContaining('was disconnected'),
    });
    expect(stubs.linkedin.posts).toHaveLength(posted);
    expect((await mailsToZofia()).slice(mailsBefore).map((m) => m.subject)).toEqual([
      'A post to Northwind IT Services on LinkedIn failed: the account is disconnected',
    ]);
  });
});
