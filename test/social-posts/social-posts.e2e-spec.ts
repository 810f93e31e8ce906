import { ManualClock } from '@tcma/clock';
import { QueueName } from '@tcma/queue';
import { SocialPublisher, SocialSweepService, STALE_PUBLISHING_MS, UNCERTAIN_CHECK_AFTER_MS } from '@tcma/social-posts';
import { simpleParser } from 'mailparser';
import sharp from 'sharp';
import { DemoSeeder, SeededDemo } from '../../apps/cli/src/demo/demo-seeder';
import { ApiHarness, startApi } from '../support/api-harness';
import { TestDb, testDb } from '../support/db';
import { connectLinkedIn } from '../support/posting-accounts';
import { waitForQueueIdle } from '../support/queues';
import { SocialStubs, startSocialStubs } from '../support/social-stubs';
import { startWorker, WorkerHarness } from '../support/worker-harness';

/** Monday 23 November 2026, 09:00 UTC (10:00 in Warsaw, Northwind's zone). */
const START = new Date('2026-11-23T09:00:00Z');
const MINUTE = 60_000;
const POSTS = /^\/rest\/posts$/;

interface Delivery {
  id: string;
  network: string;
  status: string;
  attempts: number;
  nextAttemptAt: string | null;
  remoteId: string | null;
  lastError: string | null;
}

