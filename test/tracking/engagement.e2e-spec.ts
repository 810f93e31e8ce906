import { ManualClock } from '@tcma/clock';
import { EngagementService } from '@tcma/engagement';
import { SweepService } from '@tcma/nurture';
import { QueueName } from '@tcma/queue';
import { simpleParser } from 'mailparser';
import type { AddressInfo } from 'node:net';
import { DemoSeeder, SeededDemo } from '../../apps/cli/src/demo/demo-seeder';
import { TenantFactory } from '../factories/tenant.factory';
import { ApiHarness, startApi } from '../support/api-harness';
import { eventually } from '../support/processes';
import { waitForQueueIdle } from '../support/queues';
import { SmtpSink } from '../support/smtp-sink';
import { startWorker, WorkerHarness } from '../support/worker-harness';
import { TestDb, testDb } from '../support/db';

/** Monday 23 November 2026, 10:00 in Warsaw: inside the demo's first-step window. */
const START = new Date('2026-11-23T09:00:00Z');
const BROWSER =
  'Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0 Safari/537.36';
const SCANNER = 'Mozilla/5.0 (compatible; Mimecast URL Protect)';
const PROXY = 'Mozilla/5.0 (Windows NT 5.1; rv:11.0) Gecko Firefox/11.0 (via ggpht.com GoogleImageProxy)';

/**
 * Other spellings of a base64url signature that a lenient decoder reads as the same bytes:
 * another last character (its 4 unused bits), padding, a stray character.
 */
const respellings = (sig: string) => {
  const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';
  const lastChar = [...alphabet]
    .map((c) => sig.slice(0, -1) + c)
    .find((s) => s !== sig && Buffer.from(s, 'base64url').equals(Buffer.from(sig, 'base64url')))!;
  return [lastChar, `${sig}=`, `${sig.slice(0, 11)}!${sig.slice(11)}`];
};

