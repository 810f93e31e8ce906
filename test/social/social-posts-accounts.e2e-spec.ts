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
 * that reason and the partner is told, once. With two accounts on one network the partner picks
 * one per post (validated as its own, connected, on that network), the default being the most
 * recently connected; a vendor cancels a partner's scheduled post only acting for it (concierge),
 * audited and emailed.
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
  const connections = async (token = northwind.token) =>
    (await api.http().get('/social-connections').set(as(token)).expect(200)).body.items as Array<{
      id: string;
      accountId: string;
      accountName: string;
      status: string;
    }>;
  /** Connects one more LinkedIn member account (a sign-in of its own) for the partner; its connection's id. */
  async function connectMember(id: string, name: string, token = northwind.token): Promise<string> {
    stubs.linkedin.accounts = [{ id, name }];
    await connectLinkedIn(api, token);
    return (await connections(token)).find((c) => c.accountName === name)!.id;
  }
  const countPosts = async () =>
    Number((await db.query<Array<{ n: string }>>('SELECT count(*) AS n FROM social_posts'))[0].n);
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
    const env = stubs.env();
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
    stubs.linkedin.failNext('drop', { path: POSTS, when: 'after' });
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

  describe('several accounts on one network', () => {
    let older: string;
    let newer: string;

    beforeAll(async () => {
      older = await connectMember('older1', 'Pat Older');
      newer = await connectMember('newer2', 'Pat Newer');
    });

    it('publishes to the account the partner chose (the older of two), and to the most recently connected when none is chosen', async () => {
      // The list says which accounts work and which one posts go out as by default.
      const listed = (await api.http().get('/social-connections').set(as(northwind.token)).expect(200)).body
        .items as Array<{ id: string; network: string; status: string; usable: boolean; postsByDefault: boolean }>;
      const linkedin = listed.filter((c) => c.network === 'linkedin');
      expect(linkedin.filter((c) => c.postsByDefault).map((c) => c.id)).toEqual([newer]);
      expect(linkedin.find((c) => c.id === older)).toMatchObject({ usable: true, postsByDefault: false });
      for (const c of linkedin.filter((c) => c.status === 'revoked'))
        expect(c).toMatchObject({ usable: false, postsByDefault: false });
      const chosen = await schedule({ accounts: { linkedin: older } }).expect(201);
      expect(chosen.body.deliveries[0]).toMatchObject({
        network: 'linkedin',
        connectionId: older,
        accountName: 'Pat Older',
      });
      const unchosen = await schedule({}).expect(201);
      expect(unchosen.body.deliveries[0]).toMatchObject({ connectionId: null, accountName: null });
      await sweep();
      const byText = (author: string) => stubs.linkedin.posts.filter((p) => p.author === author);
      expect(byText('urn:li:person:older1')).toHaveLength(1);
      expect(byText('urn:li:person:newer2')).toHaveLength(1);
      expect(await deliveryOf(chosen.body.id)).toMatchObject({
        status: 'published',
        remoteId: byText('urn:li:person:older1')[0].id,
      });
      expect(await deliveryOf(unchosen.body.id)).toMatchObject({
        status: 'published',
        remoteId: byText('urn:li:person:newer2')[0].id,
      });
      expect(newer).not.toBe(older);
    });

    it('refuses an account that is not the partner’s, not connected, or on another network, field by field, writing nothing', async () => {
      const [, other] = demo.partners;
      const foreign = await connectMember('foreign3', 'Other Partner Member', other.token);
      const before = await countPosts();
      const refused = async (accounts: Record<string, string>) =>
        (await schedule({ accounts }).expect(422)).body.errors as Array<{ path: string; message: string }>;
      const notFound = [{ path: 'accounts.linkedin', message: 'is not one of this partner’s social accounts' }];
      expect(await refused({ linkedin: foreign })).toEqual(notFound);
      expect(await refused({ linkedin: '00000000-0000-4000-8000-000000000000' })).toEqual(notFound);
      expect(await refused({ linkedin: orgConnectionId })).toEqual([
        {
          path: 'accounts.linkedin',
          message: 'Northwind IT Services is disconnected; connect it again or choose another LinkedIn account',
        },
      ]);
      expect(await refused({ facebook: older })).toEqual([
        { path: 'accounts.facebook', message: 'Pat Older is a LinkedIn account, not a Facebook one' },
      ]);
      await schedule({ accounts: { linkedin: 'not-a-uuid' } }).expect(400);
      expect(await countPosts()).toBe(before);

      const programmeId = (
        await api
          .http()
          .post('/programmes')
          .set(as(demo.tokens.marketer))
          .send({ name: 'Social accounts', campaignIds: [demo.campaignId] })
          .expect(201)
      ).body.id as string;
      const subscribe = (socialAccounts: Record<string, string>) =>
        api
          .http()
          .post(`/programmes/${programmeId}/subscriptions`)
          .set(as(northwind.token))
          .send({ audience: { type: 'all' }, socialNetworks: ['linkedin'], socialAccounts });
      expect((await subscribe({ linkedin: foreign }).expect(422)).body.errors).toEqual([
        { path: 'socialAccounts.linkedin', message: 'is not one of this partner’s social accounts' },
      ]);
      const subscribed = await subscribe({ linkedin: older }).expect(201);
      expect(subscribed.body.socialAccounts).toEqual({ linkedin: older });
    });

    it('fails a post whose chosen account was disconnected with that reason, never posting to another account', async () => {
      const posted = stubs.linkedin.posts.length;
      const due = new Date(clock.now().getTime() + 3_600_000);
      const local = new Date(due.getTime() + 3_600_000).toISOString().slice(0, 16); // Warsaw is UTC+1 in November
      const { body } = await schedule({ accounts: { linkedin: older }, publishAt: local }).expect(201);
      await api.http().delete(`/social-connections/${older}`).set(as(northwind.token)).expect(200);
      clock.set(due);
      await sweep();
      expect(await deliveryOf(body.id)).toMatchObject({
        status: 'failed',
        lastError: expect.stringContaining('the LinkedIn account Pat Older was disconnected'),
      });
      expect(stubs.linkedin.posts).toHaveLength(posted);
    });
  });

  describe('a vendor cancelling a partner’s scheduled post', () => {
    it('is refused outside concierge mode, and acting for the partner cancels it, audited and emailed', async () => {
      const { body: post } = await schedule({ publishAt: '2026-12-01T10:00' }).expect(201);
      const refused = await api.http().delete(`/social-posts/${post.id}`).set(as(demo.tokens.marketer)).expect(403);
      expect(refused.body.message).toBe(
        'A vendor user cancels a partner’s post only acting for the partner (concierge mode), which is audited and emailed to its users',
      );
      expect(refused.body.message).not.toMatch(/\bat .*\.js/);
      expect((await deliveryOf(post.id)).status).toBe('scheduled');

      const mailsBefore = (await mailsToZofia()).length;
      const cancelled = await api
        .http()
        .delete(`/social-posts/${post.id}`)
        .set({ ...as(demo.tokens.marketer), 'X-Acting-For': northwind.partnerId })
        .expect(200);
      expect(cancelled.body.cancelledAt).toBe(clock.now().toISOString());
      expect((await deliveryOf(post.id)).status).toBe('cancelled');

      const log = await api
        .http()
        .get(`/partners/${northwind.partnerId}/concierge-accesses`)
        .set(as(demo.tokens.admin))
        .expect(200);
      const [marketer] = await db.query<Array<{ id: string }>>(
        "SELECT id FROM users WHERE vendor_id = $1 AND role = 'vendor_marketer'",
        [demo.vendorId],
      );
      expect(log.body.items).toContainEqual(
        expect.objectContaining({
          userId: marketer.id,
          method: 'DELETE',
          path: `/social-posts/${post.id}`,
          action: expect.stringContaining(`Cancelled the scheduled social post ${post.id}`),
          at: clock.now().toISOString(),
        }),
      );
      const mails = (await mailsToZofia()).slice(mailsBefore).map((m) => m.subject);
      expect(mails).toEqual([expect.stringMatching(/cancelled your scheduled LinkedIn post/)]);
    });

    it('keeps the post scheduled when its audit entry cannot be written: the cancel and its audit commit together', async () => {
      const { body: post } = await schedule({ publishAt: '2026-12-02T10:00' }).expect(201);
      // The audit log refuses this entry (a full disk, a constraint): nothing of the cancel may stay.
      await db.query(`CREATE FUNCTION refuse_cancel_audit() RETURNS trigger LANGUAGE plpgsql AS $$
        BEGIN RAISE EXCEPTION 'audit log refused'; END $$`);
      await db.query(
        `CREATE TRIGGER refuse_cancel_audit BEFORE INSERT ON concierge_accesses FOR EACH ROW
         WHEN (NEW.action LIKE 'Cancelled the scheduled social post ${post.id}%') EXECUTE FUNCTION refuse_cancel_audit()`,
      );
      try {
        const failed = await api
          .http()
          .delete(`/social-posts/${post.id}`)
          .set({ ...as(demo.tokens.marketer), 'X-Acting-For': northwind.partnerId })
          .expect(500);
        expect(JSON.stringify(failed.body)).not.toMatch(/\bat .*\.js|audit log refused/);
      } finally {
        await db.query('DROP TRIGGER refuse_cancel_audit ON concierge_accesses');
        await db.query('DROP FUNCTION refuse_cancel_audit()');
      }
      expect((await deliveryOf(post.id)).status).toBe('scheduled');
      const [row] = await db.query<Array<{ cancelled_at: Date | null }>>(
        'SELECT cancelled_at FROM social_posts WHERE id = $1',
        [post.id],
      );
      expect(row.cancelled_at).toBeNull();
    });
  });
});
