import { ManualClock } from '@tcma/clock';
import { SweepService } from '@tcma/nurture';
import { SENDER_CONFIRMATION_TTL_MS } from '@tcma/senders';
import { QueueName } from '@tcma/queue';
import { simpleParser } from 'mailparser';
import { dkimVerify } from 'mailauth/lib/dkim/verify';
import { generateKeyPairSync } from 'node:crypto';
import { authorDemoCampaign } from '../factories/demo-campaign.factory';
import { TenantFactory, TestPartner, TestVendor } from '../factories/tenant.factory';
import { ApiHarness, startApi } from '../support/api-harness';
import { eventually } from '../support/processes';
import { waitForQueueIdle } from '../support/queues';
import { SmtpSink, SunkMessage } from '../support/smtp-sink';
import { startWorker, WorkerHarness } from '../support/worker-harness';

const START = new Date('2026-11-23T09:00:00Z');
const SLOT_VALUES = {
  company_name: 'Partner Ltd',
  email: 'hello@partner.example',
  website: 'https://partner.example',
  address: '1 Main St, Springfield',
};

/** A DKIM key and the DNS a receiving server would query for it. */
function dkimKey(domain: string) {
  const { privateKey, publicKey } = generateKeyPairSync('rsa', {
    modulusLength: 2048,
    privateKeyEncoding: { type: 'pkcs8', format: 'pem' },
    publicKeyEncoding: { type: 'spki', format: 'der' },
  });
  return {
    domain,
    privateKey,
    record: [`tcma._domainkey.${domain}`, `v=DKIM1; k=rsa; p=${publicKey.toString('base64')}`] as const,
  };
}

/**
 * Outside testing found a partner's own From address signed with the vendor's domain (DMARC
 * receivers reject it) and a partner able to send as anyone. A partner sends as itself only
 * once its address is confirmed by a link mailed to it and a DKIM key of its domain signs;
 * until then "Partner via Vendor" with replies to the partner, and the brand kit says why.
 */
