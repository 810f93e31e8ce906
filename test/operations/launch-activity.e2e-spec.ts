import { ManualClock } from '@tcma/clock';
import { UnsubscribeLinks } from '@tcma/delivery';
import { EngagementService } from '@tcma/engagement';
import { SweepService } from '@tcma/nurture';
import { QueueName } from '@tcma/queue';
import { TrackingLinks } from '@tcma/tracking';
import { parse } from 'csv-parse/sync';
import { DemoSeeder, SeededDemo } from '../../apps/cli/src/demo/demo-seeder';
import { ApiHarness, startApi } from '../support/api-harness';
import { testDb } from '../support/db';
import { eventually } from '../support/processes';
import { waitForQueueIdle } from '../support/queues';
import { startWorker, WorkerHarness } from '../support/worker-harness';

const BROWSER = 'Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/120.0 Safari/537.36';
const MINUTE = 60_000;

/**
 * A partner asking "why is my outbox empty?" and "who clicked?": the demo campaign (first
 * email Monday to Friday 08:00–18:00 in each prospect's zone, a click on `trial` ends the
 * sequence) launched on a Sunday for prospects in New York, Warsaw and the partner's zone.
 */
describe("a launch's enrollments and prospects", () => {
  // Sunday 22 November 2026, 15:00 in New York, 21:00 in Warsaw.
  const clock = new ManualClock(new Date('2026-11-22T20:00:00Z'));
  let api: ApiHarness;
  let worker: WorkerHarness;
  let demo: SeededDemo;
  let launchId: string;
  const as = (token: string) => ({ Authorization: `Bearer ${token}` });
  const partnerA = () => as(demo.partners[0].token);
  const byEmail = <T extends { email: string }>(items: T[]) => Object.fromEntries(items.map((i) => [i.email, i]));

  beforeAll(async () => {
    api = await startApi({ clock });
    worker = await startWorker({ roles: 'send,enroll', clock });
    demo = await new DemoSeeder(api.app).seed();
    const { partnerId } = demo.partners[0];
    const prospects = [
      {
        email: 'ann@activity.example',
        firstName: 'Ann',
        company: '=HYPERLINK("http://evil.example")',
        timezone: 'America/New_York',
      },
      { email: 'bob@activity.example', firstName: 'Bob', timezone: 'Europe/Warsaw' },
      { email: 'cid@activity.example', firstName: 'Cid' },
    ];
    for (const p of prospects)
      await api.http().post(`/partners/${partnerId}/prospects`).set(partnerA()).send(p).expect(201);
    launchId = (
      await api
        .http()
        .post('/launches')
        .set(partnerA())
        .send({ campaignId: demo.campaignId, audience: { type: 'all' } })
        .expect(202)
    ).body.id;
    await eventually(
      async () =>
        (await api.http().get(`/launches/${launchId}`).set(partnerA())).body.status === 'active' ? true : undefined,
      'enrollment',
    );
  }, 120_000);

  afterAll(async () => {
    await worker?.close();
    await api?.close();
  });

  it("says what each next step waits for, in the prospect's zone", async () => {
    const res = await api.http().get(`/launches/${launchId}/enrollments`).set(partnerA()).expect(200);
    expect(res.body).toMatchObject({ total: 3, limit: 50, offset: 0 });
    const items = byEmail(res.body.items as Array<{ email: string }>);
    expect(items['ann@activity.example']).toMatchObject({
      status: 'active',
      nextStep: 1,
      timezone: 'America/New_York',
      state: 'waiting_for_window',
      explanation: "waiting for Monday 08:00 America/New_York (when step 1's send window opens)",
      nextDueAt: '2026-11-23T13:00:00.000Z',
      sendsAt: '2026-11-23T13:00:00.000Z',
    });
    expect(items['bob@activity.example']).toMatchObject({
      timezone: 'Europe/Warsaw',
      explanation: "waiting for Monday 08:00 Europe/Warsaw (when step 1's send window opens)",
    });
    // No zone of its own: the partner's.
    expect(items['cid@activity.example']).toMatchObject({
      timezone: 'Europe/Warsaw',
      nextDueAt: '2026-11-23T07:00:00.000Z',
    });
    // Soonest due first, paged.
    const page = await api.http().get(`/launches/${launchId}/enrollments?limit=1&offset=2`).set(partnerA()).expect(200);
    expect(page.body).toMatchObject({ total: 3, limit: 1, offset: 2, items: [{ email: 'ann@activity.example' }] });
  });

  it("counts next steps by due day, in the partner's zone or the one asked for", async () => {
    const own = await api.http().get(`/launches/${launchId}/due-days`).set(partnerA()).expect(200);
    expect(own.body).toEqual({ launchId, timezone: 'Europe/Warsaw', days: [{ day: '2026-11-23', steps: 3 }] });
    // 07:00 UTC is Monday evening in Auckland, 13:00 UTC already Tuesday.
    const auckland = await api
      .http()
      .get(`/launches/${launchId}/due-days?zone=Pacific/Auckland`)
      .set(as(demo.tokens.marketer))
      .expect(200);
    expect(auckland.body.days).toEqual([
      { day: '2026-11-23', steps: 2 },
      { day: '2026-11-24', steps: 1 },
    ]);
    const bad = await api.http().get(`/launches/${launchId}/due-days?zone=Mars/Olympus`).set(partnerA()).expect(400);
    expect(bad.body.errors).toEqual([expect.objectContaining({ path: 'zone' })]);
  });

  it('names a paused launch', async () => {
    await api.http().post(`/launches/${launchId}/pause`).set(partnerA()).expect(200);
    const paused = await api.http().get(`/launches/${launchId}/enrollments`).set(partnerA()).expect(200);
    expect(new Set(paused.body.items.map((i: { explanation: string }) => i.explanation))).toEqual(
      new Set(['paused launch: step 1 waits until the launch is resumed']),
    );
    await api.http().post(`/launches/${launchId}/resume`).set(partnerA()).expect(200);
  });

  describe('once the first emails went and prospects acted', () => {
    beforeAll(async () => {
      // Monday 23 November, 08:00 in New York, 14:00 in Warsaw: every first step is due, none
      // more than MAX_LATENESS_MS (6 h) late.
      clock.set(new Date('2026-11-23T13:00:00Z'));
      await worker.app.get(SweepService).sweep();
      await waitForQueueIdle(worker.app, QueueName.Send);
      const sends = await testDb().query<Array<{ id: string; email: string }>>(
        "SELECT s.id::text, p.email FROM sends s JOIN prospects p ON p.id = s.prospect_id WHERE s.launch_id = $1 AND s.status = 'sent'",
        [launchId],
      );
      const send = Object.fromEntries(sends.map((s) => [s.email, s.id]));
      if (sends.length !== 3)
        throw new Error(
          `Expected 3 sent: ${JSON.stringify(await testDb().query('SELECT e.status, e.next_due_at, e.queued_at, p.email, s.status AS send FROM enrollments e JOIN prospects p ON p.id = e.prospect_id LEFT JOIN sends s ON s.enrollment_id = e.id WHERE e.launch_id = $1', [launchId]))}`,
        );
      const links = api.app.get(TrackingLinks);
      const visit = async (url: string) => {
        clock.advance(5 * MINUTE);
        const u = new URL(url);
        await api.http().get(`${u.pathname}${u.search}`).set('User-Agent', BROWSER);
      };
      await visit(links.openPixel(send['ann@activity.example']));
      await visit(
        links.click(send['ann@activity.example'], {
          index: 2,
          url: 'https://acme-backup.example/pricing',
          name: 'pricing',
        }),
      );
      await visit(
        links.click(send['ann@activity.example'], {
          index: 0,
          url: 'https://acme-backup.example/trial',
          name: 'trial',
        }),
      );
      await visit(
        links.click(send['cid@activity.example'], {
          index: 1,
          url: 'https://acme-backup.example/customers/northwind-traders',
          name: 'case_study',
        }),
      );
      clock.advance(MINUTE);
      await api
        .http()
        .post(`/u/${api.app.get(UnsubscribeLinks).token(send['bob@activity.example'])}`)
        .type('form')
        .send('List-Unsubscribe=One-Click')
        .expect(200);
      clock.advance(MINUTE);
      await worker.app.get(EngagementService).process(clock.now());
    }, 60_000);

    it('shows who is where, who opened, which links each clicked and who left why', async () => {
      const res = await api.http().get(`/launches/${launchId}/prospects`).set(partnerA()).expect(200);
      expect(res.body.total).toBe(3);
      const p = byEmail(res.body.items as Array<{ email: string }>);
      expect(p['ann@activity.example']).toMatchObject({
        firstName: 'Ann',
        status: 'exited',
        currentStep: null,
        exitReason: 'clicked',
        openedAt: expect.any(String),
        lastSentAt: '2026-11-23T13:00:00.000Z',
      });
      expect(
        (p['ann@activity.example'] as unknown as { clicks: Array<{ link: string }> }).clicks.map((c) => c.link),
      ).toEqual(['pricing', 'trial']);
      expect(p['bob@activity.example']).toMatchObject({
        status: 'exited',
        exitReason: 'unsubscribed',
        exitedAt: expect.any(String),
        clicks: [],
      });
      expect(p['cid@activity.example']).toMatchObject({
        status: 'active',
        currentStep: 2,
        exitReason: null,
        exitedAt: null,
        clicks: [{ link: 'case_study', at: expect.any(String) }],
      });
      const enrollments = byEmail(
        (await api.http().get(`/launches/${launchId}/enrollments`).set(partnerA()).expect(200)).body.items,
      );
      expect(enrollments['bob@activity.example']).toMatchObject({
        state: 'exited',
        explanation: 'exited: unsubscribed',
        nextStep: null,
      });
      expect(enrollments['cid@activity.example']).toMatchObject({
        state: 'waiting_for_time',
        nextStep: 2,
        nextStepName: expect.any(String),
      });
    });

    it('filters by a link clicked, by opening and by status', async () => {
      const clickedTrial = await api
        .http()
        .get(`/launches/${launchId}/prospects?clicked=trial`)
        .set(partnerA())
        .expect(200);
      expect(clickedTrial.body).toMatchObject({ total: 1, items: [{ email: 'ann@activity.example' }] });
      // A person's click counts as an open too (Cid's pixel never loaded).
      const opened = await api.http().get(`/launches/${launchId}/prospects?opened=true`).set(partnerA()).expect(200);
      expect(opened.body.items.map((i: { email: string }) => i.email).sort()).toEqual([
        'ann@activity.example',
        'cid@activity.example',
      ]);
      const notOpened = await api
        .http()
        .get(`/launches/${launchId}/prospects?opened=false`)
        .set(partnerA())
        .expect(200);
      expect(notOpened.body).toMatchObject({ total: 1, items: [{ email: 'bob@activity.example' }] });
      const exited = await api
        .http()
        .get(`/launches/${launchId}/prospects?status=exited&limit=1`)
        .set(partnerA())
        .expect(200);
      expect(exited.body).toMatchObject({ total: 2, limit: 1 });
      const bad = await api
        .http()
        .get(`/launches/${launchId}/prospects?clicked=Not%20a%20link&opened=maybe`)
        .set(partnerA())
        .expect(400);
      expect(bad.body.errors.map((e: { path: string }) => e.path).sort()).toEqual(['clicked', 'opened']);
    });

    it('exports the list as formula-safe CSV, with the same filters', async () => {
      const all = await api
        .http()
        .get(`/launches/${launchId}/prospects/export`)
        .set(partnerA())
        .expect(200)
        .expect('Content-Type', 'text/csv; charset=utf-8');
      expect(all.headers['content-disposition']).toBe(`attachment; filename="launch-${launchId}-prospects.csv"`);
      const rows = parse<Record<string, string>>(all.text, { columns: true });
      expect(rows.map((r) => r.email).sort()).toEqual([
        'ann@activity.example',
        'bob@activity.example',
        'cid@activity.example',
      ]);
      const ann = rows.find((r) => r.email === 'ann@activity.example')!;
      expect(ann).toMatchObject({
        company: `'=HYPERLINK("http://evil.example")`,
        status: 'exited',
        clicked_links: 'pricing trial',
        exit_reason: 'clicked',
      });
      const clicked = parse<Record<string, string>>(
        (await api.http().get(`/launches/${launchId}/prospects/export?clicked=case_study`).set(partnerA()).expect(200))
          .text,
        { columns: true },
      );
      expect(clicked.map((r) => r.email)).toEqual(['cid@activity.example']);
    });

    it("keeps the lists of people to those who may see the partner's contacts", async () => {
      const vendor = as(demo.tokens.marketer);
      await api.http().get(`/launches/${launchId}/prospects`).set(vendor).expect(200);
      await api
        .http()
        .put(`/partners/${demo.partners[0].partnerId}/contacts-privacy`)
        .set(partnerA())
        .send({ contactsPrivate: true })
        .expect(200);
      try {
        for (const path of ['prospects', 'prospects/export', 'enrollments'])
          await api.http().get(`/launches/${launchId}/${path}`).set(vendor).expect(404);
        // Counts name nobody: the vendor still sees them.
        await api.http().get(`/launches/${launchId}/due-days`).set(vendor).expect(200);
      } finally {
        await api
          .http()
          .put(`/partners/${demo.partners[0].partnerId}/contacts-privacy`)
          .set(partnerA())
          .send({ contactsPrivate: false })
          .expect(200);
      }
      const other = as(demo.partners[1].token);
      for (const path of ['prospects', 'prospects/export', 'enrollments', 'due-days'])
        await api.http().get(`/launches/${launchId}/${path}`).set(other).expect(404);
    });
  });
});
