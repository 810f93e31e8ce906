import { ManualClock } from '@tcma/clock';
import { QueueName } from '@tcma/queue';
import { SocialClicks } from '@tcma/tracking';
import { SocialSweepService } from '@tcma/social-posts';
import { DemoSeeder, SeededDemo } from '../../apps/cli/src/demo/demo-seeder';
import { ApiHarness, startApi } from '../support/api-harness';
import { TestDb, testDb } from '../support/db';
import { eventually } from '../support/processes';
import { connectLinkedIn } from '../support/posting-accounts';
import { waitForQueueIdle } from '../support/queues';
import { SocialStubs, startSocialStubs } from '../support/social-stubs';
import { startWorker, WorkerHarness } from '../support/worker-harness';

const START = new Date('2026-11-23T09:00:00Z');
const BROWSER =
  'Mozilla/5.0 (Macintosh; Intel Mac OS X 14_5) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.5 Safari/605.1.15';
/** What LinkedIn sends when it fetches a posted link to build its preview card. */
const LINKEDIN_PREVIEW = 'LinkedInBot/1.0 (compatible; Mozilla/5.0; Apache-HttpClient +http://www.linkedin.com)';

describe('social posts: links click-tracked through the engine', () => {
  const clock = new ManualClock(START);
  let stubs: SocialStubs;
  let api: ApiHarness;
  let worker: WorkerHarness;
  let db: TestDb;
  let demo: SeededDemo;
  let northwind: SeededDemo['partners'][number];
  let hellenic: SeededDemo['partners'][number];
  const as = (token: string) => ({ Authorization: `Bearer ${token}` });
  const clicksOf = (postId: string) =>
    db.query<
      Array<{
        network: string;
        machine: string | null;
        user_agent: string | null;
        method: string;
        vendor_id: string;
        partner_id: string;
        campaign_id: string;
      }>
    >(
      'SELECT network, machine, user_agent, method, vendor_id, partner_id, campaign_id FROM social_post_clicks WHERE post_id = $1 ORDER BY id',
      [postId],
    );

  beforeAll(async () => {
    stubs = await startSocialStubs();
    for (const stub of [stubs.linkedin, stubs.x, stubs.facebook]) stub.now = () => clock.now().getTime();
    const env = stubs.env();
    api = await startApi({ clock, env });
    worker = await startWorker({ roles: 'send,enroll', clock, env });
    db = testDb();
    demo = await new DemoSeeder(api.app).seed();
    [northwind, hellenic] = demo.partners;
    await connectLinkedIn(api, northwind.token);
  }, 180_000);

  afterAll(async () => {
    await worker?.close();
    await api?.close();
    await stubs?.stop();
  });

  let postId: string;
  let link: URL;

  it('publishes the post with a short tracked link in place of the partner’s link', async () => {
    const created = await api
      .http()
      .post('/social-posts')
      .set(as(northwind.token))
      .send({ campaignId: demo.campaignId, networks: ['linkedin'] })
      .expect(201);
    postId = created.body.id;
    await worker.app.get(SocialSweepService).sweep();
    await waitForQueueIdle(worker.app, QueueName.Social);

    const [published] = stubs.linkedin.posts.filter((p) => p.author === 'urn:li:person:abc123');
    // The link as the network received it, in the text it published.
    const found = new RegExp(
      `${api.config.publicBaseUrl.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}/s/[0-9A-Za-z]{10}`,
    ).exec(published.text);
    expect(found).not.toBeNull();
    link = new URL(found![0]);
    expect(published.text).not.toContain('utm_');
    // A short link: the base address, `/s/` and ten characters.
    expect(link.href).toHaveLength(api.config.publicBaseUrl.length + 13);
    expect((await api.http().get(`/social-posts/${postId}`).set(as(northwind.token)).expect(200)).body).toMatchObject({
      clicks: 0,
      deliveries: [{ status: 'published', clicks: 0 }],
    });
  });

  it('redirects a person to the partner’s link with its UTM tags, and counts the click once for the post', async () => {
    const res = await api.http().get(link.pathname).set('User-Agent', BROWSER).expect(302);
    expect(res.headers['cache-control']).toBe('no-store');
    const [{ slug }] = await db.query<Array<{ slug: string }>>('SELECT slug FROM campaigns WHERE id = $1', [
      demo.campaignId,
    ]);
    // Northwind's website in the demo's brand kit (templates/acme-cloud-backup), tagged.
    expect(res.headers.location).toBe(
      `https://northwind-it.example/?utm_source=linkedin&utm_medium=social&utm_campaign=${slug}&utm_content=${postId.slice(0, 8)}`,
    );

    expect(await clicksOf(postId)).toEqual([
      {
        network: 'linkedin',
        machine: null,
        user_agent: BROWSER,
        method: 'GET',
        vendor_id: demo.vendorId,
        partner_id: northwind.partnerId,
        campaign_id: demo.campaignId,
      },
    ]);
    const listed = await api.http().get('/social-posts').set(as(northwind.token)).expect(200);
    expect(listed.body).toMatchObject({
      clicks: 1,
      items: [{ id: postId, clicks: 1, deliveries: [{ network: 'linkedin', clicks: 1 }] }],
    });
  });

  it('redirects LinkedIn’s preview fetcher and a HEAD too, but counts neither', async () => {
    const preview = await api.http().get(link.pathname).set('User-Agent', LINKEDIN_PREVIEW).expect(302);
    expect(preview.headers.location).toContain('utm_source=linkedin');
    await api.http().head(link.pathname).set('User-Agent', BROWSER).expect(302);

    expect((await clicksOf(postId)).map((c) => [c.machine, c.method])).toEqual([
      [null, 'GET'],
      ['scanner_user_agent', 'GET'],
      ['head_request', 'HEAD'],
    ]);
    const post = (await api.http().get(`/social-posts/${postId}`).set(as(northwind.token)).expect(200)).body;
    expect(post).toMatchObject({ clicks: 1, deliveries: [{ clicks: 1 }] });
  });

  it('answers 404 to a made-up or malformed link and redirects nowhere', async () => {
    const before = (await clicksOf(postId)).length;
    const forged = link.pathname.replace(/.$/, (c) => (c === 'A' ? 'B' : 'A'));
    for (const path of [forged, '/s/short', `${link.pathname}x`, '/s/..%2F..%2Fetc']) {
      const res = await api.http().get(path).set('User-Agent', BROWSER).expect(404);
      expect(res.headers.location).toBeUndefined();
    }
    expect(await clicksOf(postId)).toHaveLength(before);
  });

  it('totals a partner’s and a campaign’s clicks in the listing, and shows another partner none of them', async () => {
    const byCampaign = await api
      .http()
      .get('/social-posts')
      .query({ partnerId: northwind.partnerId, campaignId: demo.campaignId })
      .set(as(demo.tokens.marketer))
      .expect(200);
    expect(byCampaign.body).toMatchObject({ total: 1, clicks: 1 });
    const otherCampaign = await api
      .http()
      .get('/social-posts')
      .query({ campaignId: '00000000-0000-4000-8000-000000000000' })
      .set(as(demo.tokens.marketer))
      .expect(200);
    expect(otherCampaign.body).toMatchObject({ total: 0, clicks: 0 });
    expect((await api.http().get('/social-posts').set(as(hellenic.token)).expect(200)).body).toMatchObject({
      total: 0,
      clicks: 0,
    });
    await api.http().get('/social-posts').query({ campaignId: 'not-a-uuid' }).set(as(northwind.token)).expect(400);
  });

  describe('with a second API process sharing the database and Redis', () => {
    /** Behind a proxy it trusts, so each test client is told apart by X-Forwarded-For; 3 unknown codes a minute. */
    const env2 = { TRUST_PROXY: 'loopback', RATE_LIMIT_UNKNOWN_SOCIAL_LINKS_PER_MINUTE: '3' };
    let api2: ApiHarness;
    let scheduled: { id: string; link: URL };

    beforeAll(async () => {
      api2 = await startApi({ clock, env: { ...stubs.env(), ...env2 } });
      // A post due tomorrow: its links are in the calendar's copy, and it can still be cancelled.
      const created = await api
        .http()
        .post('/social-posts')
        .set(as(northwind.token))
        .send({ campaignId: demo.campaignId, networks: ['linkedin'], publishAt: '2026-11-24T10:00' })
        .expect(201);
      const found = /\/s\/[0-9A-Za-z]{10}/.exec(created.body.copy.linkedin as string);
      scheduled = { id: created.body.id, link: new URL(found![0], api.config.publicBaseUrl) };
    }, 60_000);

    afterAll(() => api2?.close());

    it('stops redirecting a cancelled post’s link in every process at once', async () => {
      // A client of its own: the unknown-link counters are shared by both processes (Redis).
      const visitor = { 'User-Agent': BROWSER, 'X-Forwarded-For': '192.0.2.1' };
      for (const harness of [api, api2]) await harness.http().get(scheduled.link.pathname).set(visitor).expect(302);
      // A process keeps links only once it listens for their eviction: its first click starts listening.
      const code = scheduled.link.pathname.slice(3);
      const clicks = api2.app.get(SocialClicks);
      const remembered = api2.app.get<SocialClicks, { targets: Map<string, unknown> }>(SocialClicks).targets;
      expect(await clicks.listening()).toBe(true);
      await api2.http().get(scheduled.link.pathname).set(visitor).expect(302);
      expect(remembered.has(code)).toBe(true); // the other process had the link in memory
      await api.http().delete(`/social-posts/${scheduled.id}`).set(as(northwind.token)).expect(200);

      await api.http().get(scheduled.link.pathname).set('User-Agent', BROWSER).expect(404);
      // The other process heard of it over Redis: its memory no longer holds the link.
      await eventually(() => Promise.resolve(!remembered.has(code)), 'the eviction in the other process', 1000);
      await api2.http().get(scheduled.link.pathname).set(visitor).expect(404);
    });

    it('answers 429 to a client guessing codes, and never refuses a real link', async () => {
      const guesser = { 'User-Agent': BROWSER, 'X-Forwarded-For': '203.0.113.7' };
      const person = { 'User-Agent': BROWSER, 'X-Forwarded-For': '198.51.100.9' };
      const guess = (i: number) => `/s/Guess${String(i).padStart(5, '0')}`;
      for (let i = 0; i < 3; i++) await api2.http().get(guess(i)).set(guesser).expect(404);
      const refused = await api2.http().get(guess(3)).set(guesser).expect(429);
      expect(Number(refused.headers['retry-after'])).toBeGreaterThan(0);
      expect(Number(refused.headers['retry-after'])).toBeLessThanOrEqual(60);
      expect(refused.headers.location).toBeUndefined();
      // Another client's real link redirects, and so does a real link for the guesser itself.
      expect((await api2.http().get(link.pathname).set(person).expect(302)).headers.location).toContain('utm_');
      await api2.http().get(link.pathname).set(guesser).expect(302);
      // Another client has its own budget.
      await api2.http().get(guess(4)).set(person).expect(404);
    });
  });
});
