import { ManualClock } from '@tcma/clock';
import { SweepService } from '@tcma/nurture';
import { QueueName } from '@tcma/queue';
import { EventsRepository } from '@tcma/tracking';
import { dkimVerify } from 'mailauth/lib/dkim/verify';
import { generateKeyPairSync } from 'node:crypto';
import { PartnerScope } from '@tcma/persistence';
import { authorDemoCampaign } from '../factories/demo-campaign.factory';
import { TenantFactory, TestPartner, TestVendor } from '../factories/tenant.factory';
import { ApiHarness, startApi } from '../support/api-harness';
import { eventually } from '../support/processes';
import { waitForQueueIdle } from '../support/queues';
import { SmtpSink } from '../support/smtp-sink';
import { startWorker, WorkerHarness } from '../support/worker-harness';
import { TestDb, testDb } from '../support/db';

/** Monday 23 November 2026, 10:00 in Warsaw. */
const START = new Date('2026-11-23T09:00:00Z');
const SLOT_VALUES = {
  company_name: 'Partner Ltd',
  email: 'hello@partner.example',
  website: 'https://partner.example',
  address: '1 Main St, Springfield',
};

describe('what each SMTP answer and each launch action does', () => {
  const clock = new ManualClock(START);
  const sink = new SmtpSink();
  let api: ApiHarness;
  let worker: WorkerHarness;
  let db: TestDb;
  let vendor: TestVendor;
  const as = (token: string) => ({ Authorization: `Bearer ${token}` });
  const env = { SEND_RETRY_BASE_MS: '50', QUEUE_HORIZON_MS: '1000' };

  beforeAll(async () => {
    await sink.start();
    api = await startApi({ clock, env });
    worker = await startWorker({ roles: 'send,enroll', clock, env });
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
    await api?.close();
    await sink.stop();
  });

  const launchFor = async (partner: TestPartner, campaignId: string, emails: string[]): Promise<string> => {
    for (const email of emails)
      await api
        .http()
        .post(`/partners/${partner.partnerId}/prospects`)
        .set(as(partner.token))
        .send({ email })
        .expect(201);
    const res = await api
      .http()
      .post('/launches')
      .set(as(partner.token))
      .send({ campaignId, audience: { type: 'all' }, slotValues: SLOT_VALUES })
      .expect(202);
    await eventually(
      async () =>
        (await api.http().get(`/launches/${res.body.id}`).set(as(partner.token))).body.status === 'active'
          ? true
          : undefined,
      'enrollment',
    );
    return res.body.id;
  };
  const run = async () => {
    await worker.app.get(SweepService).sweep();
    await waitForQueueIdle(worker.app, QueueName.Send);
  };
  const received = (email: string) => sink.messages.filter((m) => m.to.includes(email));
  const ledger = (launchId: string, email: string) =>
    db.query<Array<{ step: number; status: string; attempts: number }>>(
      'SELECT s.step, s.status, s.attempts FROM sends s JOIN prospects p ON p.id = s.prospect_id WHERE s.launch_id = $1 AND p.email = $2 ORDER BY s.step',
      [launchId, email],
    );
  const enrollment = async (launchId: string, email: string) =>
    (
      await db.query<
        Array<{ status: string; exit_reason: string | null; next_step: number; next_due_at: Date | null }>
      >(
        'SELECT e.status, e.exit_reason, e.next_step, e.next_due_at FROM enrollments e JOIN prospects p ON p.id = e.prospect_id WHERE e.launch_id = $1 AND p.email = $2',
        [launchId, email],
      )
    )[0];

  it('bounces on 5xx, retries 4xx, never resends what a broken connection may have delivered, and checks suppression before each send', async () => {
    const partner = await new TenantFactory(api).partner(vendor);
    const { campaignId } = await authorDemoCampaign(api, vendor.marketerToken, { immediate: true, name: 'Outcomes' });
    const refusedFor = new Map<string, number>();
    let dropped = 0;
    sink.behaviour = {
      rcpt: (address) => {
        if (address === 'gone@prospect.example') return { code: 550, message: 'No such user' };
        const n = refusedFor.get(address) ?? 0;
        if (address === 'busy@prospect.example' && n < 2) {
          refusedFor.set(address, n + 1);
          return { code: 451, message: 'Try again later' };
        }
        return undefined;
      },
      dropDuringData: (session) =>
        session.envelope.rcptTo.some((r) => r.address === 'flaky@prospect.example') && dropped++ === 0,
    };
    const launchId = await launchFor(partner, campaignId, [
      'ok@prospect.example',
      'gone@prospect.example',
      'busy@prospect.example',
      'flaky@prospect.example',
      'blocked@prospect.example',
    ]);
    // Suppressed after enrolling, before the first send.
    await api
      .http()
      .post('/suppressions')
      .set(as(partner.token))
      .send({ email: 'Blocked@Prospect.example' })
      .expect(201);
    await run();

    expect(received('ok@prospect.example')).toHaveLength(3);
    expect(await ledger(launchId, 'ok@prospect.example')).toEqual(
      [0, 1, 2].map((step) => ({ step, status: 'sent', attempts: 1 })),
    );

    expect(received('gone@prospect.example')).toHaveLength(0);
    expect(await ledger(launchId, 'gone@prospect.example')).toEqual([{ step: 0, status: 'bounced', attempts: 1 }]);
    expect(await enrollment(launchId, 'gone@prospect.example')).toMatchObject({
      status: 'exited',
      exit_reason: 'bounced',
    });
    const suppressions = (await api.http().get('/suppressions').set(as(partner.token)).expect(200)).body
      .items as Array<{ email: string; reason: string; partnerId: string }>;
    expect(suppressions).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ email: 'gone@prospect.example', reason: 'bounced', partnerId: partner.partnerId }),
      ]),
    );

    expect(received('busy@prospect.example')).toHaveLength(3);
    expect(await ledger(launchId, 'busy@prospect.example')).toEqual([
      { step: 0, status: 'sent', attempts: 3 },
      { step: 1, status: 'sent', attempts: 1 },
      { step: 2, status: 'sent', attempts: 1 },
    ]);

    // The first message's connection broke during DATA: counted uncertain, not sent again; the sequence goes on.
    expect(dropped).toBeGreaterThan(0);
    expect(await ledger(launchId, 'flaky@prospect.example')).toEqual([
      { step: 0, status: 'uncertain', attempts: 1 },
      { step: 1, status: 'sent', attempts: 1 },
      { step: 2, status: 'sent', attempts: 1 },
    ]);
    // The server may or may not have kept the interrupted copy; it never gets a second one.
    const flakySends = await db.query<Array<{ id: string; step: number }>>(
      'SELECT s.id::text, s.step FROM sends s JOIN prospects p ON p.id = s.prospect_id WHERE s.launch_id = $1 AND p.email = $2 ORDER BY s.step',
      [launchId, 'flaky@prospect.example'],
    );
    const copies = flakySends.map((f) => received('flaky@prospect.example').filter((m) => m.sendId === f.id).length);
    expect(copies[0]).toBeLessThanOrEqual(1);
    expect(copies.slice(1)).toEqual([1, 1]);

    expect(received('blocked@prospect.example')).toHaveLength(0);
    expect(await ledger(launchId, 'blocked@prospect.example')).toEqual([
      { step: 0, status: 'suppressed', attempts: 0 },
    ]);
    expect(await enrollment(launchId, 'blocked@prospect.example')).toMatchObject({
      status: 'exited',
      exit_reason: 'suppressed',
    });

    const stats = (await api.http().get(`/launches/${launchId}`).set(as(partner.token)).expect(200)).body.stats;
    expect(stats.sends).toEqual({ sent: 8, bounced: 1, uncertain: 1, suppressed: 1 });
    expect(
      sink.messages.filter(
        (m) => m.to[0].endsWith('@prospect.example') && ['ok', 'busy', 'flaky'].includes(m.to[0].split('@')[0]),
      ).length,
    ).toBe(8 + copies[0]);
    sink.behaviour = {};
  });

  it('pauses without losing a step, resumes without repeating one, moves a late step to its next window, and cancels for good', async () => {
    clock.set(START);
    const partner = await new TenantFactory(api).partner(vendor, { timezone: 'Europe/Warsaw' });
    const { campaignId } = await authorDemoCampaign(api, vendor.marketerToken, { name: 'Lifecycle' });
    const emails = ['a@prospect.example', 'b@prospect.example', 'c@prospect.example'];
    const launchId = await launchFor(partner, campaignId, emails);
    const count = () => sink.messages.filter((m) => emails.includes(m.to[0])).length;
    await run();
    expect(count()).toBe(3);

    await api.http().post(`/launches/${launchId}/pause`).set(as(partner.token)).expect(200);
    await api.http().post(`/launches/${launchId}/pause`).set(as(partner.token)).expect(409);
    // Step 2 is due Thursday 26 November, 10:00 in Warsaw (09:00 UTC); paused, nothing goes.
    const due = (await enrollment(launchId, 'a@prospect.example')).next_due_at!;
    expect(due.toISOString()).toBe('2026-11-26T09:00:00.000Z');
    clock.set(due);
    await run();
    expect(count()).toBe(3);

    // Resumed a day and a half late, on Friday evening: past MAX_LATENESS_MS (6 h), so not
    // sent at once but at the next open slot of its window, Monday 09:00 in Warsaw.
    clock.set(new Date('2026-11-27T19:00:00Z'));
    await api.http().post(`/launches/${launchId}/resume`).set(as(partner.token)).expect(200);
    await run();
    expect(count()).toBe(3);
    for (const email of emails)
      expect((await enrollment(launchId, email)).next_due_at!.toISOString()).toBe('2026-11-30T08:00:00.000Z');
    clock.set(new Date('2026-11-30T08:00:00Z'));
    await run();
    expect(count()).toBe(6);
    for (const email of emails)
      expect((await ledger(launchId, email)).map((l) => [l.step, l.status])).toEqual([
        [0, 'sent'],
        [1, 'sent'],
      ]);

    await api.http().post(`/launches/${launchId}/cancel`).set(as(partner.token)).expect(200);
    clock.set(new Date('2026-12-08T12:00:00Z'));
    await run();
    expect(count()).toBe(6);
    for (const email of emails)
      expect(await enrollment(launchId, email)).toMatchObject({ status: 'cancelled', next_due_at: null });
    await api.http().post(`/launches/${launchId}/resume`).set(as(partner.token)).expect(409);
  });

  it("signs with the partner's DKIM key when one is configured (the signature verifies), and never shows the key again", async () => {
    clock.set(START);
    const partner = await new TenantFactory(api).partner(vendor);
    const { privateKey, publicKey } = generateKeyPairSync('rsa', {
      modulusLength: 2048,
      privateKeyEncoding: { type: 'pkcs8', format: 'pem' },
      publicKeyEncoding: { type: 'spki', format: 'der' },
    });
    // The partner's DNS, as a receiving server would query it.
    const dns = { 'tcma._domainkey.partner.example': `v=DKIM1; k=rsa; p=${publicKey.toString('base64')}` };
    const resolver = (name: string, type: string) => {
      const record = type === 'TXT' ? dns[name as keyof typeof dns] : undefined;
      return record
        ? Promise.resolve([[record]])
        : Promise.reject(Object.assign(new Error(`queryTxt ENOTFOUND ${name}`), { code: 'ENOTFOUND' }));
    };
    const saved = await api
      .http()
      .put(`/partners/${partner.partnerId}/sending`)
      .set(as(vendor.adminToken))
      .send({ smtpUrl: sink.url, dkim: { domain: 'partner.example', selector: 'tcma', privateKey } })
      .expect(200);
    expect(JSON.stringify(saved.body)).not.toContain('PRIVATE KEY');
    const { campaignId } = await authorDemoCampaign(api, vendor.marketerToken, { immediate: true, name: 'Signed' });
    await launchFor(partner, campaignId, ['signed@prospect.example']);
    await run();
    const messages = received('signed@prospect.example');
    expect(messages).toHaveLength(3);
    for (const m of messages) {
      const head = m.raw
        .toString('utf8')
        .split(/\r?\n\r?\n/)[0]
        .replace(/\r?\n[ \t]+/g, ' ');
      const dkim = /^DKIM-Signature: (.+)$/m.exec(head)?.[1] ?? '';
      expect(dkim).toMatch(/\bd=partner\.example;/);
      expect(dkim).toMatch(/\bs=tcma;/);
      expect(dkim).toMatch(/\bbh=[A-Za-z0-9+/=]{44};/);
      // One-click unsubscribe counts only when both List-Unsubscribe headers are signed (RFC 8058 §4).
      const signed = (/\bh=([^;]+);/.exec(dkim)?.[1] ?? '')
        .toLowerCase()
        .split(':')
        .map((h) => h.trim());
      expect(signed).toEqual(expect.arrayContaining(['from', 'subject', 'list-unsubscribe', 'list-unsubscribe-post']));
      // Verified as a receiving server would: the public key from DNS, the message as it arrived.
      const verified = await dkimVerify(m.raw, { resolver });
      expect(verified.results.map((r) => [r.signingDomain, r.status.result])).toEqual([['partner.example', 'pass']]);
      // And a changed subject breaks it: the check above can fail.
      const tampered = m.raw.toString('latin1').replace(/^Subject: /m, 'Subject: Re: ');
      expect(tampered).not.toBe(m.raw.toString('latin1'));
      expect((await dkimVerify(Buffer.from(tampered, 'latin1'), { resolver })).results[0].status.result).toBe('fail');
    }
  });

  it('checks the exit rules once more immediately before sending', async () => {
    clock.set(START);
    const partner = await new TenantFactory(api).partner(vendor);
    const { campaignId } = await authorDemoCampaign(api, vendor.marketerToken, { immediate: true, name: 'Last word' });
    const launchId = await launchFor(partner, campaignId, ['converted@prospect.example']);
    // A conversion on record whose eager exit never happened (as if it landed mid-send).
    const [{ id: prospectId }] = await db.query<Array<{ id: string }>>(
      "SELECT id::text FROM prospects WHERE email = 'converted@prospect.example' AND partner_id = $1",
      [partner.partnerId],
    );
    expect(
      await api.app
        .get(EventsRepository)
        .recordConversions(new PartnerScope(vendor.vendorId, partner.partnerId), prospectId, [launchId], clock.now()),
    ).toEqual([launchId]);
    await run();
    expect(received('converted@prospect.example')).toHaveLength(0);
    expect(await enrollment(launchId, 'converted@prospect.example')).toMatchObject({
      status: 'exited',
      exit_reason: 'converted',
    });
  });
});
