import { ManualClock } from '@tcma/clock';
import { EngagementService } from '@tcma/engagement';
import { SendStepService, SweepService } from '@tcma/nurture';
// The ledger is nurture's own: this test reaches past the barrel to stage a dead worker's send.
import { SendLedgerRepository } from '../../libs/nurture/src/send-ledger.repository';
import { authorDemoCampaign } from '../factories/demo-campaign.factory';
import { TenantFactory, TestPartner, TestVendor } from '../factories/tenant.factory';
import { ApiHarness, startApi } from '../support/api-harness';
import { TestDb, testDb } from '../support/db';
import { eventually } from '../support/processes';
import { SmtpSink } from '../support/smtp-sink';
import { startWorker, WorkerHarness } from '../support/worker-harness';

/** Monday 23 November 2026, 10:00 in Warsaw. */
const START = new Date('2026-11-23T09:00:00Z');
const SLOT_VALUES = {
  company_name: 'Partner Ltd',
  email: 'hello@partner.example',
  website: 'https://partner.example',
  address: '1 Main St, Springfield',
};
/** A worker that died after handing a message to SMTP: its row is there, its last heartbeat long ago. */
const DEAD_WORKER = 'gone-host:4242:dead01';

/**
 * The send path when a part of it fails: a database error for one step, or for one read of a
 * campaign version, costs that step a retry and nothing more; a send a dead worker left handed
 * over counts in the funnel exactly as one found uncertain live. No worker here has the send
 * role: the tests run the send path themselves, step by step, against the real database, Redis
 * and SMTP server, in a worker of its own that has read no campaign version yet (as a send
 * worker just started; the enrolling worker reads each version it enrolls for).
 */
