import { BrandKitsService } from '@tcma/brand-kits';
import { simpleParser } from 'mailparser';
import { DemoSeeder, SeededDemo } from '../../apps/cli/src/demo/demo-seeder';
import { loadDemo } from '../../apps/cli/src/demo/demo-manifest';
import { TenantFactory, TestPartner } from '../factories/tenant.factory';
import { ApiHarness, startApi } from '../support/api-harness';
import { testDb, TestDb } from '../support/db';
import { TestDnsServer, TxtTable } from '../support/dns-server';
import { linkFromOutbox } from '../support/notices';

/**
 * The vendor home (GET /vendor-home) and its Remind (POST /vendor-home/reminders, then the
 * reminder's signed Launch button). The figures are counted from rows the test writes where the
 * engine would (launches, sessions, rollups, leads, suppressions), some inside the 30 days and
 * some outside, so a window that slips or a count that leaks shows.
 */
describe('vendor home', () => {
  const table = new TxtTable();
  const dns = new TestDnsServer(table.answer);
  let api: ApiHarness;
  let db: TestDb;
  let demo: SeededDemo;
  let northwind: SeededDemo['partners'][number];
  let hellenic: SeededDemo['partners'][number];
  let bare: TestPartner;
  let recentLaunchId: string;
  const as = (token: string) => ({ Authorization: `Bearer ${token}` });
  const home = (token: string) => api.http().get('/vendor-home').set(as(token));
  const remind = (token: string, partnerId: string) =>
    api.http().post('/vendor-home/reminders').set(as(token)).send({ partnerId });
  const userOf = async (partnerId: string) =>
    (
      await db.query<Array<{ id: string; email: string }>>(
        'SELECT id, email FROM users WHERE partner_id = $1 ORDER BY created_at LIMIT 1',
        [partnerId],
      )
    )[0];

  beforeAll(async () => {
    await dns.start();
    api = await startApi({ env: { DNS_SERVERS: dns.address, DNS_TIMEOUT_MS: '500' } });
    db = testDb();
    demo = await new DemoSeeder(api.app).seed();
    [northwind, hellenic] = demo.partners;
    bare = await new TenantFactory(api).partner(
      { vendorId: demo.vendorId, adminToken: demo.tokens.admin, marketerToken: demo.tokens.marketer },
      { companyName: 'Bare Partner' },
    );
    // The bare partner's user reads German: its reminder comes in German.
    await api.http().patch('/me').set(as(bare.token)).send({ locale: 'de' }).expect(200);

    // Northwind launches now (a prospect, then the launch), the Greek partner launched 90 days ago.
    await api
      .http()
      .post(`/partners/${northwind.partnerId}/prospects`)
      .set(as(northwind.token))
      .send({ email: 'ola@prospect.example', firstName: 'Ola' })
      .expect(201);
    recentLaunchId = (
      await api
        .http()
        .post('/launches')
        .set(as(northwind.token))
        .send({ campaignId: demo.campaignId, audience: { type: 'all' } })
        .expect(202)
    ).body.id;
    await db.query('UPDATE launches SET enrolled = 25 WHERE id = $1', [recentLaunchId]);
    await db.query(
      `INSERT INTO launches (vendor_id, partner_id, campaign_id, campaign_version_id, version, audience, start_at, timezone, status, enrolled, created_at)
       SELECT vendor_id, $2, campaign_id, campaign_version_id, version, audience, now() - interval '90 days', timezone, 'completed', 40, now() - interval '90 days'
       FROM launches WHERE id = $1`,
      [recentLaunchId, hellenic.partnerId],
    );
    // Northwind's user signed in today; the Greek partner's 40 days ago (outside the period).
    for (const [partnerId, ago] of [
      [northwind.partnerId, '1 hour'],
      [hellenic.partnerId, '40 days'],
    ]) {
      const user = await userOf(partnerId);
      await db.query(
        `INSERT INTO sessions (user_id, secret_hash, expires_at, last_seen_at, created_at)
         VALUES ($1, decode(md5(random()::text), 'hex'), now() + interval '1 day', now() - $2::interval, now() - $2::interval)`,
        [user.id, ago],
      );
    }
    // Clicks and sends: today's count, 40 days ago's does not.
    await db.query(
      `INSERT INTO analytics_daily (vendor_id, partner_id, campaign_id, launch_id, version, step, day, sent, accepted, bounced, clicked)
       VALUES ($1, $2, $3, $4, 1, 0, current_date, 100, 97, 3, 7), ($1, $2, $3, $4, 1, 1, current_date - 40, 500, 500, 0, 50)`,
      [demo.vendorId, northwind.partnerId, demo.campaignId, recentLaunchId],
    );
    const [prospect] = await db.query<Array<{ id: string }>>('SELECT id::text FROM prospects WHERE partner_id = $1', [
      northwind.partnerId,
    ]);
    await db.query(
      `INSERT INTO leads (vendor_id, partner_id, campaign_id, campaign_version, prospect_id, created_at)
       VALUES ($1, $2, $3, 1, $4, now()), ($1, $2, $3, 1, $4, now() - interval '31 days')`,
      [demo.vendorId, northwind.partnerId, demo.campaignId, prospect.id],
    );
    await db.query(
      `INSERT INTO suppressions (vendor_id, partner_id, email_lower, reason, created_at)
       VALUES ($1, $2, 'angry@prospect.example', 'complaint', now()), ($1, $2, 'old@prospect.example', 'complaint', now() - interval '60 days')`,
      [demo.vendorId, northwind.partnerId],
    );
    // An invitation to Northwind today.
    await api
      .http()
      .post('/user-invitations')
      .set(as(demo.tokens.admin))
      .send({ email: 'new.colleague@northwind-it.example', role: 'partner_user', partnerId: northwind.partnerId })
      .expect(201);
    // The vendor's sending domain, whose DNS has its SPF record only (no SMTP server: the notices
    // go to the outbox, where the test reads them).
    await api
      .http()
      .put('/sending')
      .set(as(demo.tokens.admin))
      .send({ sendingDomain: 'acme-backup.example' })
      .expect(200);
    table.set('acme-backup.example', 'v=spf1 ~all');
  }, 120_000);

  afterAll(async () => {
    await api?.close();
    await dns.stop();
  });

  it('shows the network over the last 30 days, counted from what happened in them only', async () => {
    const { body } = await home(demo.tokens.marketer).expect(200);
    expect(body.days).toBe(30);
    expect(Date.now() - new Date(body.since).getTime()).toBeGreaterThan(30 * 86_400_000 - 60_000);
    expect(body.network).toEqual({ partners: 3, invited: 1, signedIn: 1, launched: 1 });
    expect(body.results).toEqual({ launches: 1, prospectsReached: 25, clicks: 7, leads: 1 });
    const demoName = (
      await db.query<Array<{ name: string }>>('SELECT name FROM campaigns WHERE id = $1', [demo.campaignId])
    )[0].name;
    expect(body.topCampaigns).toEqual({
      byLaunches: [{ campaignId: demo.campaignId, campaignName: demoName, count: 1 }],
      byClicks: [{ campaignId: demo.campaignId, campaignName: demoName, count: 7 }],
    });
    // Idle: never launched first (Bare Partner), then the longest idle (the Greek partner, 90 days).
    expect(body.idlePartners.total).toBe(2);
    expect(body.idlePartners.idleDays).toBe(60);
    expect(body.idlePartners.items.map((p: { partnerId: string }) => p.partnerId)).toEqual([
      bare.partnerId,
      hellenic.partnerId,
    ]);
    expect(body.idlePartners.items[0]).toMatchObject({
      lastLaunchAt: null,
      lastSignInAt: null,
      users: 1,
      lastRemindedAt: null,
      remindAgainAt: null,
    });
    expect(body.idlePartners.items[1].lastLaunchAt).not.toBeNull();
    expect(body.idlePartners.items[1].lastSignInAt).not.toBeNull();
    expect(body.sending).toMatchObject({
      smtp: false,
      sendingDomain: 'acme-backup.example',
      dkim: false,
      bounced: 3,
      complaints: 1,
      bounceRate: 0.03,
      complaintRate: 0.01,
    });
    // Looked up as the home is read: the SPF record is published, the DMARC one is not.
    expect(body.sending.dns.records.map((r: { kind: string; state: string }) => [r.kind, r.state])).toEqual([
      ['spf', 'ok'],
      ['dmarc', 'missing'],
    ]);
  });

  it("is the vendor's own: a partner's user gets 404, another vendor counts none of it, the API's guard 401 without a token", async () => {
    await home(northwind.token).expect(404);
    await remind(northwind.token, hellenic.partnerId).expect(404);
    await api.http().get('/vendor-home').expect(401);
    const other = await new TenantFactory(api).vendor();
    const theirs = (await home(other.marketerToken).expect(200)).body;
    expect(theirs.network).toEqual({ partners: 0, invited: 0, signedIn: 0, launched: 0 });
    expect(theirs.results).toEqual({ launches: 0, prospectsReached: 0, clicks: 0, leads: 0 });
    expect(theirs.idlePartners).toMatchObject({ items: [], total: 0 });
    expect(theirs.sending).toMatchObject({ bounced: 0, complaints: 0, bounceRate: null, dns: null });
    await remind(other.adminToken, hellenic.partnerId).expect(404);
  });

  it('reminds a partner: its users get the offer in their language, in the vendor brand, once a week at most', async () => {
    const germanUser = await userOf(bare.partnerId);
    const sent = await remind(demo.tokens.marketer, bare.partnerId).expect(201);
    expect(sent.body).toMatchObject({ partnerId: bare.partnerId, campaignId: demo.campaignId, recipients: 1 });

    const [row] = await db.query<Array<{ raw: Buffer }>>(
      'SELECT raw FROM outbox_messages WHERE $1 = ANY(recipients) ORDER BY id DESC LIMIT 1',
      [germanUser.email],
    );
    const mail = await simpleParser(row.raw);
    expect(mail.subject).toMatch(/ist bereit zum Start für Bare Partner$/);
    expect(mail.from?.value[0].name).toContain('Acme Cloud Backup');
    expect(mail.text).not.toMatch(/TCMA/);
    expect(mail.text).toMatch(/\/reminder-actions\/[\w.-]+/);

    const again = await remind(demo.tokens.admin, bare.partnerId).expect(409);
    expect(again.body.errors).toEqual([expect.objectContaining({ path: 'partnerId' })]);
    const listed = (await home(demo.tokens.marketer).expect(200)).body.idlePartners.items;
    const reminded = listed.find((p: { partnerId: string }) => p.partnerId === bare.partnerId);
    expect(reminded.lastRemindedAt).toBe(new Date(sent.body.createdAt).toISOString());
    expect(reminded.remindAgainAt).toBe(
      new Date(new Date(sent.body.createdAt).getTime() + 7 * 86_400_000).toISOString(),
    );

    // Refused with the field named: not a partner id, and a partner of no one the vendor knows.
    const bad = await remind(demo.tokens.marketer, 'nope').expect(400);
    expect(bad.body.errors).toEqual([expect.objectContaining({ path: 'partnerId' })]);
    await remind(demo.tokens.marketer, '00000000-0000-4000-8000-000000000000').expect(404);
  });

  it("launches from the reminder's button without signing in: the page asks first, once per reminder", async () => {
    // Not ready (no sender identity): the page says why, and nothing is launched.
    const bareUser = await userOf(bare.partnerId);
    const bareLink = new URL((await linkFromOutbox(bareUser.email, '/reminder-actions')).url).pathname;
    const refused = await api.http().post(bareLink).expect(422);
    // In the language of the user it was mailed to (German), as the email was.
    expect(refused.text).toContain('<html lang="de">');
    expect(refused.text).toContain('Die Kampagne kann noch nicht starten: ');

    // The Greek partner, made ready (a sender identity), is reminded and launches from the email.
    const nikos = await userOf(hellenic.partnerId);
    const { logo: _logo, ...kit } = loadDemo().manifest.partners[1].brandKit;
    await api.app
      .get(BrandKitsService)
      .update(
        { userId: nikos.id, vendorId: demo.vendorId, partnerId: hellenic.partnerId, role: 'partner_user' },
        hellenic.partnerId,
        { ...kit, sender: { fromName: 'Νίκος', fromEmail: 'news@elliniki-pliroforiki.example' } },
      );
    await remind(demo.tokens.marketer, hellenic.partnerId).expect(201);
    const link = new URL((await linkFromOutbox(nikos.email, '/reminder-actions')).url).pathname;
    const launches = async () =>
      await db.query<Array<{ id: string; created_by: string | null }>>(
        "SELECT id, created_by FROM launches WHERE partner_id = $1 AND created_at > now() - interval '1 hour'",
        [hellenic.partnerId],
      );

    // Following the link (as a mail scanner does) changes nothing.
    const page = await api.http().get(link).expect(200);
    expect(page.text).toContain('Launch this campaign now?');
    expect(await launches()).toEqual([]);

    const done = await api.http().post(link).expect(200);
    expect(done.text).toContain('has started for all your prospects');
    const started = await launches();
    expect(started).toEqual([{ id: expect.any(String), created_by: nikos.id }]);
    const [reminder] = await db.query<Array<{ launch_id: string }>>(
      'SELECT launch_id FROM partner_reminders WHERE partner_id = $1',
      [hellenic.partnerId],
    );
    expect(reminder.launch_id).toBe(started[0].id);

    // A second press (or a colleague's) finds it launched: still one launch.
    const twice = await api.http().post(link).expect(409);
    expect(twice.text).toContain('already been launched');
    expect(await launches()).toHaveLength(1);
    expect((await api.http().get(link).expect(200)).text).toContain('Nothing to do');

    // A link altered or not ours: not found, nothing launched.
    await api
      .http()
      .post(`${link.slice(0, -2)}xx`)
      .expect(404);
    const unreadable = await api
      .http()
      .get('/reminder-actions/not-a-token')
      .set('Accept-Language', 'es-ES,es;q=0.9')
      .expect(404);
    expect(unreadable.text).toContain('Este enlace no es válido');
    expect(await launches()).toHaveLength(1);
  });
});