describe("a partner's own sender address", () => {
  const clock = new ManualClock(START);
  const sink = new SmtpSink();
  const vendorKey = dkimKey('vendor.example');
  const partnerKey = dkimKey('partner.example');
  const dns = new Map<string, string>([vendorKey.record, partnerKey.record]);
  const resolver = (name: string, type: string) => {
    const record = type === 'TXT' ? dns.get(name) : undefined;
    return record
      ? Promise.resolve([[record]])
      : Promise.reject(Object.assign(new Error(`queryTxt ENOTFOUND ${name}`), { code: 'ENOTFOUND' }));
  };
  let api: ApiHarness;
  let worker: WorkerHarness;
  let vendor: TestVendor;
  let partner: TestPartner;
  let campaignId: string;
  const as = (token: string) => ({ Authorization: `Bearer ${token}` });
  const env = { SEND_RETRY_BASE_MS: '50', QUEUE_HORIZON_MS: '1000' };

  beforeAll(async () => {
    await sink.start();
    api = await startApi({ clock, env });
    worker = await startWorker({ roles: 'send,enroll', clock, env });
    vendor = await new TenantFactory(api).vendor('Vendor');
    await api
      .http()
      .put('/sending')
      .set(as(vendor.adminToken))
      .send({
        smtpUrl: sink.url,
        ratePerSecond: 100_000,
        sendingDomain: 'vendor.example',
        dkim: { domain: 'vendor.example', selector: 'tcma', privateKey: vendorKey.privateKey },
      })
      .expect(200);
    partner = await new TenantFactory(api).partner(vendor, { companyName: 'Partner Ltd' });
    ({ campaignId } = await authorDemoCampaign(api, vendor.marketerToken, { immediate: true, name: 'Sender checks' }));
  }, 120_000);

  afterAll(async () => {
    await worker?.close();
    await api?.close();
    await sink.stop();
  });

  /** Launches the campaign for one new prospect and answers the first email it receives. */
  const firstEmailTo = async (email: string, from = partner): Promise<SunkMessage> => {
    await api.http().post(`/partners/${from.partnerId}/prospects`).set(as(from.token)).send({ email }).expect(201);
    const launch = await api
      .http()
      .post('/launches')
      .set(as(from.token))
      .send({ campaignId, audience: { type: 'all' }, slotValues: SLOT_VALUES })
      .expect(202);
    await eventually(
      async () =>
        (await api.http().get(`/launches/${launch.body.id}`).set(as(from.token))).body.status === 'active'
          ? true
          : undefined,
      'enrollment',
    );
    await worker.app.get(SweepService).sweep();
    await waitForQueueIdle(worker.app, QueueName.Send);
    return eventually(() => Promise.resolve(sink.messages.find((m) => m.to.includes(email))), `an email to ${email}`);
  };
  const signedBy = async (message: SunkMessage) =>
    (await dkimVerify(message.raw, { resolver })).results.map((r) => [r.signingDomain, r.status.result]);
  const putSender = (fromEmail: string, of = partner) =>
    api
      .http()
      .put(`/partners/${of.partnerId}/brand-kit`)
      .set(as(of.token))
      .send({ address: '1 Main St', sender: { fromName: 'Partner Events', fromEmail } })
      .expect(200);
  /** The confirmation link mailed to `email` (the latest one), as a path. */
  const mailedLink = async (email: string, count = 1): Promise<string> => {
    const mails = await eventually(
      () =>
        Promise.resolve(
          sink.messages.filter((m) => m.to.includes(email)).length >= count
            ? sink.messages.filter((m) => m.to.includes(email))
            : undefined,
        ),
      `confirmation email ${count} to ${email}`,
    );
    const link = /https?:\/\/\S+\/sender-confirmations\/[A-Za-z0-9_.-]+/.exec(
      String((await simpleParser(mails[count - 1].raw)).text),
    )?.[0];
    expect(link).toBeDefined();
    return new URL(link!).pathname;
  };

  it('goes out as "Partner via Vendor" until confirmed, even at a domain the vendor key would align (the vendor CEO)', async () => {
    const saved = await putSender('ceo@vendor.example');
    expect(saved.body.sender).toEqual({
      fromName: 'Partner Events',
      fromEmail: 'ceo@vendor.example',
      replyTo: null,
      confirmed: false,
    });
    expect(saved.body.sendingAs).toEqual({
      fromName: 'Partner Events via Vendor',
      fromAddress: 'partners@vendor.example',
      replyTo: 'ceo@vendor.example',
      warning: expect.stringMatching(/^ceo@vendor\.example is not confirmed yet: follow the link mailed to it\./),
    });
    // A launch's readiness says it too, as advice that does not block.
    const readiness = await api
      .http()
      .get(`/partners/${partner.partnerId}/campaigns/${campaignId}/readiness`)
      .set(as(partner.token))
      .expect(200);
    expect(readiness.body.items).toContainEqual({
      code: 'brand_kit.sender_not_used',
      path: 'brandKit.sender',
      message: saved.body.sendingAs.warning,
      blocking: false,
    });
    const sent = await simpleParser((await firstEmailTo('p1@prospect.example')).raw);
    expect(sent.from?.value).toEqual([{ name: 'Partner Events via Vendor', address: 'partners@vendor.example' }]);
  });

  it('mails a confirmation link: reading it changes nothing, its button confirms; then only an aligned DKIM key lets the partner send as itself', async () => {
    // Partners of their own, so that no cached sender details of an earlier test are in play.
    const confirmed = await new TenantFactory(api).partner(vendor, { companyName: 'Partner Two' });
    await putSender('events@partner.example', confirmed);
    const path = await mailedLink('events@partner.example');

    // A link scanner's GET (and HEAD) changes nothing.
    expect((await api.http().get(path).expect(200)).text).toContain('events@partner.example');
    await api.http().head(path).expect(200);
    const kitOf = async (p: TestPartner) =>
      (await api.http().get(`/partners/${p.partnerId}/brand-kit`).set(as(p.token)).expect(200)).body;
    expect((await kitOf(confirmed)).sender.confirmed).toBe(false);
    await api.http().post(`${path}x`).expect(404);

    expect((await api.http().post(path).expect(200)).text).toContain('is confirmed');
    const kit = await kitOf(confirmed);
    expect(kit.sender.confirmed).toBe(true);
    // Confirmed, but only the vendor's key signs: a DMARC receiver would reject partner.example.
    expect(kit.sendingAs).toMatchObject({ fromAddress: 'partners@vendor.example', replyTo: 'events@partner.example' });
    expect(kit.sendingAs.warning).toMatch(
      /^Receivers enforcing DMARC would reject mail from partner\.example: the DKIM key signs for vendor\.example\./,
    );
    // A launch's readiness says so too (confirmed, but no DKIM key of its domain), as advice that does not block.
    const unaligned = await api
      .http()
      .get(`/partners/${confirmed.partnerId}/campaigns/${campaignId}/readiness`)
      .set(as(confirmed.token))
      .expect(200);
    expect(unaligned.body.items).toContainEqual({
      code: 'brand_kit.sender_not_used',
      path: 'brandKit.sender',
      message: kit.sendingAs.warning,
      blocking: false,
    });
    const viaVendor = await firstEmailTo('p2@prospect.example', confirmed);
    const parsedVia = await simpleParser(viaVendor.raw);
    expect(parsedVia.from?.value).toEqual([{ name: 'Partner Events via Vendor', address: 'partners@vendor.example' }]);
    expect(parsedVia.replyTo?.value).toEqual([{ name: '', address: 'events@partner.example' }]);
    expect(await signedBy(viaVendor)).toEqual([['vendor.example', 'pass']]);

    // With a key of its own domain, the partner's confirmed address is used and the signature aligns with it.
    const aligned = await new TenantFactory(api).partner(vendor, { companyName: 'Partner Three' });
    await api
      .http()
      .put(`/partners/${aligned.partnerId}/sending`)
      .set(as(vendor.adminToken))
      .send({
        smtpUrl: sink.url,
        ratePerSecond: 100_000,
        dkim: { domain: 'partner.example', selector: 'tcma', privateKey: partnerKey.privateKey },
      })
      .expect(200);
    await putSender('own@partner.example', aligned);
    expect((await kitOf(aligned)).sendingAs.warning).toMatch(/is not confirmed yet/);
    await api
      .http()
      .post(await mailedLink('own@partner.example'))
      .expect(200);
    expect((await kitOf(aligned)).sendingAs).toEqual({
      fromName: 'Partner Events',
      fromAddress: 'own@partner.example',
      replyTo: null,
      warning: null,
    });
    // Confirmed and aligned: nothing about the sender in the readiness.
    const ready = await api
      .http()
      .get(`/partners/${aligned.partnerId}/campaigns/${campaignId}/readiness`)
      .set(as(aligned.token))
      .expect(200);
    expect(ready.body.items.filter((i: { path: string }) => i.path === 'brandKit.sender')).toEqual([]);
    const own = await firstEmailTo('p3@prospect.example', aligned);
    expect((await simpleParser(own.raw)).from?.value).toEqual([
      { name: 'Partner Events', address: 'own@partner.example' },
    ]);
    expect(await signedBy(own)).toEqual([['partner.example', 'pass']]);
  });

  it('needs a new confirmation when the address changes; a link for an old address confirms nothing; the link can be mailed again', async () => {
    await putSender('first@partner.example');
    const old = await mailedLink('first@partner.example');
    await putSender('news@partner.example');
    await mailedLink('news@partner.example');
    const kit = await api.http().get(`/partners/${partner.partnerId}/brand-kit`).set(as(partner.token)).expect(200);
    expect(kit.body.sender.confirmed).toBe(false);
    expect(kit.body.sendingAs.fromAddress).toBe('partners@vendor.example');
    expect((await api.http().post(old).expect(200)).text).toContain('no longer');
    expect(
      (await api.http().get(`/partners/${partner.partnerId}/brand-kit`).set(as(partner.token)).expect(200)).body.sender
        .confirmed,
    ).toBe(false);

    const resend = `/partners/${partner.partnerId}/brand-kit/sender/confirmation`;
    await api.http().post(resend).set(as(partner.token)).expect(202, { sentTo: 'news@partner.example' });
    await api
      .http()
      .post(await mailedLink('news@partner.example', 2))
      .expect(200);
    await api.http().post(resend).set(as(partner.token)).expect(409);

    // A link lapses after its lifetime.
    await putSender('late@partner.example');
    const late = await mailedLink('late@partner.example');
    clock.set(new Date(clock.now().getTime() + SENDER_CONFIRMATION_TTL_MS + 1000));
    await api.http().get(late).expect(404);
    await api.http().post(late).expect(404);
    expect(
      (await api.http().get(`/partners/${partner.partnerId}/brand-kit`).set(as(partner.token)).expect(200)).body.sender
        .confirmed,
    ).toBe(false);
  });
});