describe('social posts: scheduled at a local time, published at most once', () => {
  const clock = new ManualClock(START);
  let stubs: SocialStubs;
  let api: ApiHarness;
  let worker: WorkerHarness;
  let db: TestDb;
  let demo: SeededDemo;
  let northwind: SeededDemo['partners'][number];
  let hellenic: SeededDemo['partners'][number];
  let connectionId: string;
  const as = (token: string) => ({ Authorization: `Bearer ${token}` });

  /** The sweep at the clock's time, then every job it queued run to the end. */
  async function sweep(): Promise<{ queued: number; settled: number }> {
    const result = await worker.app.get(SocialSweepService).sweep();
    await waitForQueueIdle(worker.app, QueueName.Social);
    return result;
  }

  const linkedinPosts = () => stubs.linkedin.posts.filter((p) => p.author === 'urn:li:person:abc123');
  const schedule = (token: string, body: Record<string, unknown>) =>
    api
      .http()
      .post('/social-posts')
      .set(as(token))
      .send({ campaignId: demo.campaignId, networks: ['linkedin'], ...body });
  const failedDeliveries = async (): Promise<number> =>
    (
      await db.query<Array<{ n: number }>>(
        "SELECT count(*)::int AS n FROM social_post_deliveries WHERE status = 'failed'",
      )
    )[0].n;
  const deliveryOf = async (postId: string): Promise<Delivery> =>
    (await api.http().get(`/social-posts/${postId}`).set(as(northwind.token)).expect(200)).body.deliveries[0];

  beforeAll(async () => {
    stubs = await startSocialStubs();
    for (const stub of [stubs.linkedin, stubs.x, stubs.facebook]) stub.now = () => clock.now().getTime();
    const env = stubs.env();
    api = await startApi({ clock, env });
    worker = await startWorker({ roles: 'send,enroll', clock, env });
    db = testDb();
    demo = await new DemoSeeder(api.app).seed();
    [northwind, hellenic] = demo.partners;

    // Northwind connects LinkedIn: the engine's authorization with the stub network, through the callback.
    connectionId = await connectLinkedIn(api, northwind.token);
  }, 180_000);

  afterAll(async () => {
    await worker?.close();
    await api?.close();
    await stubs?.stop();
  });

  it('refuses what cannot be posted with field-level errors, and writes nothing', async () => {
    const notConnected = await schedule(northwind.token, { networks: ['x'] }).expect(422);
    expect(notConnected.body.errors).toEqual([
      { path: 'networks', message: 'x is not connected for this partner; connect it first' },
    ]);
    const past = await schedule(northwind.token, { publishAt: '2026-11-23T09:00' }).expect(422);
    expect(past.body.errors).toEqual([
      { path: 'publishAt', message: "is in the past in the partner's time zone (Europe/Warsaw)" },
    ]);
    const malformed = await schedule(northwind.token, { publishAt: 'tomorrow', networks: ['myspace'] }).expect(400);
    expect(malformed.body.errors.map((e: { path: string }) => e.path).sort()).toEqual(['networks', 'publishAt']);
    const [{ n }] = await db.query<Array<{ n: number }>>('SELECT count(*)::int AS n FROM social_posts');
    expect(n).toBe(0);
  });

  let postId: string;

  it('publishes at the local time it was scheduled for, exactly once, co-branded with tracked links', async () => {
    // 14:30 in Warsaw (UTC+1 in November) is 13:30 UTC.
    const created = await schedule(northwind.token, { publishAt: '2026-11-23T14:30' }).expect(201);
    postId = created.body.id;
    expect(created.body).toMatchObject({
      dueAt: '2026-11-23T13:30:00.000Z',
      timeZone: 'Europe/Warsaw',
      source: 'manual',
      deliveries: [{ network: 'linkedin', status: 'scheduled', attempts: 0 }],
    });
    expect(created.body.copy.linkedin).toContain('Northwind IT Services can set your business up');
    // Its link is a short tracked one (test/social-posts/social-post-clicks.e2e-spec.ts follows it).
    expect(created.body.copy.linkedin).toMatch(new RegExp(`: ${api.config.publicBaseUrl}/s/[0-9A-Za-z]{10}$`));

    clock.set(new Date('2026-11-23T13:29:00Z'));
    expect((await sweep()).queued).toBe(0);
    expect(linkedinPosts()).toHaveLength(0);

    clock.set(new Date('2026-11-23T13:30:00Z'));
    expect((await sweep()).queued).toBe(1);
    expect(linkedinPosts()).toHaveLength(1);
    const [post] = linkedinPosts();
    expect(post.createdAt).toBe(Date.parse('2026-11-23T13:30:00Z'));
    expect(post.text).toBe(created.body.copy.linkedin.replace(/[\\|{}@[\]()<>#*_~]/g, (c: string) => `\\${c}`));
    // The co-branded image was uploaded first (a PNG of some size), then the post.
    expect(post.imageBytes).toBeGreaterThan(10_000);
    expect(await deliveryOf(postId)).toMatchObject({
      status: 'published',
      attempts: 1,
      remoteId: post.id,
      lastError: null,
    });

    // Sweeping again, or a duplicate job, publishes nothing more.
    expect((await sweep()).queued).toBe(0);
    expect(await worker.app.get(SocialPublisher).publish((await deliveryOf(postId)).id)).toBe('skipped');
    expect(linkedinPosts()).toHaveLength(1);
  });

  it('shows the calendar to its partner only, and cancels a post only before it is tried', async () => {
    const calendar = await api.http().get('/social-posts').set(as(northwind.token)).expect(200);
    expect(calendar.body).toMatchObject({
      total: 1,
      limit: 50,
      offset: 0,
      items: [{ id: postId, campaignName: expect.any(String), deliveries: [{ status: 'published' }] }],
    });
    expect((await api.http().get('/social-posts').set(as(hellenic.token)).expect(200)).body.total).toBe(0);
    await api.http().get(`/social-posts/${postId}`).set(as(hellenic.token)).expect(404);
    await api.http().delete(`/social-posts/${postId}`).set(as(hellenic.token)).expect(404);
    await api.http().delete(`/social-posts/${postId}`).set(as(northwind.token)).expect(409);

    const later = await schedule(northwind.token, { publishAt: '2026-11-24T09:00' }).expect(201);
    const cancelled = await api.http().delete(`/social-posts/${later.body.id}`).set(as(northwind.token)).expect(200);
    expect(cancelled.body).toMatchObject({ cancelledAt: expect.any(String), deliveries: [{ status: 'cancelled' }] });
    clock.set(new Date('2026-11-24T09:00:00Z'));
    expect((await sweep()).queued).toBe(0);
    expect(linkedinPosts()).toHaveLength(1);
  });

  it('waits as long as a 429 says, then publishes', async () => {
    const before = linkedinPosts().length;
    const { body } = await schedule(northwind.token, {}).expect(201);
    stubs.linkedin.failNext('rate_limited', { path: POSTS, retryAfterSeconds: 120 });
    await sweep();
    const waiting = await deliveryOf(body.id);
    expect(waiting).toMatchObject({
      status: 'waiting',
      nextAttemptAt: new Date(clock.now().getTime() + 120_000).toISOString(),
    });
    expect(linkedinPosts()).toHaveLength(before);

    clock.advance(119_000);
    expect((await sweep()).queued).toBe(0);
    clock.advance(1_000);
    expect((await sweep()).queued).toBe(1);
    // The rate-limited call was not an attempt.
    expect(await deliveryOf(body.id)).toMatchObject({ status: 'published', attempts: 1 });
    expect(linkedinPosts()).toHaveLength(before + 1);
  });

  it('spends no attempt on a 429: twenty in a row, then the post is published once', async () => {
    const before = linkedinPosts().length;
    const failedBefore = await failedDeliveries();
    const limited = () => stubs.linkedin.callsTo(POSTS, 'POST').filter((c) => c.status === 429).length;
    const limitedBefore = limited();
    const { body } = await schedule(northwind.token, {}).expect(201);
    stubs.linkedin.failNext('rate_limited', { path: POSTS, times: 20, retryAfterSeconds: 1 });
    for (let i = 0; i < 20; i++) {
      await sweep();
      expect(await deliveryOf(body.id)).toMatchObject({
        status: 'waiting',
        attempts: 0,
        nextAttemptAt: new Date(clock.now().getTime() + 1000).toISOString(),
      });
      clock.advance(1000);
    }
    await sweep();
    expect(await deliveryOf(body.id)).toMatchObject({ status: 'published', attempts: 1, lastError: null });
    expect(linkedinPosts()).toHaveLength(before + 1);
    expect(limited() - limitedBefore).toBe(20);
    expect(await failedDeliveries()).toBe(failedBefore);
  });

  it('cancels a post waiting out a rate limit: nothing of it was published', async () => {
    const before = linkedinPosts().length;
    const { body } = await schedule(northwind.token, {}).expect(201);
    stubs.linkedin.failNext('rate_limited', { path: POSTS, retryAfterSeconds: 60 });
    await sweep();
    expect(await deliveryOf(body.id)).toMatchObject({ status: 'waiting', attempts: 0 });
    const cancelled = await api.http().delete(`/social-posts/${body.id}`).set(as(northwind.token)).expect(200);
    expect(cancelled.body.deliveries).toEqual([expect.objectContaining({ status: 'cancelled' })]);
    clock.advance(MINUTE);
    await sweep();
    expect(await deliveryOf(body.id)).toMatchObject({ status: 'cancelled' });
    expect(linkedinPosts()).toHaveLength(before);
  });

  /** Two posts of Northwind's with the same text, as a campaign whose social copy has no link makes them. */
  async function identicalPost(text: string): Promise<string> {
    const { body } = await schedule(northwind.token, {}).expect(201);
    await db.query("UPDATE social_posts SET copy = jsonb_build_object('linkedin', $1::text) WHERE id = $2", [
      text,
      body.id,
    ]);
    return body.id;
  }

  it('settles a lost answer by the post’s own reference: two identical posts are never confused', async () => {
    const before = linkedinPosts().length;
    const text = 'Patch Tuesday is here: ask us how we keep your laptops up to date.';
    const first = await identicalPost(text);
    // The first is created, and its answer is lost (the connection closes unanswered).
    stubs.linkedin.failNext('drop', { path: POSTS, when: 'after' });
    await sweep();
    expect(await deliveryOf(first)).toMatchObject({ status: 'uncertain', attempts: 1 });
    expect(linkedinPosts()).toHaveLength(before + 1);
    const firstRemote = linkedinPosts().at(-1)!;

    const second = await identicalPost(text);
    await sweep();
    expect(linkedinPosts()).toHaveLength(before + 2);
    const secondRemote = linkedinPosts().at(-1)!;
    expect(await deliveryOf(second)).toMatchObject({ status: 'published', attempts: 1, remoteId: secondRemote.id });

    clock.advance(UNCERTAIN_CHECK_AFTER_MS);
    expect((await sweep()).settled).toBe(1);
    expect(await deliveryOf(first)).toMatchObject({ status: 'published', attempts: 1, remoteId: firstRemote.id });
    expect(await deliveryOf(second)).toMatchObject({ status: 'published', remoteId: secondRemote.id });
    expect(
      linkedinPosts()
        .slice(before)
        .map((p) => p.id),
    ).toEqual([firstRemote.id, secondRemote.id]);
  });

  it('settles a lost answer that published nothing as not published, though an identical post exists', async () => {
    const before = linkedinPosts().length;
    const text = 'Backups you never have to think about: ask us how.';
    const first = await identicalPost(text);
    // The first never reaches the network, and its connection closes unanswered.
    stubs.linkedin.failNext('drop', { path: POSTS });
    await sweep();
    expect(await deliveryOf(first)).toMatchObject({ status: 'uncertain', attempts: 1 });
    expect(linkedinPosts()).toHaveLength(before);

    const second = await identicalPost(text);
    await sweep();
    expect(linkedinPosts()).toHaveLength(before + 1);
    const secondRemote = linkedinPosts().at(-1)!;
    expect(await deliveryOf(second)).toMatchObject({ status: 'published', remoteId: secondRemote.id });

    clock.advance(UNCERTAIN_CHECK_AFTER_MS);
    await sweep();
    // Not found: tried again after the first retry delay, and published as a post of its own.
    expect(await deliveryOf(first)).toMatchObject({ status: 'scheduled', attempts: 1 });
    clock.advance(MINUTE);
    await sweep();
    expect(linkedinPosts()).toHaveLength(before + 2);
    const firstRemote = linkedinPosts().at(-1)!;
    expect(firstRemote.id).not.toBe(secondRemote.id);
    expect(await deliveryOf(first)).toMatchObject({ status: 'published', attempts: 2, remoteId: firstRemote.id });
  });

  it('settles a try that died before its creating call as not published, never as an identical post awaiting its own check', async () => {
    const before = linkedinPosts().length;
    const text = 'Phishing drills for your whole team: ask us how.';
    // The first is created on LinkedIn and its answer is lost: uncertain, its check a minute away.
    const first = await identicalPost(text);
    stubs.linkedin.failNext('drop', { path: POSTS, when: 'after' });
    await sweep();
    expect(await deliveryOf(first)).toMatchObject({ status: 'uncertain', attempts: 1 });
    expect(linkedinPosts()).toHaveLength(before + 1);
    const firstRemote = linkedinPosts().at(-1)!;

    // The second, word for word the same, was claimed by a worker that died before uploading its
    // image (so before any creating call): publishing, without a reference, for longer than the
    // sweep lets a try run.
    const second = await identicalPost(text);
    await db.query(
      `UPDATE social_post_deliveries SET status = 'publishing', attempts = 1, claimed_by = 'worker-gone',
         claimed_at = $1, remote_ref = NULL, queued_at = NULL WHERE post_id = $2`,
      [new Date(clock.now().getTime() - STALE_PUBLISHING_MS - 1000), second],
    );
    expect((await sweep()).settled).toBe(1);
    // Nothing of it was created: tried again, never taken for the first's post.
    expect(await deliveryOf(second)).toMatchObject({ status: 'scheduled', attempts: 1, remoteId: null });

    clock.advance(UNCERTAIN_CHECK_AFTER_MS);
    await sweep();
    expect(linkedinPosts()).toHaveLength(before + 2);
    const secondRemote = linkedinPosts().at(-1)!;
    expect(secondRemote.id).not.toBe(firstRemote.id);
    expect(await deliveryOf(first)).toMatchObject({ status: 'published', attempts: 1, remoteId: firstRemote.id });
    expect(await deliveryOf(second)).toMatchObject({ status: 'published', attempts: 2, remoteId: secondRemote.id });
  });

  it('marks a post whose answer was lost uncertain, and settles it with the network instead of posting again', async () => {
    const before = linkedinPosts().length;
    const { body } = await schedule(northwind.token, {}).expect(201);
    // The post is created, and its answer is lost (the connection closes unanswered).
    stubs.linkedin.failNext('drop', { path: POSTS, when: 'after' });
    await sweep();
    expect(await deliveryOf(body.id)).toMatchObject({ status: 'uncertain', attempts: 1 });
    expect(linkedinPosts()).toHaveLength(before + 1);

    clock.advance(UNCERTAIN_CHECK_AFTER_MS - 1000);
    expect((await sweep()).settled).toBe(0);
    clock.advance(1000);
    expect((await sweep()).settled).toBe(1);
    const settled = await deliveryOf(body.id);
    expect(settled).toMatchObject({ status: 'published', attempts: 1, remoteId: linkedinPosts().at(-1)?.id });
    expect(linkedinPosts()).toHaveLength(before + 1);
    expect(stubs.linkedin.callsTo(POSTS, 'GET').length).toBeGreaterThan(0);
  });

  it('retries a 500 that published nothing, after checking that it did not', async () => {
    const before = linkedinPosts().length;
    const { body } = await schedule(northwind.token, {}).expect(201);
    stubs.linkedin.failNext('server_error', { path: POSTS });
    await sweep();
    expect(await deliveryOf(body.id)).toMatchObject({ status: 'uncertain' });
    clock.advance(UNCERTAIN_CHECK_AFTER_MS);
    await sweep();
    // Not found on the network: tried again after the first retry delay.
    expect(await deliveryOf(body.id)).toMatchObject({ status: 'scheduled', attempts: 1 });
    clock.advance(MINUTE);
    await sweep();
    expect(await deliveryOf(body.id)).toMatchObject({ status: 'published', attempts: 2 });
    expect(linkedinPosts()).toHaveLength(before + 1);
  });

  it('fails on a 401, marks the connection broken and tells the partner', async () => {
    const before = linkedinPosts().length;
    const mailsToZofia = async () =>
      (
        await db.query<Array<{ n: number }>>(
          "SELECT count(*)::int AS n FROM outbox_messages WHERE 'zofia@northwind-it.example' = ANY(recipients)",
        )
      )[0].n;
    const mailsBefore = await mailsToZofia();
    const { body } = await schedule(northwind.token, {}).expect(201);
    stubs.linkedin.failNext('unauthorized', { path: /^\/rest\/images$/ });
    await sweep();
    const failed = await deliveryOf(body.id);
    expect(failed.status).toBe('failed');
    expect(failed.lastError).toMatch(/connection is broken/);
    const connection = (
      await api.http().get('/social-connections').set(as(northwind.token)).expect(200)
    ).body.items.find((c: { id: string }) => c.id === connectionId);
    expect(connection).toMatchObject({
      status: 'broken',
      lastError: expect.stringMatching(/401|Invalid access token/),
    });
    expect(await mailsToZofia()).toBeGreaterThan(mailsBefore);
    expect(linkedinPosts()).toHaveLength(before);
    // Failures are visible in the calendar.
    const calendar = await api.http().get('/social-posts').set(as(northwind.token)).expect(200);
    expect(calendar.body.items.find((p: { id: string }) => p.id === body.id).deliveries[0]).toMatchObject({
      status: 'failed',
      lastError: expect.stringMatching(/connection is broken/),
    });
  });

  it('posts a programme launch started from its email exactly once, at the subscription’s local posting time (the done-means path)', async () => {
    // Friday 27 November 2026, 21:00 in Warsaw: launched late on a Friday, posted on Monday morning.
    clock.set(new Date('2026-11-27T20:00:00Z'));
    // The partner connects LinkedIn again after the 401 above: the same connection works again.
    expect(await connectLinkedIn(api, northwind.token)).toBe(connectionId);
    const programme = await api
      .http()
      .post('/programmes')
      .set(as(demo.tokens.marketer))
      .send({ name: 'Social nurtures', campaignIds: [demo.campaignId] })
      .expect(201);
    const subscribed = await api
      .http()
      .post(`/programmes/${programme.body.id}/subscriptions`)
      .set(as(northwind.token))
      .send({
        audience: { type: 'all' },
        reviewHours: 72,
        socialNetworks: ['linkedin'],
        // The account its posts go out as, chosen (the partner's only LinkedIn one here).
        socialAccounts: { linkedin: connectionId },
        socialPostTime: '09:30',
        socialPostWeekdaysOnly: true,
      })
      .expect(201);
    expect(subscribed.body).toMatchObject({
      socialAccounts: { linkedin: connectionId },
      socialPostTime: '09:30',
      socialPostWeekdaysOnly: true,
    });
    await api
      .http()
      .patch(`/campaigns/${demo.campaignId}`)
      .set(as(demo.tokens.marketer))
      .send({ description: 'Social edition' })
      .expect(200);
    await api.http().post(`/campaigns/${demo.campaignId}/publish`).set(as(demo.tokens.marketer)).expect(201);
    await waitForQueueIdle(worker.app, QueueName.Programmes);

    const [mail] = await db.query<Array<{ raw: Buffer }>>(
      "SELECT raw FROM outbox_messages WHERE 'zofia@northwind-it.example' = ANY(recipients) ORDER BY id DESC LIMIT 1",
    );
    const text = (await simpleParser(mail.raw)).text ?? '';
    const link = /^Launch now for [^:]+: (https?:\/\/\S+\/programme-actions\/\S+)$/m.exec(text)?.[1];
    expect(link).toBeDefined();
    // Without signing in: the confirmation page's POST.
    await api.http().post(new URL(link!).pathname).expect(200);
    const [pl] = await db.query<Array<{ id: string; launch_id: string }>>(
      "SELECT id, launch_id FROM pending_launches WHERE partner_id = $1 AND state = 'started'",
      [northwind.partnerId],
    );
    const [post] = await db.query<Array<{ id: string; source: string; due_at: Date }>>(
      'SELECT id, source, due_at FROM social_posts WHERE pending_launch_id = $1',
      [pl.id],
    );
    // Monday 30 November, 09:30 in Warsaw (UTC+1): the weekend is skipped.
    const postingTime = new Date('2026-11-30T08:30:00Z');
    expect(post).toMatchObject({ source: 'programme', due_at: postingTime });
    const calendar = await api.http().get('/social-posts').set(as(northwind.token)).expect(200);
    expect(calendar.body.items.find((p: { id: string }) => p.id === post.id)).toMatchObject({
      dueAt: postingTime.toISOString(),
      timeZone: 'Europe/Warsaw',
      deliveries: [{ network: 'linkedin', connectionId }],
    });

    // Whatever earlier tests left due goes out now; this post does not, nor a minute before its time.
    await sweep();
    const before = linkedinPosts().length;
    expect((await deliveryOf(post.id)).status).toBe('scheduled');
    clock.set(new Date(postingTime.getTime() - MINUTE));
    await sweep();
    expect(linkedinPosts()).toHaveLength(before);
    expect((await deliveryOf(post.id)).status).toBe('scheduled');

    clock.set(postingTime);
    await sweep();
    await sweep();
    expect(linkedinPosts()).toHaveLength(before + 1);
    expect(linkedinPosts().at(-1)?.createdAt).toBe(postingTime.getTime());
    expect((await deliveryOf(post.id)).status).toBe('published');
  });

  it("posts in the partner's language: the social asset's German copy and image for a partner reading de-AT", async () => {
    const marketer = as(demo.tokens.marketer);
    const v1 = await api.http().get(`/campaigns/${demo.campaignId}/versions/1`).set(marketer).expect(200);
    const social = v1.body.content.assets.find((a: { kind: string }) => a.kind === 'social');
    const file = await api
      .http()
      .get(`/campaigns/${demo.campaignId}/draft/assets/${social.id}/file`)
      .set(marketer)
      .expect(200);
    const background = await sharp({
      create: { width: social.image.width, height: social.image.height, channels: 3, background: '#0b6e4f' },
    })
      .png()
      .toBuffer();
    const german = await api
      .http()
      .post('/files')
      .set(marketer)
      .attach('file', background, { filename: 'linkedin.de.png', contentType: 'image/png' })
      .expect(201);
    await api
      .http()
      .put(`/campaigns/${demo.campaignId}/assets/social/${social.id}`)
      .set(marketer)
      .send({
        name: social.name,
        fileId: file.body.id,
        slots: social.slots,
        copy: social.copy,
        variants: [
          {
            language: 'de',
            fileId: german.body.id,
            copy: {
              linkedin: 'Ransomware wartet nicht. {{partner.company_name}} richtet Ihren Test ein: {{partner.website}}',
            },
          },
        ],
      })
      .expect(200);
    await api
      .http()
      .post(`/campaigns/${demo.campaignId}/publish`)
      .set(marketer)
      .send({ languages: { de: 'fallback' } })
      .expect(201);
    await api
      .http()
      .patch(`/partners/${northwind.partnerId}`)
      .set(as(demo.tokens.admin))
      .send({ language: 'de-AT' })
      .expect(200);

    const before = linkedinPosts().length;
    const created = await schedule(northwind.token, {}).expect(201);
    expect(created.body.copy.linkedin).toMatch(
      new RegExp(
        `^Ransomware wartet nicht\\. Northwind IT Services richtet Ihren Test ein: ${api.config.publicBaseUrl}/s/[0-9A-Za-z]{10}$`,
      ),
    );
    await sweep();
    const posted = linkedinPosts().slice(before);
    expect(posted.map((p) => p.text)).toEqual([
      created.body.copy.linkedin.replace(/[\\|{}@[\]()<>#*_~]/g, (c: string) => `\\${c}`),
    ]);
    // Its image is the German background co-branded, not the default's (the first post's, same renderer and size).
    expect(posted[0].imageBytes).toBeGreaterThan(1_000);
    expect(posted[0].imageBytes).not.toBe(linkedinPosts()[0].imageBytes);
  });
});
