import { ManualClock } from '@tcma/clock';
import { TenantFactory, TestPartner, TestVendor } from '../factories/tenant.factory';
import { ApiHarness, startApi } from '../support/api-harness';
import { TestDnsServer, TxtTable } from '../support/dns-server';

const NOW = new Date('2026-11-25T09:00:00Z');

interface HostName {
  id: string;
  host: string;
  status: 'pending' | 'verified';
  txtRecord: { type: string; name: string; value: string };
  checkedAt: string | null;
  verifiedAt: string | null;
  lastError: string | null;
  createdAt: string;
}

/**
 * A vendor admin claims host names for its partner portal and proves each with a DNS TXT
 * record, checked through the engine's TXT resolver (the sending-domain DKIM check's) against
 * a DNS server in this process (DNS_SERVERS points at it): never the internet.
 */
describe('vendor host names', () => {
  const clock = new ManualClock(NOW);
  const table = new TxtTable();
  const dns = new TestDnsServer(table.answer);
  let api: ApiHarness;
  let a: TestVendor;
  let b: TestVendor;
  let partner: TestPartner;
  const as = (token: string) => ({ Authorization: `Bearer ${token}` });
  const claim = (token: string, host: unknown) => api.http().post('/vendor-host-names').set(as(token)).send({ host });
  const check = (token: string, id: string) => api.http().post(`/vendor-host-names/${id}/check`).set(as(token));
  const list = async (token: string): Promise<HostName[]> =>
    (await api.http().get('/vendor-host-names').set(as(token)).expect(200)).body.items;
  const publish = (h: HostName) => table.set(h.txtRecord.name, 'v=spf1 -all', h.txtRecord.value);

  beforeAll(async () => {
    await dns.start();
    api = await startApi({
      clock,
      env: { DNS_SERVERS: dns.address, DNS_TIMEOUT_MS: '300', PUBLIC_BASE_URL: 'https://engine.tcma.example' },
    });
    const tenants = new TenantFactory(api);
    a = await tenants.vendor('Host Vendor A');
    b = await tenants.vendor('Host Vendor B');
    partner = await tenants.partner(a);
  }, 60_000);

  afterAll(async () => {
    await api?.close();
    await dns.stop();
  });

  it('refuses what is not a host name of its own, naming the field, and writes nothing', async () => {
    const refusals: Array<[unknown, RegExp]> = [
      ['not a host', /must be a host name/],
      ['partners.vendor.example:8443', /without a port/],
      ['https://partners.vendor.example/', /without a scheme/],
      ['192.0.2.10', /not an IP address/],
      ['[2001:db8::1]', /not an IP address/],
      ['localhost', /must be a host name/],
      ['-bad.vendor.example', /must be a host name/],
      [`${'a'.repeat(64)}.vendor.example`, /must be a host name/],
      ['engine.tcma.example', /the engine's own host/],
      ['ENGINE.tcma.example.', /the engine's own host/],
      ['', /must be a host name/],
    ];
    for (const [host, message] of refusals) {
      const res = await claim(a.adminToken, host).expect(422);
      expect([host, res.body.errors]).toEqual([host, [{ path: 'host', message: expect.stringMatching(message) }]]);
    }
    // Wrong type and unknown fields: the validation pipe's own 400 naming the field.
    const typed = await claim(a.adminToken, 42).expect(400);
    expect([...new Set(typed.body.errors.map((e: { path: string }) => e.path))]).toEqual(['host']);
    expect(await list(a.adminToken)).toEqual([]);
  });

  it('is for vendor admins only: marketers and partners are refused (403)', async () => {
    await claim(a.marketerToken, 'partners.roles.example').expect(403);
    await claim(partner.token, 'partners.roles.example').expect(403);
    await api.http().get('/vendor-host-names').set(as(a.marketerToken)).expect(403);
    await api.http().get('/vendor-host-names').set(as(partner.token)).expect(403);
    expect(await list(a.adminToken)).toEqual([]);
  });

  it('claims a host as pending with the TXT record to publish, and verifies it once the record is in DNS', async () => {
    const created = await claim(a.adminToken, '  Partners.Vendor-A.Example. ').expect(201);
    const host = created.body as HostName;
    expect(host).toMatchObject({
      host: 'partners.vendor-a.example',
      status: 'pending',
      checkedAt: null,
      verifiedAt: null,
      lastError: null,
      txtRecord: { type: 'TXT', name: '_tcma-challenge.partners.vendor-a.example' },
    });
    expect(host.txtRecord.value).toMatch(/^tcma-verify=[A-Za-z0-9_-]{32,}$/);
    expect(await list(a.adminToken)).toEqual([host]);
    // A vendor claims a host once.
    const again = await claim(a.adminToken, 'partners.vendor-a.example').expect(409);
    expect(again.body.errors).toEqual([{ path: 'host', message: expect.stringMatching(/claimed it already/) }]);

    // Nothing published: still pending, with the reason.
    clock.advance(60_000);
    const missing = (await check(a.adminToken, host.id).expect(200)).body as HostName;
    expect(missing).toMatchObject({ status: 'pending', checkedAt: new Date(NOW.getTime() + 60_000).toISOString() });
    expect(missing.lastError).toMatch(/^No TXT record at _tcma-challenge\.partners\.vendor-a\.example/);

    // Another value published there.
    table.set(host.txtRecord.name, 'tcma-verify=someone-else');
    const wrong = (await check(a.adminToken, host.id).expect(200)).body as HostName;
    expect(wrong.status).toBe('pending');
    expect(wrong.lastError).toMatch(/none is tcma-verify=/);

    // A DNS server that does not answer: unresolved, not an error of the request.
    table.silence(host.txtRecord.name);
    const silent = (await check(a.adminToken, host.id).expect(200)).body as HostName;
    expect(silent.status).toBe('pending');
    expect(silent.lastError).toMatch(/\(ETIMEOUT\)/);

    publish(host);
    const verified = (await check(a.adminToken, host.id).expect(200)).body as HostName;
    expect(verified).toMatchObject({ status: 'verified', lastError: null, verifiedAt: verified.checkedAt });
    expect(await list(a.adminToken)).toEqual([verified]);
  });

  it('lets another vendor claim a host (pending), but never verify one a vendor verified: 409 naming the field', async () => {
    const theirs = (await claim(b.adminToken, 'partners.vendor-a.example').expect(409)).body;
    expect(theirs.errors).toEqual([{ path: 'host', message: expect.stringMatching(/verified by another vendor/) }]);

    // Pending claims of one host by two vendors do not block each other; the first verified wins.
    const byA = (await claim(a.adminToken, 'portal.shared.example').expect(201)).body as HostName;
    const byB = (await claim(b.adminToken, 'portal.shared.example').expect(201)).body as HostName;
    expect(byB.txtRecord.value).not.toBe(byA.txtRecord.value);
    table.set(byA.txtRecord.name, byA.txtRecord.value, byB.txtRecord.value);
    expect((await check(b.adminToken, byB.id).expect(200)).body.status).toBe('verified');
    const lost = await check(a.adminToken, byA.id).expect(409);
    expect(lost.body.errors).toEqual([{ path: 'host', message: expect.stringMatching(/verified by another vendor/) }]);
    expect((await list(a.adminToken)).find((h) => h.id === byA.id)?.status).toBe('pending');

    // Once B removes it, A may verify it.
    await api.http().delete(`/vendor-host-names/${byB.id}`).set(as(b.adminToken)).expect(204);
    expect((await check(a.adminToken, byA.id).expect(200)).body.status).toBe('verified');
    await api.http().delete(`/vendor-host-names/${byA.id}`).set(as(a.adminToken)).expect(204);
  });

  it("answers 404 for another vendor's host name, whatever the action", async () => {
    const [mine] = await list(a.adminToken);
    await check(b.adminToken, mine.id).expect(404);
    await api.http().delete(`/vendor-host-names/${mine.id}`).set(as(b.adminToken)).expect(404);
    expect(await list(b.adminToken)).toEqual([]);
    expect((await list(a.adminToken)).map((h) => h.id)).toEqual([mine.id]);
  });

  it('holds at most 5 host names per vendor (422 naming the field); removing one makes room', async () => {
    const existing = (await list(a.adminToken)).length;
    for (let i = existing; i < 5; i += 1) await claim(a.adminToken, `p${i}.limit.example`).expect(201);
    const over = await claim(a.adminToken, 'p5.limit.example').expect(422);
    expect(over.body.errors).toEqual([{ path: 'host', message: expect.stringMatching(/at most 5 host names/) }]);
    const hosts = await list(a.adminToken);
    expect(hosts).toHaveLength(5);
    await api.http().delete(`/vendor-host-names/${hosts[4].id}`).set(as(a.adminToken)).expect(204);
    await api.http().delete(`/vendor-host-names/${hosts[4].id}`).set(as(a.adminToken)).expect(404);
    await claim(a.adminToken, 'p5.limit.example').expect(201);
  });
});
