import { ManualClock } from '@tcma/clock';
import { EngagementService } from '@tcma/engagement';
import { SweepService } from '@tcma/nurture';
import { QueueName } from '@tcma/queue';
import { DemoSeeder, SeededDemo } from '../../apps/cli/src/demo/demo-seeder';
import { ApiHarness, startApi } from '../support/api-harness';
import { eventually } from '../support/processes';
import { waitForQueueIdle } from '../support/queues';
import { startWorker, WorkerHarness } from '../support/worker-harness';

/** "My launches": a launch's progress in all, per step and per day, from the analytics rollups. */
describe('launch progress', () => {
  // Monday 23 November 2026, 10:00 in Warsaw: inside the demo's first-step window.
  const clock = new ManualClock(new Date('2026-11-23T09:00:00Z'));
  const env = { QUEUE_HORIZON_MS: '1000' };
  let api: ApiHarness;
  let worker: WorkerHarness;
  let demo: SeededDemo;
  let launchId: string;
  const as = (token: string) => ({ Authorization: `Bearer ${token}` });

  beforeAll(async () => {
    api = await startApi({ clock, env });
    worker = await startWorker({ roles: 'send,enroll', clock, env });
    demo = await new DemoSeeder(api.app).seed();
    const [partner] = demo.partners;
    for (const e of ['a', 'b', 'c'])
      await api
        .http()
        .post(`/partners/${partner.partnerId}/prospects`)
        .set(as(partner.token))
        .send({ email: `${e}@progress.example`, timezone: 'Europe/Warsaw' })
        .expect(201);
    launchId = (
      await api
        .http()
        .post('/launches')
        .set(as(partner.token))
        .send({ campaignId: demo.campaignId, audience: { type: 'all' } })
        .expect(202)
    ).body.id;
    await eventually(
      async () =>
        (await api.http().get(`/launches/${launchId}`).set(as(partner.token))).body.status === 'active'
          ? true
          : undefined,
      'enrollment',
    );
    await worker.app.get(SweepService).sweep();
    await waitForQueueIdle(worker.app, QueueName.Send);
  }, 120_000);

  afterAll(async () => {
    await worker?.close();
    await api?.close();
  });

  it('counts enrolled, and per step waiting, sent, accepted, opened, clicked and unsubscribed', async () => {
    const [partner] = demo.partners;
    const message = (await api.http().get('/outbox').set(as(partner.token)).expect(200)).body.items.find(
      (m: { to: string[] }) => m.to[0] === 'a@progress.example',
    );
    const raw = (await api.http().get(`/outbox/${message.id}/raw`).set(as(partner.token)).expect(200)).text;
    const unsubscribe = /^List-Unsubscribe: <https?:\/\/[^/]+(\/u\/[^>]+)>/m.exec(raw.replace(/\r?\n[ \t]+/g, ' '))![1];
    await api
      .http()
      .post(unsubscribe)
      .type('form')
      .send('List-Unsubscribe=One-Click')
      .expect((r) => expect(r.status).toBeLessThan(300));
    // Events become funnel counts once judged, a few seconds late (the worker's engagement sweep).
    clock.advance(60_000);
    await worker.app.get(EngagementService).process(clock.now());

    const res = await api.http().get(`/launches/${launchId}/progress`).set(as(partner.token)).expect(200);
    expect(res.body).toMatchObject({
      launchId,
      status: 'active',
      enrolled: 3,
      skippedSuppressed: 0,
      sent: 3,
      accepted: 3,
      bounced: 0,
      opened: 0,
      clicked: 0,
      unsubscribed: 1,
      converted: 0,
    });
    expect(
      res.body.steps.map((s: Record<string, unknown>) => [s.step, s.waiting, s.sent, s.accepted, s.unsubscribed]),
    ).toEqual([
      [1, 0, 3, 3, 1],
      [2, 2, 0, 0, 0],
      [3, 0, 0, 0, 0],
    ]);
    expect(res.body.steps[0]).toEqual(
      expect.objectContaining({ emailAssetId: expect.any(String), name: expect.any(String) }),
    );
    await api.http().get(`/launches/${launchId}/progress`).set(as(demo.tokens.marketer)).expect(200);
  });

  it('lists each launch with its campaign name and its totals so far', async () => {
    const [partner] = demo.partners;
    const campaignName = (await api.http().get(`/campaigns/${demo.campaignId}`).set(as(partner.token)).expect(200)).body
      .name;
    const page = (await api.http().get('/launches').set(as(partner.token)).expect(200)).body;
    expect(page.items).toEqual([
      expect.objectContaining({
        id: launchId,
        campaignName,
        status: 'active',
        enrolled: 3,
        sent: 3,
        accepted: 3,
        opened: 0,
        clicked: 0,
      }),
    ]);
    // Another partner's list holds none of it.
    const other = (await api.http().get('/launches').set(as(demo.partners[1].token)).expect(200)).body;
    expect(other.items.map((l: { id: string }) => l.id)).not.toContain(launchId);
  });

  it('answers the daily trend from the rollups, every day from the start to today, days without events at zero', async () => {
    const [partner] = demo.partners;
    const today = (await api.http().get(`/launches/${launchId}/daily`).set(as(partner.token)).expect(200)).body;
    expect(today).toEqual({
      launchId,
      days: [{ day: '2026-11-23', sent: 3, accepted: 3, opened: 0, clicked: 0, unsubscribed: 1 }],
    });
    // Two days on (nothing swept meanwhile), the running launch's trend reaches today.
    clock.advance(2 * 86_400_000);
    const later = (await api.http().get(`/launches/${launchId}/daily`).set(as(partner.token)).expect(200)).body;
    expect(later.days).toEqual([
      { day: '2026-11-23', sent: 3, accepted: 3, opened: 0, clicked: 0, unsubscribed: 1 },
      { day: '2026-11-24', sent: 0, accepted: 0, opened: 0, clicked: 0, unsubscribed: 0 },
      { day: '2026-11-25', sent: 0, accepted: 0, opened: 0, clicked: 0, unsubscribed: 0 },
    ]);
    await api.http().get(`/launches/${launchId}/daily`).set(as(demo.tokens.marketer)).expect(200);
  });

  it("answers 404 for another partner's launch", async () => {
    await api.http().get(`/launches/${launchId}/progress`).set(as(demo.partners[1].token)).expect(404);
    await api.http().get(`/launches/${launchId}/daily`).set(as(demo.partners[1].token)).expect(404);
    await api.http().get('/launches/not-an-id/progress').set(as(demo.partners[0].token)).expect(404);
  });
});
