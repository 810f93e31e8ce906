import { ManualClock } from '@tcma/clock';
import { dkimVerify } from 'mailauth/lib/dkim/verify';
import { createPublicKey } from 'node:crypto';
import { Resolver } from 'node:dns/promises';
import { TenantFactory, TestPartner, TestVendor } from '../factories/tenant.factory';
import { ApiHarness, startApi } from '../support/api-harness';
import { TestDnsServer, TxtTable } from '../support/dns-server';
import { eventually } from '../support/processes';
import { SmtpSink, SunkMessage } from '../support/smtp-sink';

const NOW = new Date('2026-11-23T09:00:00Z');
const DOMAIN = 'mail.vendor-dkim.example';

interface DnsRecord {
  kind: 'dkim' | 'spf' | 'dmarc';
  name: string;
  value: string;
  explanation: string;
}
interface DnsCheck {
  kind: string;
  name: string;
  state: string;
  found: string[];
  message: string;
}

/**
 * A vendor admin has the engine generate its DKIM key, publishes the DNS records the API
 * gives, and asks the engine to check them, against a DNS server in this process (the
 * engine's DNS_SERVERS points at it): never the internet.
 */
describe('vendor DKIM key and DNS check', () => {
  const clock = new ManualClock(NOW);
  const sink = new SmtpSink();
  const table = new TxtTable();
  const dns = new TestDnsServer(table.answer);
  let api: ApiHarness;
  let vendor: TestVendor;
  let partner: TestPartner;
  const as = (token: string) => ({ Authorization: `Bearer ${token}` });
  const records = (body: { dnsRecords: DnsRecord[] }) =>
    Object.fromEntries(body.dnsRecords.map((r) => [r.kind, r])) as Record<DnsRecord['kind'], DnsRecord>;
  const check = async (): Promise<Record<string, DnsCheck>> => {
    const res = await api.http().post('/sending/dns-check').set(as(vendor.adminToken)).expect(200);
    expect(res.body.checkedAt).toBe(NOW.toISOString());
    return Object.fromEntries((res.body.records as DnsCheck[]).map((r) => [r.kind, r]));
  };
  /** What a receiving server does: the TXT record from DNS (the test server), through node's resolver. */
  const receiverResolver = new Resolver({ timeout: 500, tries: 1 });
  const verify = async (message: SunkMessage) =>
    (
      await dkimVerify(message.raw, {
        resolver: (name: string, type: string) => receiverResolver.resolve(name, type as 'TXT'),
      })
    ).results.map((r) => [r.signingDomain, r.status.result]);
  /** An invitation: a notice the vendor's own delivery sends at once, DKIM-signed with the vendor's key. */
  const invite = async (email: string): Promise<SunkMessage> => {
    await api
      .http()
      .post('/user-invitations')
      .set(as(vendor.adminToken))
      .send({ email, role: 'vendor_marketer' })
      .expect(201);
    return eventually(
      () => Promise.resolve(sink.messages.find((m) => m.to.includes(email))),
      `the invitation to ${email}`,
    );
  };
  const signatureOf = (message: SunkMessage) =>
    /^DKIM-Signature: ([^\r\n]+(?:\r?\n[ \t][^\r\n]+)*)/m
      .exec(message.raw.toString('latin1'))?.[1]
      .replace(/\r?\n[ \t]/g, ' ') ?? '';

  beforeAll(async () => {
    await sink.start();
    await dns.start();
    receiverResolver.setServers([dns.address]);
    api = await startApi({ clock, env: { DNS_SERVERS: dns.address, DNS_TIMEOUT_MS: '300', SPF_INCLUDE: '' } });
    vendor = await new TenantFactory(api).vendor('DKIM Vendor');
    partner = await new TenantFactory(api).partner(vendor);
  }, 60_000);

  afterAll(async () => {
    await api?.close();
    await dns.stop();
    await sink.stop();
  });

  it('refuses to generate a key without a sending domain (422 naming it), or with a selector that is no DNS label; partners may not (403)', async () => {
    const none = await api.http().post('/sending/dkim').set(as(vendor.adminToken)).send({}).expect(422);
    expect(none.body.errors).toEqual([
      { path: 'sendingDomain', message: 'set a sending domain first (PUT /sending): the key signs for it' },
    ]);
    await api.http().post('/sending/dns-check').set(as(vendor.adminToken)).expect(422);

    await api
      .http()
      .put('/sending')
      .set(as(vendor.adminToken))
      .send({ smtpUrl: `smtp://relay@smtp.mailer.example:2525`, ratePerSecond: 50, sendingDomain: DOMAIN })
      .expect(200);
    for (const selector of ['-bad', 'two.labels', 'x'.repeat(64), 'spaced out']) {
      const bad = await api.http().post('/sending/dkim').set(as(vendor.adminToken)).send({ selector }).expect(422);
      expect(bad.body.errors.map((e: { path: string }) => e.path)).toEqual(['selector']);
    }
    expect((await api.http().get('/sending').set(as(vendor.adminToken)).expect(200)).body.dkim).toBeNull();

    await api.http().post('/sending/dkim').set(as(partner.token)).send({}).expect(403);
    await api.http().post('/sending/dns-check').set(as(partner.token)).expect(403);
    await api.http().get('/sending').set(as(vendor.marketerToken)).expect(403);
  });

  it('generates an RSA 2048 key under tcma<yyyymm>, answers the records to publish (never the private key), and GET answers them again', async () => {
    const res = await api.http().post('/sending/dkim').set(as(vendor.adminToken)).send({}).expect(201);
    expect(res.body.dkim).toEqual({ domain: DOMAIN, selector: 'tcma202611' });
    // The SMTP server and rate set before are kept.
    expect(res.body.smtp).toEqual({ host: 'smtp.mailer.example', port: 2525, secure: false, user: 'relay' });
    expect(res.body.ratePerSecond).toBe(50);
    expect(JSON.stringify(res.body)).not.toMatch(/PRIVATE KEY/);
    const { dkim, spf, dmarc } = records(res.body);
    expect(dkim.name).toBe(`tcma202611._domainkey.${DOMAIN}`);
    const p = /^v=DKIM1; k=rsa; p=([A-Za-z0-9+/=]+)$/.exec(dkim.value)?.[1] ?? '';
    const key = createPublicKey({ key: Buffer.from(p, 'base64'), format: 'der', type: 'spki' });
    expect([key.asymmetricKeyType, key.asymmetricKeyDetails?.modulusLength]).toEqual(['rsa', 2048]);
    expect(spf).toMatchObject({ name: DOMAIN, value: 'v=spf1 include:mailer.example ~all' });
    expect(spf.explanation).toMatch(/^Guessed from your SMTP server smtp\.mailer\.example/);
    expect(dmarc).toMatchObject({ name: `_dmarc.${DOMAIN}`, value: `v=DMARC1; p=none; rua=mailto:dmarc@${DOMAIN}` });
    expect(dmarc.explanation).toMatch(/tighten it to p=quarantine/);

    const got = await api.http().get('/sending').set(as(vendor.adminToken)).expect(200);
    expect(got.body.dnsRecords).toEqual(res.body.dnsRecords);
  });

  it('checks the records: missing, wrong (another key, two SPF records, no policy), then ok; a silent DNS server is "unresolved", not an error', async () => {
    const expected = records((await api.http().get('/sending').set(as(vendor.adminToken)).expect(200)).body);
    let checks = await check();
    expect(Object.fromEntries(Object.entries(checks).map(([kind, c]) => [kind, c.state]))).toEqual({
      dkim: 'missing',
      spf: 'missing',
      dmarc: 'missing',
    });
    expect(checks.dkim.message).toMatch(/^No DKIM record is published/);

    // An old key at the selector, two SPF records, a DMARC record without a policy.
    table.set(expected.dkim.name, 'v=DKIM1; k=rsa; p=MIIBIjANBgkqhkiG9w0BAQEFAAOCAQ8AMIIBCgKCAQEAold');
    table.set(DOMAIN, 'v=spf1 include:mailer.example ~all', 'v=spf1 a ~all', 'google-site-verification=abc');
    table.set(expected.dmarc.name, 'v=DMARC1; rua=mailto:dmarc@x.example');
    checks = await check();
    expect(checks.dkim).toMatchObject({
      state: 'wrong',
      found: ['v=DKIM1; k=rsa; p=MIIBIjANBgkqhkiG9w0BAQEFAAOCAQ8AMIIBCgKCAQEAold'],
    });
    expect(checks.dkim.message).toMatch(/p= key differs from the engine's key/);
    expect(checks.spf).toMatchObject({
      state: 'wrong',
      found: ['v=spf1 include:mailer.example ~all', 'v=spf1 a ~all'],
    });
    expect(checks.spf.message).toMatch(/^2 SPF records are published/);
    expect(checks.dmarc).toMatchObject({ state: 'wrong', message: expect.stringMatching(/no valid policy/) });

    // One SPF record, but without the SMTP server's include.
    table.set(DOMAIN, 'v=spf1 include:other.example -all');
    expect((await check()).spf).toMatchObject({
      state: 'wrong',
      message: expect.stringMatching(/does not name include:mailer\.example/),
    });

    // As published from the API's answer (the DNS splits the key into 255-byte strings).
    table.set(expected.dkim.name, expected.dkim.value);
    table.set(DOMAIN, 'v=spf1 ip4:192.0.2.1 include:mailer.example ~all');
    table.set(expected.dmarc.name, expected.dmarc.value);
    checks = await check();
    expect(Object.fromEntries(Object.entries(checks).map(([kind, c]) => [kind, c.state]))).toEqual({
      dkim: 'ok',
      spf: 'ok',
      dmarc: 'ok',
    });
    expect(checks.dkim.found).toEqual([expected.dkim.value]);
    expect(checks.dmarc.message).toMatch(/p=none\. It only monitors/);

    table.silence(expected.dmarc.name);
    const started = Date.now();
    checks = await check();
    expect(checks.dmarc).toMatchObject({
      state: 'unresolved',
      found: [],
      message: expect.stringMatching(/^Could not resolve _dmarc\.mail\.vendor-dkim\.example \(ETIMEOUT\)/),
    });
    expect(checks.dkim.state).toBe('ok');
    // Two tries of DNS_TIMEOUT_MS (300 ms), not a hung request.
    expect(Date.now() - started).toBeLessThan(5_000);
    table.set(expected.dmarc.name, expected.dmarc.value);
  });

  it('signs mail with the generated key (it verifies against the published record); a new key replaces it at once', async () => {
    await api.http().put('/sending').set(as(vendor.adminToken)).send({ smtpUrl: sink.url }).expect(200);
    const first = records((await api.http().get('/sending').set(as(vendor.adminToken)).expect(200)).body);
    const before = await invite('first@dkim-invitee.example');
    expect(signatureOf(before)).toMatch(new RegExp(`\\bd=${DOMAIN.replace(/\./g, '\\.')};`));
    expect(signatureOf(before)).toMatch(/\bs=tcma202611;/);
    expect(await verify(before)).toEqual([[DOMAIN, 'pass']]);

    const renewed = await api
      .http()
      .post('/sending/dkim')
      .set(as(vendor.adminToken))
      .send({ selector: 'Winter2026' })
      .expect(201);
    const second = records(renewed.body);
    expect(second.dkim.name).toBe(`winter2026._domainkey.${DOMAIN}`);
    expect(second.dkim.value).not.toBe(first.dkim.value);
    // Not published yet: the check says so, and the mail signed with the new key fails DKIM.
    expect((await check()).dkim.state).toBe('missing');
    const unpublished = await invite('second@dkim-invitee.example');
    expect(signatureOf(unpublished)).toMatch(/\bs=winter2026;/);
    expect((await verify(unpublished))[0][1]).not.toBe('pass');

    // The old key published under the new selector is wrong; the new one verifies.
    table.set(second.dkim.name, first.dkim.value);
    expect((await check()).dkim.state).toBe('wrong');
    expect((await verify(unpublished))[0][1]).toBe('fail');
    table.set(second.dkim.name, second.dkim.value);
    expect((await check()).dkim.state).toBe('ok');
    expect(await verify(await invite('third@dkim-invitee.example'))).toEqual([[DOMAIN, 'pass']]);

    // A PUT leaving dkim out keeps the key (above); null removes it, and its record with it.
    const removed = await api.http().put('/sending').set(as(vendor.adminToken)).send({ dkim: null }).expect(200);
    expect(removed.body.dkim).toBeNull();
    expect(removed.body.smtp).toMatchObject({ host: '127.0.0.1', port: sink.port });
    expect(removed.body.dnsRecords.map((r: DnsRecord) => r.kind)).toEqual(['spf', 'dmarc']);
  });

  it("is the vendor's own: another vendor sees neither its key nor its records", async () => {
    const other = await new TenantFactory(api).vendor('Other DKIM Vendor');
    const theirs = await api.http().get('/sending').set(as(other.adminToken)).expect(200);
    expect(theirs.body).toMatchObject({ dkim: null, sendingDomain: null, dnsRecords: [] });
    await api.http().post('/sending/dns-check').set(as(other.adminToken)).expect(422);
    // A partner of the vendor reading the vendor's settings through its own id sees 403, not the key.
    await api.http().get(`/partners/${partner.partnerId}/sending`).set(as(partner.token)).expect(403);
  });
});