/** An attribute value as a mail client reads it. */
const decodeHtml = (s: string) =>
  s
    .replace(/&#x([0-9a-f]+);/gi, (_m, hex: string) => String.fromCharCode(parseInt(hex, 16)))
    .replace(/&#(\d+);/g, (_m, dec: string) => String.fromCharCode(Number(dec)))
    .replace(/&quot;/g, '"')
    .replace(/&amp;/g, '&');

describe('tracking opens and clicks, exits, and the funnel', () => {
  const clock = new ManualClock(START);
  const sink = new SmtpSink();
  let api: ApiHarness;
  let worker: WorkerHarness;
  let db: TestDb;
  let demo: SeededDemo;
  let base: string;
  const launches: Record<'a' | 'b', string> = { a: '', b: '' };
  const as = (token: string) => ({ Authorization: `Bearer ${token}` });
  const env = { QUEUE_HORIZON_MS: '1000' };

  /** What a prospect's copy of step 0 links to: tracked links by target, the pixel, view in browser, one-click unsubscribe. */
  const linksOf = async (email: string) => {
    const message = sink.messages.find((m) => m.to[0] === email);
    if (!message) throw new Error(`No message for ${email}`);
    const parsed = await simpleParser(message.raw);
    const html = String(parsed.html);
    const local = (url: string) => {
      const u = new URL(decodeHtml(url));
      return `${base}${u.pathname}${u.search}`;
    };
    const clicks = new Map<string, string>();
    for (const [, href] of html.matchAll(/href="([^"]+\/c\/[\w-]{22}\/\d+\/[^"]+)"/g))
      clicks.set(new URL(decodeHtml(href)).searchParams.get('u')!, local(href));
    const pixel = local(/src="([^"]+\/o\/[\w-]{22}\/[^"]+\.gif)"/.exec(html)![1]);
    const view = local(/href="([^"]+\/v\/[\w-]{22}\/[^"]+)"/.exec(html)![1]);
    const unsubscribe = /^List-Unsubscribe: <(https?:[^>]+)>/m.exec(
      message.raw.toString('utf8').replace(/\r?\n[ \t]+/g, ' '),
    )![1];
    return { clicks, pixel, view, unsubscribe: local(unsubscribe), sendId: message.sendId!, sendRef: message.sendRef! };
  };
  const hit = (url: string, agent: string, method = 'GET') =>
    fetch(url, { method, redirect: 'manual', headers: { 'User-Agent': agent } });
  const enrollment = async (email: string) =>
    (
      await db.query<Array<{ status: string; exit_reason: string | null }>>(
        'SELECT e.status, e.exit_reason FROM enrollments e JOIN prospects p ON p.id = e.prospect_id WHERE p.email = $1',
        [email],
      )
    )[0];
  const judgedOf = async (sendId: string) =>
    db.query<Array<{ type: string; machine: string | null; counted: boolean }>>(
      "SELECT type, machine, counted FROM events WHERE send_id = $1 AND type IN ('opened', 'clicked') ORDER BY id",
      [sendId],
    );

  beforeAll(async () => {
    await sink.start();
    api = await startApi({ clock, env });
    await api.app.listen(0, '127.0.0.1');
    base = `http://127.0.0.1:${(api.app.getHttpServer().address() as AddressInfo).port}`;
    worker = await startWorker({ roles: 'send,enroll', clock, env });
    db = testDb();
    demo = await new DemoSeeder(api.app).seed();
    await api
      .http()
      .put('/sending')
      .set(as(demo.tokens.admin))
      .send({ smtpUrl: sink.url, ratePerSecond: 100_000, sendingDomain: 'acme-backup.example' })
      .expect(200);
    const [a, b] = demo.partners;
    for (const [partner, emails, key] of [
      [a, ['p1', 'p2', 'p3', 'p4', 'p5', 'p6'], 'a'],
      [b, ['q1', 'q2'], 'b'],
    ] as const) {
      for (const e of emails)
        await api
          .http()
          .post(`/partners/${partner.partnerId}/prospects`)
          .set(as(partner.token))
          .send({ email: `${e}@prospect.example`, timezone: 'Europe/Warsaw' })
          .expect(201);
      launches[key] = (
        await api
          .http()
          .post('/launches')
          .set(as(partner.token))
          .send({ campaignId: demo.campaignId, audience: { type: 'all' } })
          .expect(202)
      ).body.id;
      await eventually(
        async () =>
          (await api.http().get(`/launches/${launches[key]}`).set(as(partner.token))).body.status === 'active'
            ? true
            : undefined,
        'enrollment',
      );
    }
    await worker.app.get(SweepService).sweep();
    await waitForQueueIdle(worker.app, QueueName.Send);
    expect(sink.messages).toHaveLength(8);
  }, 120_000);

  afterAll(async () => {
    await worker?.close();
    await api?.close();
    await sink.stop();
  });

  it('counts sends in the funnel at the next judging, without the settling time opens and clicks wait for', async () => {
    // A send is the engine's own fact, with no person or machine to tell apart: a dashboard shows it
    // at the next track run, not 10 s later (the console's dashboards test lost that race).
    const [a] = demo.partners;
    const judged = await worker.app.get(EngagementService).process(clock.now());
    expect(judged.judged).toBeGreaterThanOrEqual(6);
    const mine = (await api.http().get('/analytics/funnel').query({ groupBy: 'launch' }).set(as(a.token)).expect(200))
      .body;
    expect(mine.rows).toEqual([expect.objectContaining({ launchId: launches.a, enrolled: 6, sent: 6, opened: 0 })]);
  });

  it('redirects signed clicks, refuses tampered ones, serves the pixel and the browser view', async () => {
    clock.advance(60_000);
    const p1 = await linksOf('p1@prospect.example');
    const trial = p1.clicks.get('https://acme-backup.example/trial')!;
    expect(trial).toBeDefined();
    const res = await hit(trial, BROWSER);
    expect([res.status, res.headers.get('location')]).toEqual([302, 'https://acme-backup.example/trial']);

    const tampered = trial.replace(
      encodeURIComponent('https://acme-backup.example/trial'),
      encodeURIComponent('https://evil.example/trial'),
    );
    expect(tampered).not.toBe(trial);
    for (const url of [
      tampered,
      trial.replace(/\/c\/([\w-]{22})\/(\d+)\/[\w-]+/, '/c/$1/$2/AAAAAAAAAAAAAAAAAAAAAA'),
      `${base}/c/${p1.sendRef}/0?u=https://evil.example`,
    ]) {
      const refused = await hit(url, BROWSER);
      expect([url, refused.status, refused.headers.get('location')]).toEqual([url, 404, null]);
    }

    // The link names the send by its opaque reference, never the ledger's id; a link of an email
    // sent before references existed (the plain id, signed over it) still leads where it did.
    expect(new URL(trial).pathname).not.toContain(`/${p1.sendId}/`);
    const legacy = `${base}${new URL(trial).pathname.replace(`/c/${p1.sendRef}/`, `/c/${p1.sendId}/`)}${new URL(trial).search}`;
    expect((await hit(legacy, BROWSER)).headers.get('location')).toBe('https://acme-backup.example/trial');

    const pixel = await hit(p1.pixel, BROWSER);
    expect([pixel.status, pixel.headers.get('content-type')]).toEqual([200, 'image/gif']);
    expect(
      Buffer.from(await pixel.arrayBuffer())
        .subarray(0, 6)
        .toString(),
    ).toBe('GIF89a');

    const view = await hit(p1.view, BROWSER);
    expect(view.status).toBe(200);
    const page = await view.text();
    expect(page).toContain('Northwind IT Services');
    expect((await hit(p1.view.replace(/[\w-]{22}$/, 'AAAAAAAAAAAAAAAAAAAAAA'), BROWSER)).status).toBe(404);
  });

  it('accepts only the exact signature of each link, never another spelling of it', async () => {
    const p1 = await linksOf('p1@prospect.example');
    const trial = new URL(p1.clicks.get('https://acme-backup.example/trial')!);
    const clickSig = trial.pathname.split('/').pop()!;
    const [pixelSig] = /[\w-]{22}(?=\.gif$)/.exec(p1.pixel)!;
    const [viewSig] = /[\w-]{22}$/.exec(p1.view)!;
    const [unsubscribeSig] = /[\w-]{22}$/.exec(p1.unsubscribe)!;
    for (const variant of respellings(clickSig)) {
      const url = `${trial.origin}${trial.pathname.slice(0, -clickSig.length)}${variant}${trial.search}`;
      const refused = await hit(url, BROWSER);
      expect([url, refused.status, refused.headers.get('location')]).toEqual([url, 404, null]);
    }
    for (const variant of respellings(pixelSig))
      expect([variant, (await hit(p1.pixel.replace(`${pixelSig}.gif`, `${variant}.gif`), BROWSER)).status]).toEqual([
        variant,
        404,
      ]);
    for (const variant of respellings(viewSig))
      expect([variant, (await hit(p1.view.slice(0, -viewSig.length) + variant, BROWSER)).status]).toEqual([
        variant,
        404,
      ]);
    for (const variant of [...respellings(unsubscribeSig), `${unsubscribeSig} `]) {
      const url = p1.unsubscribe.slice(0, -unsubscribeSig.length) + encodeURIComponent(variant);
      const res = await fetch(url, {
        method: 'POST',
        headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
        body: 'List-Unsubscribe=One-Click',
      });
      expect([variant, res.status]).toEqual([variant, 404]);
    }
    expect(await db.query("SELECT type FROM events WHERE send_id = $1 AND type = 'unsubscribed'", [p1.sendId])).toEqual(
      [],
    );
  });

  it('tells scanners and proxies from people, and only a person clicking the exit link leaves the sequence', async () => {
    const p2 = await linksOf('p2@prospect.example');
    const trial2 = p2.clicks.get('https://acme-backup.example/trial')!;
    expect((await hit(trial2, SCANNER, 'HEAD')).status).toBe(302);
    expect((await hit(trial2, SCANNER)).status).toBe(302);

    const p3 = await linksOf('p3@prospect.example');
    expect(p3.clicks.size).toBeGreaterThanOrEqual(2);
    for (const url of p3.clicks.values()) expect((await hit(url, BROWSER)).status).toBe(302);

    const p4 = await linksOf('p4@prospect.example');
    // The partner's website: tracked, but not the exit link.
    const website = [...p4.clicks.entries()].find(([target]) => !target.endsWith('/trial'))!;
    expect(website[0]).toMatch(/^https:\/\/[\w.-]+\.example/);
    expect((await hit(website[1], BROWSER)).status).toBe(302);
    expect((await hit(p4.pixel, PROXY)).status).toBe(200);

    const p5 = await api
      .http()
      .post('/conversions')
      .set(as(demo.partners[0].token))
      .send({ email: 'P5@prospect.example' })
      .expect(200);
    expect(p5.body).toMatchObject({ launches: [launches.a], exited: 1 });
    await api
      .http()
      .post('/conversions')
      .set(as(demo.partners[1].token))
      .send({ email: 'p5@prospect.example' })
      .expect(404);
    const stranger = await new TenantFactory(api).vendor();
    await api
      .http()
      .post('/conversions')
      .set(as(stranger.adminToken))
      .send({ email: 'p5@prospect.example', partnerId: demo.partners[0].partnerId })
      .expect(404);
    await api.http().post('/conversions').set(as(demo.tokens.admin)).send({ email: 'p5@prospect.example' }).expect(422);

    const p6 = await linksOf('p6@prospect.example');
    await api.http().post(new URL(p6.unsubscribe).pathname).type('form').send('List-Unsubscribe=One-Click').expect(200);

    // Judged once the settling time has passed.
    clock.advance(11_000);
    const judged = await worker.app.get(EngagementService).process(clock.now());
    expect(judged.exited).toBe(1);

    expect(await enrollment('p1@prospect.example')).toEqual({ status: 'exited', exit_reason: 'clicked' });
    expect(await enrollment('p2@prospect.example')).toEqual({ status: 'active', exit_reason: null });
    expect(await enrollment('p3@prospect.example')).toEqual({ status: 'active', exit_reason: null });
    expect(await enrollment('p4@prospect.example')).toEqual({ status: 'active', exit_reason: null });
    expect(await enrollment('p5@prospect.example')).toEqual({ status: 'exited', exit_reason: 'converted' });
    expect(await enrollment('p6@prospect.example')).toEqual({ status: 'exited', exit_reason: 'unsubscribed' });

    expect(await judgedOf(p2.sendId)).toEqual([
      { type: 'clicked', machine: 'head_request', counted: false },
      { type: 'clicked', machine: 'scanner_user_agent', counted: false },
    ]);
    expect((await judgedOf(p3.sendId)).map((e) => e.machine)).toEqual(
      [...p3.clicks.keys()].map(() => 'all_links_at_once'),
    );
    // A person clicked, and only an image proxy opened: the click counts as the send's open too,
    // recorded as an open of its own ("implied").
    expect(await judgedOf(p4.sendId)).toEqual([
      { type: 'clicked', machine: null, counted: true },
      { type: 'opened', machine: 'image_proxy', counted: false },
      { type: 'opened', machine: null, counted: true },
    ]);
    const [implied] = await db.query<Array<{ method: string; occurred_at: Date }>>(
      "SELECT method, occurred_at FROM events WHERE send_id = $1 AND type = 'opened' AND machine IS NULL",
      [p4.sendId],
    );
    const [click] = await db.query<Array<{ occurred_at: Date }>>(
      "SELECT occurred_at FROM events WHERE send_id = $1 AND type = 'clicked'",
      [p4.sendId],
    );
    expect(implied).toEqual({ method: 'implied', occurred_at: click.occurred_at });
    // p1 opened (a person's pixel) before clicking: no open is implied for it.
    const [p1Opens] = await db.query<Array<{ n: number }>>(
      "SELECT count(*)::int AS n FROM events e JOIN prospects p ON p.id = e.prospect_id WHERE p.email = 'p1@prospect.example' AND e.type = 'opened' AND e.method = 'implied'",
    );
    expect(p1Opens.n).toBe(0);

    // At the next step (three days later, 10:00 in Warsaw), those who left get nothing more; the others do.
    clock.set(new Date('2026-11-26T09:00:00Z'));
    await worker.app.get(SweepService).sweep();
    await waitForQueueIdle(worker.app, QueueName.Send);
    const second = sink.messages
      .slice(8)
      .map((m) => m.to[0])
      .sort();
    expect(second).toEqual([
      'p2@prospect.example',
      'p3@prospect.example',
      'p4@prospect.example',
      'q1@prospect.example',
      'q2@prospect.example',
    ]);
  });

  it('shows partners their own funnel and vendors every partner, with the right counts', async () => {
    clock.advance(11_000);
    await worker.app.get(EngagementService).process(clock.now());
    const [a, b] = demo.partners;
    const mine = (await api.http().get('/analytics/funnel').query({ groupBy: 'launch' }).set(as(a.token)).expect(200))
      .body;
    expect(mine.rows).toHaveLength(1);
    expect(mine.rows[0]).toMatchObject({
      launchId: launches.a,
      partnerName: a.companyName,
      enrolled: 6,
      sent: 9,
      accepted: 9,
      bounced: 0,
      // p1 opened; p4's click counts as its open (its only other open was an image proxy's).
      opened: 2,
      clicked: 2,
      unsubscribed: 1,
      converted: 1,
      machineOpens: 1,
      machineClicks: 2 + (await judgedOf((await linksOf('p3@prospect.example')).sendId)).length,
      deliveryRate: 1,
      openRate: 0.2222,
      clickRate: 0.2222,
      conversionRate: 0.1667,
    });

    const steps = (await api.http().get('/analytics/funnel').query({ groupBy: 'step' }).set(as(a.token)).expect(200))
      .body.rows;
    expect(steps.map((r: Record<string, number>) => [r.step, r.sent, r.clicked, r.converted])).toEqual([
      [1, 6, 2, 0],
      [2, 3, 0, 0],
      [null, 0, 0, 1],
    ]);
    const days = (await api.http().get('/analytics/funnel').query({ groupBy: 'day' }).set(as(a.token)).expect(200)).body
      .rows;
    expect(days.map((r: Record<string, unknown>) => [r.day, r.sent])).toEqual([
      ['2026-11-23', 6],
      ['2026-11-26', 3],
    ]);

    const byPartner = (
      await api
        .http()
        .get('/analytics/funnel')
        .query({ groupBy: 'partner', sort: 'sent', order: 'desc' })
        .set(as(demo.tokens.marketer))
        .expect(200)
    ).body.rows;
    expect(byPartner.map((r: Record<string, unknown>) => [r.partnerName, r.enrolled, r.sent])).toEqual([
      [a.companyName, 6, 9],
      [b.companyName, 2, 4],
    ]);
    const vendor = (await api.http().get('/analytics/funnel').set(as(demo.tokens.marketer)).expect(200)).body.rows;
    expect(vendor).toEqual([expect.objectContaining({ enrolled: 8, sent: 13, clicked: 2, converted: 1 })]);

    // A partner reads only its own.
    const theirs = (await api.http().get('/analytics/funnel').query({ groupBy: 'launch' }).set(as(b.token)).expect(200))
      .body.rows;
    expect(theirs.map((r: Record<string, unknown>) => r.launchId)).toEqual([launches.b]);
    await api.http().get('/analytics/funnel').query({ partnerId: a.partnerId }).set(as(b.token)).expect(404);
    expect(
      (
        await api
          .http()
          .get('/analytics/funnel')
          .query({ launchId: launches.a, groupBy: 'launch' })
          .set(as(b.token))
          .expect(200)
      ).body.rows,
    ).toEqual([]);
    await api.http().get('/analytics/partners').set(as(b.token)).expect(403);
    await api
      .http()
      .get('/analytics/funnel')
      .query({ groupBy: 'launch', sort: 'nonsense' })
      .set(as(a.token))
      .expect(400);
  });

  it('lists partners who went quiet, as a formula-safe CSV', async () => {
    // A name the API no longer accepts (quotes), as one stored before that rule would be: the export must still defuse it.
    await db.query("INSERT INTO partners (vendor_id, company_name, tier, region) VALUES ($1, $2, 'gold', 'emea')", [
      demo.vendorId,
      '=HYPERLINK("http://evil.example","Click")',
    ]);
    const csv = await api
      .http()
      .get('/analytics/partners')
      .query({ inactiveDays: 30, format: 'csv' })
      .set(as(demo.tokens.admin))
      .expect(200);
    expect(csv.headers['content-type']).toMatch(/^text\/csv/);
    expect(csv.headers['content-disposition']).toBe('attachment; filename="partner-activity.csv"');
    const lines = csv.text.trim().split('\r\n');
    expect(lines[0].split(',').slice(0, 8)).toEqual([
      'partnerId',
      'partnerName',
      'tier',
      'region',
      'status',
      'launches',
      'campaigns',
      'lastLaunchAt',
    ]);
    // The demo partners launched today; only the new one is quiet, and its name cannot run as a formula.
    expect(lines).toHaveLength(2);
    expect(lines[1]).toContain(`"'=HYPERLINK(""http://evil.example"",""Click"")"`);
    const all = (
      await api
        .http()
        .get('/analytics/partners')
        .query({ sort: 'launches', order: 'desc' })
        .set(as(demo.tokens.admin))
        .expect(200)
    ).body.rows;
    expect(all.map((r: Record<string, unknown>) => r.launches)).toEqual([1, 1, 0]);
  });
});
