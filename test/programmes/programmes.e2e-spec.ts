import { ManualClock } from '@tcma/clock';
import { ProgrammeDigestService, ProgrammeFanoutService, ProgrammeSweepService } from '@tcma/programmes';
import { QueueName } from '@tcma/queue';
import { simpleParser } from 'mailparser';
import { loadDemo } from '../../apps/cli/src/demo/demo-manifest';
import { DemoSeeder, SeededDemo } from '../../apps/cli/src/demo/demo-seeder';
import { BrandKitsService } from '@tcma/brand-kits';
import { TenantFactory, TestPartner } from '../factories/tenant.factory';
import { ApiHarness, startApi } from '../support/api-harness';
import { TestDb, testDb } from '../support/db';
import { waitForQueueIdle } from '../support/queues';
import { startWorker, WorkerHarness } from '../support/worker-harness';

/** Monday 23 November 2026, 09:00 UTC. */
const START = new Date('2026-11-23T09:00:00Z');
const HOUR = 3_600_000;

interface Mail {
  to: string;
  subject: string;
  html: string;
  text: string;
}

describe('programmes: subscriptions, pending launches and launching from an email', () => {
  const clock = new ManualClock(START);
  let api: ApiHarness;
  let worker: WorkerHarness;
  let db: TestDb;
  let demo: SeededDemo;
  let northwind: SeededDemo['partners'][number];
  let hellenic: SeededDemo['partners'][number];
  let unready: TestPartner;
  let programmeId: string;
  const subscriptions: Record<string, string> = {};
  const as = (token: string) => ({ Authorization: `Bearer ${token}` });

  /** Publishes the next version of the demo campaign (an edit opens a draft) and waits for its offer and emails. */
  async function publishNextVersion(edition: string): Promise<{ version: number; versionId: string }> {
    await api
      .http()
      .patch(`/campaigns/${demo.campaignId}`)
      .set(as(demo.tokens.marketer))
      .send({ description: edition })
      .expect(200);
    const published = await api
      .http()
      .post(`/campaigns/${demo.campaignId}/publish`)
      .set(as(demo.tokens.marketer))
      .expect(201);
    await waitForQueueIdle(worker.app, QueueName.Programmes);
    const [row] = await db.query<Array<{ id: string }>>(
      'SELECT id FROM campaign_versions WHERE campaign_id = $1 AND version = $2',
      [demo.campaignId, published.body.version],
    );
    return { version: published.body.version, versionId: row.id };
  }

  const pendingOf = (versionId: string) =>
    db.query<
      Array<{
        id: string;
        partner_id: string;
        subscription_id: string;
        state: string;
        reason: string | null;
        due_at: Date;
        missing: Array<{ code: string }>;
        launch_id: string | null;
        notified_at: Date | null;
      }>
    >(
      'SELECT id, partner_id, subscription_id, state, reason, due_at, missing, launch_id, notified_at FROM pending_launches WHERE campaign_version_id = $1',
      [versionId],
    );

  async function mailsTo(address: string): Promise<Mail[]> {
    const rows = await db.query<Array<{ raw: Buffer }>>(
      'SELECT raw FROM outbox_messages WHERE $1 = ANY(recipients) ORDER BY id',
      [address],
    );
    return Promise.all(
      rows.map(async (r) => {
        const parsed = await simpleParser(r.raw);
        return {
          to: address,
          subject: parsed.subject ?? '',
          html: typeof parsed.html === 'string' ? parsed.html : '',
          text: parsed.text ?? '',
        };
      }),
    );
  }

  /** The Launch / Skip link of the newest programme email to this address about this campaign. */
  async function actionLink(address: string, label: 'Launch now for [^:]+' | 'Skip' | 'Überspringen'): Promise<string> {
    const mails = await mailsTo(address);
    const text = mails.at(-1)?.text ?? '';
    const match = new RegExp(`^${label}: (https?://\\S+/programme-actions/\\S+)$`, 'm').exec(text);
    if (!match) throw new Error(`No ${label} link in the last email to ${address}: ${text}`);
    return new URL(match[1]).pathname;
  }

  beforeAll(async () => {
    api = await startApi({ clock });
    worker = await startWorker({ roles: 'enroll', clock });
    db = testDb();
    demo = await new DemoSeeder(api.app).seed();
    [northwind, hellenic] = demo.partners;
    // The demo's Greek partner has no sender identity: give it one, so only the bare partner below is not ready.
    const [nikos] = await db.query<Array<{ id: string }>>(
      "SELECT id FROM users WHERE email = 'nikos@elliniki-pliroforiki.example'",
    );
    const { logo: _logo, ...kit } = loadDemo().manifest.partners[1].brandKit;
    await api.app
      .get(BrandKitsService)
      .update(
        { userId: nikos.id, vendorId: demo.vendorId, partnerId: hellenic.partnerId, role: 'partner_user' },
        hellenic.partnerId,
        { ...kit, sender: { fromName: 'Νίκος', fromEmail: 'news@elliniki-pliroforiki.example' } },
      );
    unready = await new TenantFactory(api).partner(
      { vendorId: demo.vendorId, adminToken: demo.tokens.admin, marketerToken: demo.tokens.marketer },
      { companyName: 'Bare Partner' },
    );
    // Its user reads German: the engine's emails to it come in German.
    await api.http().patch('/me').set(as(unready.token)).send({ locale: 'de' }).expect(200);
  }, 180_000);

  afterAll(async () => {
    await worker?.close();
    await api?.close();
  });

  it('lets the vendor group campaigns into a programme, with field-level 422s', async () => {
    const bad = await api
      .http()
      .post('/programmes')
      .set(as(demo.tokens.marketer))
      .send({ name: 'Security nurtures', campaignIds: ['00000000-0000-4000-8000-000000000000'] })
      .expect(422);
    expect(bad.body.errors).toEqual([{ path: 'campaignIds.0', message: 'is not a campaign of this vendor' }]);
    const created = await api
      .http()
      .post('/programmes')
      .set(as(demo.tokens.marketer))
      .send({ name: 'Security nurtures', campaignIds: [demo.campaignId] })
      .expect(201);
    programmeId = created.body.id;
    expect(created.body).toMatchObject({ name: 'Security nurtures', tag: null, campaignIds: [demo.campaignId] });
    const taken = await api
      .http()
      .post('/programmes')
      .set(as(demo.tokens.marketer))
      .send({ name: 'Security nurtures' })
      .expect(422);
    expect(taken.body.errors).toEqual([{ path: 'name', message: 'is already the name of another programme' }]);
    // Partners read programmes (to subscribe) but do not make them.
    await api.http().post('/programmes').set(as(northwind.token)).send({ name: 'Mine' }).expect(403);
    const listed = await api.http().get('/programmes').set(as(northwind.token)).expect(200);
    expect(listed.body).toMatchObject({ total: 1, limit: 50, offset: 0, items: [{ id: programmeId }] });
  });

  it('subscribes partners once each, with their defaults', async () => {
    // A malformed body is a 400 with field paths (the API's rule for shapes); broken business rules are 422s.
    const invalid = await api
      .http()
      .post(`/programmes/${programmeId}/subscriptions`)
      .set(as(northwind.token))
      .send({
        audience: { type: 'all' },
        reviewHours: -1,
        weeklyCap: 0,
        socialPostTime: '25:00',
        socialPostWeekdaysOnly: 'yes',
      })
      .expect(400);
    expect(invalid.body.errors.map((e: { path: string }) => e.path).sort()).toEqual([
      'reviewHours',
      'socialPostTime',
      'socialPostWeekdaysOnly',
      'weeklyCap',
    ]);
    expect(invalid.body.errors).toContainEqual({
      path: 'socialPostTime',
      message: 'socialPostTime must be a time of day as HH:MM (00:00 to 23:59)',
    });

    const a = await api
      .http()
      .post(`/programmes/${programmeId}/subscriptions`)
      .set(as(northwind.token))
      .send({ audience: { type: 'all' }, reviewHours: 72, socialNetworks: ['linkedin'] })
      .expect(201);
    // Social posts go out at 10:00 local on a weekday unless the partner says otherwise.
    expect(a.body).toMatchObject({
      partnerId: northwind.partnerId,
      reviewHours: 72,
      weeklyCap: null,
      socialNetworks: ['linkedin'],
      socialPostTime: '10:00',
      socialPostWeekdaysOnly: true,
      status: 'active',
    });
    subscriptions.northwind = a.body.id;
    await api
      .http()
      .post(`/programmes/${programmeId}/subscriptions`)
      .set(as(northwind.token))
      .send({ audience: { type: 'all' } })
      .expect(409);
    subscriptions.hellenic = (
      await api
        .http()
        .post(`/programmes/${programmeId}/subscriptions`)
        .set(as(hellenic.token))
        .send({ audience: { type: 'all' }, reviewHours: 24, weeklyCap: 1 })
        .expect(201)
    ).body.id;
    subscriptions.unready = (
      await api
        .http()
        .post(`/programmes/${programmeId}/subscriptions`)
        .set(as(unready.token))
        .send({ audience: { type: 'all' }, reviewHours: 0 })
        .expect(201)
    ).body.id;
  });

  let v2: { version: number; versionId: string };

  it('offers a new version to every subscriber: a pending launch each, the unready one waiting with what is missing', async () => {
    v2 = await publishNextVersion('Second edition');
    const rows = await pendingOf(v2.versionId);
    const by = new Map(rows.map((r) => [r.partner_id, r]));
    expect(rows).toHaveLength(3);
    expect(by.get(northwind.partnerId)).toMatchObject({
      state: 'pending',
      due_at: new Date(START.getTime() + 72 * HOUR),
    });
    expect(by.get(hellenic.partnerId)).toMatchObject({
      state: 'pending',
      due_at: new Date(START.getTime() + 24 * HOUR),
    });
    expect(by.get(unready.partnerId)?.state).toBe('waiting_readiness');
    expect(by.get(unready.partnerId)?.missing.map((m) => m.code)).toEqual(
      expect.arrayContaining(['brand_kit.logo_missing', 'brand_kit.address_missing', 'brand_kit.sender_missing']),
    );
    for (const r of rows) expect(r.notified_at).not.toBeNull();

    const listed = await api.http().get('/pending-launches').set(as(northwind.token)).expect(200);
    expect(listed.body).toMatchObject({
      total: 1,
      items: [
        { campaignId: demo.campaignId, version: v2.version, state: 'pending', programmeName: 'Security nurtures' },
      ],
    });
    // The vendor's count per programme (its console shows it): every partner's, only this programme's.
    const ofProgramme = await api
      .http()
      .get(`/pending-launches?programmeId=${programmeId}&state=pending`)
      .set(as(demo.tokens.marketer))
      .expect(200);
    expect(ofProgramme.body.total).toBe(2);
    expect(ofProgramme.body.items.map((p: { programmeId: string }) => p.programmeId)).toEqual([
      programmeId,
      programmeId,
    ]);
    const ofNone = await api
      .http()
      .get('/pending-launches?programmeId=00000000-0000-4000-8000-000000000000')
      .set(as(demo.tokens.marketer))
      .expect(200);
    expect(ofNone.body).toMatchObject({ total: 0, items: [] });
  });

  it("mails the partner's users with its own co-branded preview and the three buttons", async () => {
    const [kit] = await db.query<Array<{ png: string; color: string }>>(
      "SELECT logo->>'pngKey' AS png, primary_color AS color FROM brand_kits WHERE partner_id = $1",
      [northwind.partnerId],
    );
    const mails = await mailsTo('zofia@northwind-it.example');
    expect(mails).toHaveLength(1);
    const [mail] = mails;
    expect(mail.subject).toMatch(/ is ready to launch for Northwind IT Services$/);
    expect(mail.html).toContain(kit.png);
    expect(mail.html.toLowerCase()).toContain(kit.color.toLowerCase());
    // The campaign's first email, rendered with Northwind's brand kit (its address is in the footer).
    expect(mail.html).toContain('ul. Piotrkowska 104');
    expect(mail.html).toContain('Launch now for all your prospects');
    expect(mail.html).toContain('>Skip<');
    expect(mail.html).toContain('Edit in portal');
    // When it starts by itself, in the partner's own time zone, named.
    expect(mail.text).toMatch(
      /It starts by itself on \d{1,2} \w+ \d{4} at \d{2}:\d{2} \(Europe\/Warsaw\) for all your prospects/,
    );
    // The partner not ready is told what is missing instead, in its user's language.
    const bare = await mailsTo(
      (await db.query<Array<{ email: string }>>('SELECT email FROM users WHERE id = $1', [unready.userId]))[0].email,
    );
    expect(bare).toHaveLength(1);
    expect(bare[0].subject).toMatch(/ wartet auf Ihr Brand-Kit$/);
    expect(bare[0].html).toContain('<html lang="de">');
    expect(bare[0].text).toContain('Sie wartet, bis Sie Folgendes beheben: ');
    expect(bare[0].text).toContain('Upload a logo to the brand kit');
    expect(bare[0].html).toContain('>Überspringen<');
  });

  it('offers a version once however often the publish is handled, even by racing workers', async () => {
    const inWorker = worker.app.get(ProgrammeFanoutService);
    const inApi = api.app.get(ProgrammeFanoutService);
    const again = await Promise.all([
      inWorker.fanOut(v2.versionId),
      inApi.fanOut(v2.versionId),
      inWorker.fanOut(v2.versionId),
    ]);
    expect(again.map((r) => r.offered)).toEqual([0, 0, 0]);
    expect(await pendingOf(v2.versionId)).toHaveLength(3);
    await waitForQueueIdle(worker.app, QueueName.Programmes);
    expect(await mailsTo('zofia@northwind-it.example')).toHaveLength(1);
  });

  it('changes nothing when an action link is only fetched (as a link scanner does)', async () => {
    const before = await pendingOf(v2.versionId);
    for (const path of [
      await actionLink('zofia@northwind-it.example', 'Launch now for [^:]+'),
      await actionLink('zofia@northwind-it.example', 'Skip'),
    ]) {
      const page = await api.http().get(path).expect(200);
      expect(page.headers['cache-control']).toBe('no-store');
      expect(page.text).toContain('<form method="post">');
    }
    expect(await pendingOf(v2.versionId)).toEqual(before);
    const [{ n }] = await db.query<Array<{ n: number }>>('SELECT count(*)::int AS n FROM pending_launch_actions');
    expect(n).toBe(0);
    // A link the engine cannot read names no user: its page is in the browser's language.
    const unreadable = await api
      .http()
      .get(`${await actionLink('zofia@northwind-it.example', 'Skip')}x`)
      .set('Accept-Language', 'fr-CH, fr;q=0.9, en;q=0.8')
      .expect(404);
    expect(unreadable.text).toContain('<html lang="fr">');
    expect(unreadable.text).toContain('Ce lien n’est pas valide');

    // The page is in the language of the user the email was mailed to, whatever the browser's.
    const german = (
      await db.query<Array<{ email: string }>>('SELECT email FROM users WHERE id = $1', [unready.userId])
    )[0].email;
    const page = await api
      .http()
      .get(await actionLink(german, 'Überspringen'))
      .set('Accept-Language', 'en-GB')
      .expect(200);
    expect(page.text).toContain('<html lang="de">');
    expect(page.text).toContain('Diese Kampagne überspringen?');
    expect(page.text).toContain('wird für Sie nicht gestartet.');
  });

  it('skips through the confirmation page, recording who and when', async () => {
    const path = await actionLink('nikos@elliniki-pliroforiki.example', 'Skip');
    const page = await api.http().get(path).expect(200);
    expect(page.text).toContain('Skip this campaign?');
    const done = await api.http().post(path).expect(200);
    expect(done.text).toContain('will not be launched');
    const row = (await pendingOf(v2.versionId)).find((r) => r.partner_id === hellenic.partnerId);
    expect(row).toMatchObject({ state: 'skipped', reason: 'partner', launch_id: null });
    const [user] = await db.query<Array<{ id: string }>>(
      "SELECT id FROM users WHERE email = 'nikos@elliniki-pliroforiki.example'",
    );
    const actions = await db.query<Array<{ action: string; via: string; user_id: string; at: Date }>>(
      'SELECT action, via, user_id, at FROM pending_launch_actions WHERE pending_launch_id = $1',
      [row!.id],
    );
    expect(actions).toEqual([{ action: 'skip', via: 'email', user_id: user.id, at: START }]);
    // Once skipped, the launch button does nothing.
    await api
      .http()
      .post(await actionLink('nikos@elliniki-pliroforiki.example', 'Launch now for [^:]+'))
      .expect(409);
  });

  it('launches from the email without signing in', async () => {
    const path = await actionLink('zofia@northwind-it.example', 'Launch now for [^:]+');
    const done = await api.http().post(path).expect(200);
    expect(done.text).toContain('has started for all your prospects');
    const row = (await pendingOf(v2.versionId)).find((r) => r.partner_id === northwind.partnerId)!;
    expect(row.state).toBe('started');
    const [launch] = await db.query<
      Array<{ partner_id: string; version: number; created_by: string; campaign_version_id: string }>
    >('SELECT partner_id, version, created_by, campaign_version_id FROM launches WHERE id = $1', [row.launch_id]);
    const [zofia] = await db.query<Array<{ id: string }>>(
      "SELECT id FROM users WHERE email = 'zofia@northwind-it.example'",
    );
    expect(launch).toEqual({
      partner_id: northwind.partnerId,
      version: v2.version,
      created_by: zofia.id,
      campaign_version_id: v2.versionId,
    });
    // A second press (or the Skip button afterwards) finds it started.
    await api.http().post(path).expect(409);
    await api
      .http()
      .post(await actionLink('zofia@northwind-it.example', 'Skip'))
      .expect(409);
    const pending = await api.http().get(`/pending-launches/${row.id}`).set(as(northwind.token)).expect(200);
    expect(pending.body.actions).toEqual([
      { action: 'launch', via: 'email', userId: zofia.id, at: START.toISOString() },
    ]);
  });

  let v3: { version: number; versionId: string };

  it('starts a pending launch by itself when its review period ends; the unready partner still waits', async () => {
    v3 = await publishNextVersion('Third edition');
    const sweep = worker.app.get(ProgrammeSweepService);
    clock.set(new Date(START.getTime() + 71 * HOUR));
    await sweep.sweep();
    let rows = await pendingOf(v3.versionId);
    expect(rows.find((r) => r.partner_id === northwind.partnerId)?.state).toBe('pending');
    expect(rows.find((r) => r.partner_id === hellenic.partnerId)?.state).toBe('started');

    clock.set(new Date(START.getTime() + 72 * HOUR));
    const swept = await sweep.sweep();
    expect(swept.started).toBe(1);
    rows = await pendingOf(v3.versionId);
    const started = rows.find((r) => r.partner_id === northwind.partnerId)!;
    expect(started.state).toBe('started');
    const [launch] = await db.query<Array<{ version: number }>>('SELECT version FROM launches WHERE id = $1', [
      started.launch_id,
    ]);
    expect(launch.version).toBe(v3.version);
    const actions = await db.query<Array<{ action: string; via: string; user_id: string | null }>>(
      'SELECT action, via, user_id FROM pending_launch_actions WHERE pending_launch_id = $1',
      [started.id],
    );
    expect(actions).toEqual([{ action: 'auto_start', via: 'system', user_id: null }]);
    expect(rows.find((r) => r.partner_id === unready.partnerId)?.state).toBe('waiting_readiness');
    // Swept again: nothing more starts.
    expect((await sweep.sweep()).started).toBe(0);
  });

  it('respects the weekly cap', async () => {
    const v4 = await publishNextVersion('Fourth edition');
    const rows = await pendingOf(v4.versionId);
    // Hellenic (cap 1) had v3 start within the last 7 days.
    expect(rows.find((r) => r.partner_id === hellenic.partnerId)).toMatchObject({
      state: 'skipped',
      reason: 'weekly_cap',
    });
    expect(rows.find((r) => r.partner_id === northwind.partnerId)?.state).toBe('pending');
    // The capped one is not mailed about.
    expect((await mailsTo('nikos@elliniki-pliroforiki.example')).length).toBe(2);
  });

  it('cancels pending launches when the partner unsubscribes', async () => {
    const res = await api
      .http()
      .delete(`/programme-subscriptions/${subscriptions.northwind}`)
      .set(as(northwind.token))
      .expect(200);
    expect(res.body).toEqual({ cancelled: 1 });
    const open = await db.query<Array<{ state: string; reason: string }>>(
      "SELECT state, reason FROM pending_launches WHERE subscription_id = $1 AND state NOT IN ('started')",
      [subscriptions.northwind],
    );
    expect(open).toEqual([{ state: 'cancelled', reason: 'unsubscribed' }]);
    // A link of a cancelled one changes nothing.
    const path = await actionLink('zofia@northwind-it.example', 'Launch now for [^:]+');
    await api.http().post(path).expect(409);
    await api.http().delete(`/programme-subscriptions/${subscriptions.northwind}`).set(as(northwind.token)).expect(409);
  });

  let v5: { version: number; versionId: string };

  it('offers a version when its campaign becomes available', async () => {
    const from = new Date(clock.now().getTime() + 48 * HOUR);
    await api
      .http()
      .patch(`/campaigns/${demo.campaignId}/catalogue`)
      .set(as(demo.tokens.marketer))
      .send({ availableFrom: from.toISOString() })
      .expect(200);
    v5 = await publishNextVersion('Fifth edition');
    expect(await pendingOf(v5.versionId)).toEqual([]);
    clock.set(new Date(from.getTime() + 60_000));
    expect((await worker.app.get(ProgrammeSweepService).sweep()).reoffered).toBe(1);
    await waitForQueueIdle(worker.app, QueueName.Programmes);
    const rows = await pendingOf(v5.versionId);
    expect(rows.map((r) => [r.partner_id, r.state]).sort()).toEqual(
      [
        [hellenic.partnerId, 'skipped'],
        [unready.partnerId, 'waiting_readiness'],
      ].sort(),
    );
    // Offered now: the sweep finds nothing more to offer.
    expect((await worker.app.get(ProgrammeSweepService).sweep()).reoffered).toBe(0);
  });

  it('sends the weekly digest to partners that have not launched lately', async () => {
    const sent = await worker.app.get(ProgrammeDigestService).sendDigests();
    expect(sent).toEqual({ partners: 1, emails: 1 });
    // A second sweeper's cron the same day sends nothing.
    expect(await api.app.get(ProgrammeDigestService).sendDigests()).toEqual({ partners: 0, emails: 0 });
    const [bare] = await db.query<Array<{ email: string }>>('SELECT email FROM users WHERE id = $1', [unready.userId]);
    const digest = (await mailsTo(bare.email)).at(-1)!;
    // Its user reads German (set up above): the digest is in German.
    expect(digest.subject).toBe('4 neue Kampagnen sind für Sie bereit');
    expect(digest.text.match(/^Überspringen: /gm)).toHaveLength(4);
  });
  it('offers a partner who subscribes only the versions published afterwards', async () => {
    // The campaign offered whatever the clock says (a publish is stamped with the database's time).
    await api
      .http()
      .patch(`/campaigns/${demo.campaignId}/catalogue`)
      .set(as(demo.tokens.marketer))
      .send({ availableFrom: null })
      .expect(200);
    // Northwind unsubscribed above and comes back after v5 was published (and offered to the others).
    subscriptions.northwind = (
      await api
        .http()
        .post(`/programmes/${programmeId}/subscriptions`)
        .set(as(northwind.token))
        .send({ audience: { type: 'all' }, reviewHours: 72 })
        .expect(201)
    ).body.id;
    // The publish handled again (or the sweep re-offering it) offers it to no one new.
    expect((await worker.app.get(ProgrammeFanoutService).fanOut(v5.versionId)).offered).toBe(0);
    await worker.app.get(ProgrammeSweepService).sweep();
    await waitForQueueIdle(worker.app, QueueName.Programmes);
    expect((await pendingOf(v5.versionId)).filter((r) => r.partner_id === northwind.partnerId)).toEqual([]);
  });

  it('launches the current version when the partner asks, once however often it asks', async () => {
    const path = `/programme-subscriptions/${subscriptions.northwind}/launch-current`;
    // Another partner's subscription is not found.
    await api.http().post(path).set(as(hellenic.token)).expect(404);
    const first = await api.http().post(path).set(as(northwind.token)).expect(200);
    expect(first.body.items).toEqual([
      expect.objectContaining({
        campaignId: demo.campaignId,
        version: v5.version,
        subscriptionId: subscriptions.northwind,
        state: 'started',
      }),
    ]);
    const again = await api.http().post(path).set(as(northwind.token)).expect(200);
    expect(again.body.items).toEqual(first.body.items);
    const rows = (await pendingOf(v5.versionId)).filter((r) => r.partner_id === northwind.partnerId);
    expect(rows).toHaveLength(1);
    const launches = await db.query<Array<{ id: string; version: number }>>(
      'SELECT id, version FROM launches WHERE pending_launch_id = $1',
      [rows[0].id],
    );
    expect(launches).toEqual([{ id: rows[0].launch_id, version: v5.version }]);
    const actions = await db.query<Array<{ action: string; via: string }>>(
      'SELECT action, via FROM pending_launch_actions WHERE pending_launch_id = $1',
      [rows[0].id],
    );
    expect(actions).toEqual([{ action: 'launch', via: 'portal' }]);
  });

  let v6: { version: number; versionId: string };

  it('offers the versions published after subscribing as before', async () => {
    v6 = await publishNextVersion('Sixth edition');
    const row = (await pendingOf(v6.versionId)).find((r) => r.partner_id === northwind.partnerId);
    expect(row).toMatchObject({ state: 'pending', subscription_id: subscriptions.northwind });
  });

  /** The launches of a pending launch (exactly one once started, whatever was asked how often). */
  const launchesOf = (pendingLaunchId: string) =>
    db.query<Array<{ id: string }>>('SELECT id FROM launches WHERE pending_launch_id = $1', [pendingLaunchId]);

  it('launches the current version when asked even if the weekly cap skipped its offer (the partner asked: no cap)', async () => {
    const [capped] = (await pendingOf(v6.versionId)).filter((r) => r.partner_id === hellenic.partnerId);
    expect(capped).toMatchObject({ state: 'skipped', reason: 'weekly_cap', launch_id: null });
    const path = `/programme-subscriptions/${subscriptions.hellenic}/launch-current`;
    const first = await api.http().post(path).set(as(hellenic.token)).expect(200);
    expect(first.body.items).toEqual([expect.objectContaining({ id: capped.id, state: 'started' })]);
    const again = await api.http().post(path).set(as(hellenic.token)).expect(200);
    expect(again.body.items).toEqual(first.body.items);
    const [started] = (await pendingOf(v6.versionId)).filter((r) => r.partner_id === hellenic.partnerId);
    expect(await launchesOf(capped.id)).toEqual([{ id: started.launch_id }]);
  });

  it('launches the current version when asked after unsubscribing cancelled its offer and subscribing again', async () => {
    await api.http().delete(`/programme-subscriptions/${subscriptions.northwind}`).set(as(northwind.token)).expect(200);
    const [cancelled] = (await pendingOf(v6.versionId)).filter((r) => r.partner_id === northwind.partnerId);
    expect(cancelled).toMatchObject({ state: 'cancelled', reason: 'unsubscribed', launch_id: null });
    const again = await api
      .http()
      .post(`/programmes/${programmeId}/subscriptions`)
      .set(as(northwind.token))
      .send({ audience: { type: 'all' }, reviewHours: 72 })
      .expect(201);
    const path = `/programme-subscriptions/${again.body.id}/launch-current`;
    const first = await api.http().post(path).set(as(northwind.token)).expect(200);
    expect(first.body.items).toEqual([expect.objectContaining({ version: v6.version, state: 'started' })]);
    expect((await api.http().post(path).set(as(northwind.token)).expect(200)).body.items).toEqual(first.body.items);
    const rows = (await pendingOf(v6.versionId)).filter((r) => r.partner_id === northwind.partnerId);
    expect(rows).toEqual([expect.objectContaining({ id: cancelled.id, state: 'started' })]);
    expect(await launchesOf(cancelled.id)).toEqual([{ id: rows[0].launch_id }]);
  });

  it('finishes, once, a pending launch an earlier version of the engine marked started and never launched', async () => {
    const v7 = await publishNextVersion('Seventh edition');
    const [offered] = (await pendingOf(v7.versionId)).filter((r) => r.partner_id === northwind.partnerId);
    expect(offered).toMatchObject({ state: 'pending', launch_id: null });
    // What a worker running the engine before the start became one transaction left when it died
    // between its two writes: marked started, with no launch.
    await db.query("UPDATE pending_launches SET state = 'started' WHERE id = $1", [offered.id]);
    const sweep = worker.app.get(ProgrammeSweepService);
    expect((await sweep.sweep()).started).toBe(1);
    const [finished] = (await pendingOf(v7.versionId)).filter((r) => r.partner_id === northwind.partnerId);
    expect(finished).toMatchObject({ id: offered.id, state: 'started' });
    expect(await launchesOf(offered.id)).toEqual([{ id: finished.launch_id }]);
    // Swept again: nothing more.
    expect((await sweep.sweep()).started).toBe(0);
    expect(await launchesOf(offered.id)).toHaveLength(1);
  });

  it('links, without a second launch, one an earlier engine marked started whose launch it wrote before dying', async () => {
    const [done] = (await pendingOf(v6.versionId)).filter((r) => r.partner_id === northwind.partnerId);
    // The older engine wrote its launch (naming no pending launch) and died before recording it.
    await db.query('UPDATE launches SET pending_launch_id = NULL WHERE id = $1', [done.launch_id]);
    await db.query('UPDATE pending_launches SET launch_id = NULL WHERE id = $1', [done.id]);
    const swept = await worker.app.get(ProgrammeSweepService).sweep();
    expect(swept).toMatchObject({ stranded: { linked: 1, reopened: 0 }, started: 0 });
    const [linked] = (await pendingOf(v6.versionId)).filter((r) => r.partner_id === northwind.partnerId);
    expect(linked).toMatchObject({ state: 'started', launch_id: done.launch_id });
    const launches = await db.query<Array<{ id: string }>>(
      'SELECT id FROM launches WHERE partner_id = $1 AND campaign_version_id = $2',
      [northwind.partnerId, v6.versionId],
    );
    expect(launches).toEqual([{ id: done.launch_id }]);
  });
});