describe('the send path when a part of it fails', () => {
  const clock = new ManualClock(START);
  const sink = new SmtpSink();
  let api: ApiHarness;
  let enroller: WorkerHarness;
  let worker: WorkerHarness;
  let db: TestDb;
  let vendor: TestVendor;
  const as = (token: string) => ({ Authorization: `Bearer ${token}` });
  const env = { QUEUE_HORIZON_MS: '1000', WORKER_HEARTBEAT_SECONDS: '1' };

  beforeAll(async () => {
    await sink.start();
    api = await startApi({ clock, env });
    enroller = await startWorker({ roles: 'enroll', clock, env });
    // Its only queue (webhooks) stays empty here.
    worker = await startWorker({ roles: 'webhook', clock, env });
    db = testDb();
    vendor = await new TenantFactory(api).vendor();
    await api
      .http()
      .put('/sending')
      .set(as(vendor.adminToken))
      .send({ smtpUrl: sink.url, ratePerSecond: 100_000 })
      .expect(200);
  }, 120_000);

  afterAll(async () => {
    await worker?.close();
    await enroller?.close();
    await api?.close();
    await sink.stop();
  });

  /** A new campaign (a version no send has read yet) launched for these prospects; their enrollment ids by email. */
  const launch = async (
    name: string,
    emails: string[],
  ): Promise<{ partner: TestPartner; launchId: string; enrollments: Map<string, string> }> => {
    const partner = await new TenantFactory(api).partner(vendor);
    const { campaignId } = await authorDemoCampaign(api, vendor.marketerToken, { immediate: true, name });
    for (const email of emails)
      await api
        .http()
        .post(`/partners/${partner.partnerId}/prospects`)
        .set(as(partner.token))
        .send({ email })
        .expect(201);
    const launchId: string = (
      await api
        .http()
        .post('/launches')
        .set(as(partner.token))
        .send({ campaignId, audience: { type: 'all' }, slotValues: SLOT_VALUES })
        .expect(202)
    ).body.id;
    await eventually(
      async () =>
        (await api.http().get(`/launches/${launchId}`).set(as(partner.token))).body.status === 'active'
          ? true
          : undefined,
      'enrollment',
    );
    const rows: Array<{ id: string; email: string }> = await db.query(
      'SELECT e.id::text, p.email FROM enrollments e JOIN prospects p ON p.id = e.prospect_id WHERE e.launch_id = $1',
      [launchId],
    );
    return { partner, launchId, enrollments: new Map(rows.map((r) => [r.email, r.id])) };
  };
  const sendSteps = (...enrollmentIds: string[]) =>
    worker.app.get(SendStepService).executeMany(enrollmentIds.map((enrollmentId) => ({ enrollmentId, step: 0 })));
  const received = (email: string) => sink.messages.filter((m) => m.to.includes(email));
  /** Claims step 0 of an enrollment in the ledger as `claimant`, as the send path does (a five-minute lease). */
  const claimStep = async (enrollmentId: string, claimant: string) => {
    const [step] = await db.query(
      'SELECT e.id::text AS enrollment_id, e.launch_id, e.partner_id, e.vendor_id, e.prospect_id::text, e.next_due_at FROM enrollments e WHERE e.id = $1',
      [enrollmentId],
    );
    const now = clock.now();
    const [claim] = await worker.app.get(SendLedgerRepository).claimManyForSystem([
      {
        enrollmentId: step.enrollment_id,
        step: 0,
        launchId: step.launch_id,
        partnerId: step.partner_id,
        vendorId: step.vendor_id,
        language: 'en',
        prospectId: step.prospect_id,
        due: step.next_due_at,
        worker: claimant,
        now,
        leaseUntil: new Date(now.getTime() + 300_000),
      },
    ]);
    return claim;
  };

  it('a database error for one read of a campaign version fails that step only: later sends of the version read it again and go out', async () => {
    const { enrollments } = await launch('Version read fails once', [
      'first@prospect.example',
      'second@prospect.example',
    ]);
    const first = enrollments.get('first@prospect.example')!;
    const second = enrollments.get('second@prospect.example')!;
    // The version's table is away for one send: Postgres answers its read with an error.
    await db.query('ALTER TABLE campaign_versions RENAME TO campaign_versions_away');
    let failed;
    try {
      failed = await sendSteps(first);
    } finally {
      await db.query('ALTER TABLE campaign_versions_away RENAME TO campaign_versions');
    }
    expect(failed).toEqual([{ kind: 'later', ms: 10_000, why: 'error' }]);
    expect(received('first@prospect.example')).toHaveLength(0);
    // The failed read was not kept: the same version is read again for the next sends.
    const outcomes = await sendSteps(first, second);
    expect(outcomes.map((o) => o.kind)).toEqual(['sent', 'sent']);
    expect(received('first@prospect.example')).toHaveLength(1);
    expect(received('second@prospect.example')).toHaveLength(1);
  });

  it('a step of a job that the database refuses fails on its own: the other steps of the job are sent', async () => {
    const { launchId, enrollments } = await launch('One step refused', [
      'a@prospect.example',
      'b@prospect.example',
      'c@prospect.example',
    ]);
    const ids = ['a', 'b', 'c'].map((p) => enrollments.get(`${p}@prospect.example`)!);
    // A job naming an enrollment that is no bigint (a malformed or foreign job): its read fails
    // in Postgres, in the same statement as the reads of the job's other steps.
    const outcomes = await sendSteps(ids[0], 'not-an-enrollment', ids[1], ids[2]);
    expect(outcomes.map((o) => o.kind)).toEqual(['sent', 'later', 'sent', 'sent']);
    expect(outcomes[1]).toEqual({ kind: 'later', ms: 10_000, why: 'error' });
    for (const p of ['a', 'b', 'c']) expect(received(`${p}@prospect.example`)).toHaveLength(1);
    const sends: Array<{ status: string; n: number }> = await db.query(
      'SELECT status, count(*)::int AS n FROM sends WHERE launch_id = $1 GROUP BY status',
      [launchId],
    );
    expect(sends).toEqual([{ status: 'sent', n: 3 }]);
  });

  it('a send recovered as uncertain after its worker died counts in the funnel exactly as one found uncertain live', async () => {
    const { partner, launchId, enrollments } = await launch('Uncertain both ways', [
      'live@prospect.example',
      'recovered@prospect.example',
    ]);

    // Live: the connection breaks while the message is transferred.
    sink.behaviour = {
      dropDuringData: (session) => session.envelope.rcptTo.some((r) => r.address === 'live@prospect.example'),
    };
    try {
      expect((await sendSteps(enrollments.get('live@prospect.example')!)).map((o) => o.kind)).toEqual(['uncertain']);
    } finally {
      sink.behaviour = {};
    }

    // Recovered: a worker claimed the step and handed it to SMTP, then died (its heartbeat is an hour old).
    await db.query(
      "INSERT INTO workers (id, hostname, pid, roles, beat_at) VALUES ($1, 'gone-host', 4242, '{send}', now() - interval '1 hour')",
      [DEAD_WORKER],
    );
    const ledger = worker.app.get(SendLedgerRepository);
    const now = clock.now();
    const claim = await claimStep(enrollments.get('recovered@prospect.example')!, DEAD_WORKER);
    expect(claim.claimed).toBe(true);
    expect(
      await ledger.markHandedManyForSystem([
        { sendId: claim.sendId, worker: DEAD_WORKER, now, leaseUntil: new Date(now.getTime() + 300_000) },
      ]),
    ).toEqual([true]);

    // The sweep judges others dead once it has itself been up for two heartbeats (2 s here).
    const sweep = worker.app.get(SweepService);
    await eventually(
      async () => ((await sweep.sweep()).abandoned > 0 ? true : undefined),
      'the sweep to recover the dead worker’s send',
      20_000,
    );

    const sends: Array<{ email: string; id: string; status: string; attempts: number }> = await db.query(
      'SELECT p.email, s.id::text, s.status, s.attempts FROM sends s JOIN prospects p ON p.id = s.prospect_id WHERE s.launch_id = $1 ORDER BY p.email',
      [launchId],
    );
    expect(sends.map((s) => [s.email, s.status, s.attempts])).toEqual([
      ['live@prospect.example', 'uncertain', 1],
      ['recovered@prospect.example', 'uncertain', 1],
    ]);
    // One funnel event each, the same event: "sent" (handed over, outcome unknown), for the same step.
    const events: Array<{
      send_id: string;
      type: string;
      step: number;
      launch_id: string;
      partner_id: string;
      vendor_id: string;
      prospect: boolean;
    }> = await db.query(
      'SELECT send_id::text, type, step, launch_id, partner_id, vendor_id, prospect_id IS NOT NULL AS prospect FROM events WHERE launch_id = $1 ORDER BY send_id',
      [launchId],
    );
    const shape = (e: (typeof events)[number]) => ({
      type: e.type,
      step: e.step,
      launch_id: e.launch_id,
      partner_id: e.partner_id,
      vendor_id: e.vendor_id,
      prospect: e.prospect,
    });
    expect(events.map((e) => e.send_id).sort()).toEqual(sends.map((s) => s.id).sort());
    expect(shape(events[1])).toEqual(shape(events[0]));
    expect(shape(events[0])).toEqual({
      type: 'sent',
      step: 0,
      launch_id: launchId,
      partner_id: partner.partnerId,
      vendor_id: vendor.vendorId,
      prospect: true,
    });
    // Both enrollments moved on to the next step.
    const next: Array<{ next_step: number; status: string }> = await db.query(
      'SELECT next_step, status FROM enrollments WHERE launch_id = $1',
      [launchId],
    );
    expect(next).toEqual([
      { next_step: 1, status: 'active' },
      { next_step: 1, status: 'active' },
    ]);

    // And the funnel, once the events are judged, counts both as sent.
    clock.advance(60_000);
    await worker.app.get(EngagementService).process(clock.now());
    const progress = (await api.http().get(`/launches/${launchId}/progress`).set(as(partner.token)).expect(200)).body;
    expect(progress).toMatchObject({ sent: 2, accepted: 0, bounced: 0 });
    expect(progress.steps[0]).toMatchObject({ step: 1, sent: 2, accepted: 0 });
  });

  it('two jobs of one step, claimed apart by one worker and handed over in one statement: only one of them may send', async () => {
    // After a worker dies, its stalled job and the sweep's requeue of the same step can both
    // reach one worker: each claims the step (a worker's own claim is claimed again) and, when
    // connections free up together, both handovers go in one statement.
    const { enrollments } = await launch('One step, two jobs', ['twice@prospect.example', 'next@prospect.example']);
    const ledger = worker.app.get(SendLedgerRepository);
    const WORKER = 'this-host:1:twice1';
    const now = clock.now();
    const claimOf = (email: string) => claimStep(enrollments.get(email)!, WORKER);
    const first = await claimOf('twice@prospect.example');
    const second = await claimOf('twice@prospect.example');
    expect([first.claimed, second.claimed]).toEqual([true, true]);
    expect(second.sendId).toBe(first.sendId);
    const hand = { sendId: first.sendId, worker: WORKER, now, leaseUntil: new Date(now.getTime() + 300_000) };
    // Alone in their statement, and beside another send's handover and an outcome.
    expect(await ledger.settleForSystem([hand, hand], [])).toEqual({ handed: [true, false], moved: [] });
    const other = await claimOf('next@prospect.example');
    const again = await claimOf('next@prospect.example');
    expect(again.claimed).toBe(true);
    const handOther = { ...hand, sendId: other.sendId };
    const { handed } = await ledger.settleForSystem(
      [handOther, handOther],
      [
        {
          sendId: first.sendId,
          outcome: 'sent',
          at: now,
          messageId: null,
          response: null,
          enrollmentId: enrollments.get('twice@prospect.example')!,
          step: 0,
          to: { nextStep: 1, nextDueAt: null, status: 'active', queuedAt: null },
        },
      ],
    );
    expect(handed).toEqual([true, false]);
  });
});
