import Redis from 'ioredis';
import { DemoSeeder, SeededDemo } from '../../apps/cli/src/demo/demo-seeder';
import { ApiHarness, startApi } from '../support/api-harness';
import { TestDb, testDb } from '../support/db';
import { HubspotStub, startHubspotStub } from '../support/hubspot-stub';
import { eventually, spawnEntry, Spawned } from '../support/processes';

/** A Redis database of its own, so flushing it touches no other test. */
const REDIS_URL = 'redis://127.0.0.1:6379/14';

/**
 * The worker writing a lead to HubSpot is killed with SIGKILL after HubSpot made the contact but
 * before its answer arrived, then Redis loses every queue: the next worker finds the contact by
 * its email instead of making a second, and the lead's note is written once.
 */
describe('CRM hand-off: the worker killed with SIGKILL mid-write, then Redis flushed', () => {
  const redis = new Redis(REDIS_URL);
  let hubspot: HubspotStub;
  let api: ApiHarness;
  let db: TestDb;
  let demo: SeededDemo;
  const workers: Spawned[] = [];
  const startWorker = () => {
    // The built worker (dist), every role, sweeping every second; a call may hang 10 minutes before it gives up.
    const worker = spawnEntry('worker/src/main.js', [], {
      ...hubspot.env(),
      REDIS_URL,
      SWEEP_INTERVAL_SECONDS: '1',
      WORKER_HEARTBEAT_SECONDS: '1',
      CRM_TIMEOUT_MS: '600000',
      LOG_LEVEL: 'error',
    });
    workers.push(worker);
    return worker;
  };

  beforeAll(async () => {
    await redis.flushdb();
    hubspot = await startHubspotStub();
    api = await startApi({ env: { ...hubspot.env(), REDIS_URL } });
    db = testDb();
    demo = await new DemoSeeder(api.app).seed();
    // The partner's HubSpot, connected through OAuth as its browser would.
    const start = await api
      .http()
      .post('/crm-connections/hubspot/start')
      .set({ Authorization: `Bearer ${demo.partners[0].token}` })
      .expect(200);
    const cookie = (start.headers['set-cookie'] as unknown as string[]).find((c) => c.startsWith('tcma_crm='))!;
    const callback = new URL(
      (await fetch(start.body.authorizationUrl, { redirect: 'manual' })).headers.get('location')!,
    );
    await api
      .http()
      .get(callback.pathname + callback.search)
      .set('Cookie', cookie.split(';')[0])
      .expect(302);
  }, 180_000);

  afterAll(async () => {
    for (const w of workers) {
      if (w.child.exitCode === null && w.child.signalCode === null) w.child.kill('SIGTERM');
      await w.exited;
    }
    await api?.close();
    await hubspot?.stop();
    redis.disconnect();
  });

  it('writes the contact and its note once: the next worker searches HubSpot instead of writing again', async () => {
    // HubSpot makes the contact and never answers.
    hubspot.failNext('hang', { path: /^\/crm\/v3\/objects\/contacts$/, when: 'after' });
    const doomed = startWorker();
    const partner = (
      await api
        .http()
        .get(`/partners/${demo.partners[0].partnerId}`)
        .set({ Authorization: `Bearer ${demo.partners[0].token}` })
        .expect(200)
    ).body;
    const campaign = (
      await api
        .http()
        .get(`/campaigns/${demo.campaignId}`)
        .set({ Authorization: `Bearer ${demo.tokens.marketer}` })
        .expect(200)
    ).body;
    await api
      .http()
      .post(`/p/${partner.slug}/${campaign.slug}`)
      .type('form')
      .send({
        email: 'kill@people.example',
        first_name: 'Kim',
        last_name: 'Lee',
        company: 'Lee Ltd',
        consent: 'yes',
        tcma_website: '',
      })
      .expect(200);
    const row = async () =>
      (
        await db.query<
          Array<{ status: string; crm_contact_id: string | null; crm_activity_id: string | null; attempts: number }>
        >(
          `SELECT r.status, r.crm_contact_id, r.crm_activity_id, r.attempts FROM crm_records r
             JOIN leads l ON l.id = r.lead_id JOIN prospects p ON p.id = l.prospect_id WHERE p.email_lower = $1`,
          ['kill@people.example'],
        )
      )[0];
    await eventually(
      async () => hubspot.contacts.length === 1 && (await row())?.status === 'syncing',
      'the contact made and its answer awaited',
      60_000,
    );

    doomed.child.kill('SIGKILL');
    expect((await doomed.exited).signal).toBe('SIGKILL');
    await redis.flushdb();
    startWorker();

    await eventually(async () => (await row()).status === 'written', 'the record settled by the next worker', 90_000);
    const [contact] = hubspot.contacts;
    expect(await row()).toMatchObject({ status: 'written', crm_contact_id: contact.id, attempts: 2 });
    expect(hubspot.contacts).toHaveLength(1);
    expect(hubspot.callsTo(/^\/crm\/v3\/objects\/contacts$/, 'POST')).toHaveLength(1);
    expect(hubspot.callsTo(/^\/crm\/v3\/objects\/contacts\/search$/, 'POST')).toHaveLength(1);
    expect(hubspot.notes.filter((n) => n.contactIds.includes(contact.id))).toHaveLength(1);
  });
});
