import { ManualClock } from '@tcma/clock';
import { EngagementService } from '@tcma/engagement';
import { EventPartitionsService, HousekeepingService } from '@tcma/housekeeping';
import { addMonths, eventPartitionName, monthOf } from '@tcma/persistence';
import { DemoSeeder, SeededDemo } from '../../apps/cli/src/demo/demo-seeder';
import { ApiHarness, startApi } from '../support/api-harness';
import { testDb } from '../support/db';
import { startWorker, WorkerHarness } from '../support/worker-harness';

const DAY = 86_400_000;

describe('events partitioned by month, with EVENTS_RETENTION_MONTHS', () => {
  let api: ApiHarness;
  let worker: WorkerHarness;
  let demo: SeededDemo;
  let launchId: string;
  const now = new Date();
  const clock = new ManualClock(now);
  const m0 = monthOf(now);
  const db = testDb();

  const partitions = async () =>
    (
      await db.query<Array<{ name: string }>>(
        `SELECT c.relname AS name FROM pg_inherits i JOIN pg_class c ON c.oid = i.inhrelid WHERE i.inhparent = 'events'::regclass ORDER BY 1`,
      )
    ).map((r) => r.name);
  const countIn = async (table: string) =>
    Number((await db.query<Array<{ n: string }>>(`SELECT count(*) AS n FROM event_partitions.${table}`))[0].n);
  const funnel = async () =>
    (
      await api
        .http()
        .get('/analytics/funnel')
        .query({ groupBy: 'launch' })
        .set({ Authorization: `Bearer ${demo.tokens.admin}` })
        .expect(200)
    ).body.rows;
  const byDay = async () =>
    (
      await api
        .http()
        .get('/analytics/funnel')
        .query({ groupBy: 'day' })
        .set({ Authorization: `Bearer ${demo.tokens.admin}` })
        .expect(200)
    ).body.rows;
  /** Raw events of the launch, not judged yet, as the engine writes them. */
  const insertEvents = async (at: Date, types: string[]) => {
    for (const [i, type] of types.entries()) {
      await db.query(
        `INSERT INTO events (type, occurred_at, vendor_id, partner_id, launch_id, prospect_id, step) VALUES ($1, $2, $3, $4, $5, $6, 0)`,
        [type, at, demo.vendorId, demo.partners[0].partnerId, launchId, 1000 + i],
      );
    }
  };

  beforeAll(async () => {
    api = await startApi();
    // No track role: the test judges events itself, when it chooses.
    worker = await startWorker({ roles: 'render', clock, env: { EVENTS_RETENTION_MONTHS: '2' } });
    demo = await new DemoSeeder(api.app).seed();
    const [{ id: versionId }] = await db.query('SELECT id FROM campaign_versions WHERE campaign_id = $1', [
      demo.campaignId,
    ]);
    [{ id: launchId }] = await db.query(
      `INSERT INTO launches (vendor_id, partner_id, campaign_id, campaign_version_id, version, audience, start_at, timezone, status) VALUES ($1, $2, $3, $4, 1, '{"type":"all"}', $5, 'Europe/Warsaw', 'active') RETURNING id`,
      [demo.vendorId, demo.partners[0].partnerId, demo.campaignId, versionId, addMonths(m0, -10)],
    );
  }, 120_000);
  afterAll(async () => {
    await worker?.close();
    await api?.close();
  });

  it('keys events by (id, occurred_at), partitions the month ahead, and catches stray dates in a default partition', async () => {
    const [pk] = await db.query<Array<{ def: string }>>(
      `SELECT pg_get_constraintdef(oid) AS def FROM pg_constraint WHERE conrelid = 'events'::regclass AND contype = 'p'`,
    );
    expect(pk.def).toBe('PRIMARY KEY (id, occurred_at)');
    expect(await db.query(`SELECT conname FROM pg_constraint WHERE confrelid = 'events'::regclass`)).toEqual([]);
    const indexes = (
      await db.query<Array<{ name: string }>>(
        `SELECT indexrelid::regclass::text AS name FROM pg_index WHERE indrelid = 'events'::regclass ORDER BY 1`,
      )
    ).map((r) => r.name);
    expect(indexes).toEqual([
      'events_conversions_idx',
      'events_engagement_idx',
      'events_pkey',
      'events_unprocessed_idx',
    ]);
    expect(await partitions()).toEqual(
      expect.arrayContaining(['events_default', ...[0, 1, 2, 3].map((n) => eventPartitionName(addMonths(m0, n)))]),
    );
  });

  it('drops months past the retention once their events are judged; the funnels keep their totals, recent events stay', async () => {
    const at = (month: number, days: number) =>
      new Date(Math.min(addMonths(m0, month).getTime() + days * DAY, now.getTime() - 60_000));
    await insertEvents(at(-5, 3), ['sent', 'accepted', 'accepted', 'bounced']);
    await insertEvents(at(-4, 10), ['sent', 'accepted', 'unsubscribed']);
    await insertEvents(at(-1, 20), ['sent', 'accepted']);
    await insertEvents(at(0, 0), ['sent', 'bounced']);
    await insertEvents(at(-9, 1), ['accepted']);
    // Months before the engine's partitions sit in the default partition until a partition for them exists: then they move in.
    expect(await countIn('events_default')).toBe(10);
    const housekeeping = worker.app.get(HousekeepingService);
    expect(await worker.app.get(EventPartitionsService).ensure(addMonths(m0, -5), m0)).toEqual(
      [-5, -4, -3, -2, -1].map((n) => eventPartitionName(addMonths(m0, n))),
    );
    expect(await countIn(eventPartitionName(addMonths(m0, -5)))).toBe(4);
    expect(await countIn(eventPartitionName(addMonths(m0, -4)))).toBe(3);
    expect(await countIn('events_default')).toBe(1);

    // Not judged yet: their rollups are not final, so the old months wait; an empty old month goes.
    const first = (await housekeeping.run()).events;
    expect(first.dropped).toEqual([eventPartitionName(addMonths(m0, -3))]);
    expect(first.waiting).toEqual([-5, -4].map((n) => eventPartitionName(addMonths(m0, n))));
    expect(first.strays).toBe(0);

    expect((await worker.app.get(EngagementService).process(clock.now())).judged).toBe(12);
    const totals = await funnel();
    expect(totals).toEqual([expect.objectContaining({ launchId, sent: 11, accepted: 5, bounced: 2, unsubscribed: 1 })]);
    const days = await byDay();

    const second = (await housekeeping.run()).events;
    expect(second.dropped).toEqual([-5, -4].map((n) => eventPartitionName(addMonths(m0, n))));
    expect(second.strays).toBe(1);
    expect(Number((await db.query<Array<{ n: string }>>('SELECT count(*) AS n FROM events'))[0].n)).toBe(4);
    expect(await funnel()).toEqual(totals);
    expect(await byDay()).toEqual(days);
    expect(await partitions()).not.toContain(eventPartitionName(addMonths(m0, -5)));

    // Three months on: partitions ahead are made as time passes, and what is now past the retention goes.
    clock.set(addMonths(m0, 3).getTime() + 2 * DAY);
    const later = (await housekeeping.run()).events;
    expect(later.created).toEqual([4, 5, 6].map((n) => eventPartitionName(addMonths(m0, n))));
    expect(later.dropped).toEqual([-2, -1, 0].map((n) => eventPartitionName(addMonths(m0, n))));
    expect(Number((await db.query<Array<{ n: string }>>('SELECT count(*) AS n FROM events'))[0].n)).toBe(0);
    expect(await funnel()).toEqual(totals);
    expect(await byDay()).toEqual(days);
  });
});
