import { SIGN_IN_FAILED } from '@tcma/accounts';
import { TenantFactory, TestVendor } from '../factories/tenant.factory';
import { invitedUser, signedIn, TEST_PASSWORD } from '../support/accounts';
import { ApiHarness, startApi } from '../support/api-harness';
import { linkFromOutbox } from '../support/notices';
import { testDb } from '../support/db';
import { TestDnsServer, TxtTable } from '../support/dns-server';

/**
 * A vendor's own host name, over real HTTP with a Host header: once verified, only the
 * vendor's users sign in there (anyone else gets the wrong-password answer), the signed-out
 * session names the vendor, and another vendor's session counts for nothing there. The
 * generic host (PUBLIC_BASE_URL's, or any host nobody verified) works for everyone.
 */
describe('signing in by host name', () => {
  const table = new TxtTable();
  const dns = new TestDnsServer(table.answer);
  let api: ApiHarness;
  let proxied: ApiHarness;
  let a: TestVendor;
  let b: TestVendor;
  let aSlug: string;
  let aUser: string;
  let bUser: string;
  const A_HOST = 'partners.host-a.example';
  const GENERIC = 'engine.tcma.example';
  const as = (token: string) => ({ Authorization: `Bearer ${token}` });
  const signIn = (harness: ApiHarness, headers: Record<string, string>, email: string, password = TEST_PASSWORD) =>
    harness.http().post('/auth/sign-in').set(headers).send({ email, password });
  const resetMails = async (email: string): Promise<number> =>
    Number(
      (
        await testDb().query<Array<{ n: string }>>(
          `SELECT count(*) AS n FROM outbox_messages WHERE $1 = ANY(recipients) AND subject = 'Reset your password'`,
          [email],
        )
      )[0].n,
    );

  beforeAll(async () => {
    await dns.start();
    const env = { DNS_SERVERS: dns.address, DNS_TIMEOUT_MS: '300', PUBLIC_BASE_URL: `https://${GENERIC}` };
    api = await startApi({ env });
    // The same engine behind a reverse proxy it trusts (supertest connects from the loopback address).
    proxied = await startApi({ env: { ...env, TRUST_PROXY: 'loopback' } });
    const tenants = new TenantFactory(api);
    a = await tenants.vendor('Host Sign-in A');
    b = await tenants.vendor('Host Sign-in B');
    aSlug = (await testDb().query<Array<{ slug: string }>>('SELECT slug FROM vendors WHERE id = $1', [a.vendorId]))[0]
      .slug;
    const aPartner = await tenants.partner(a);
    const bPartner = await tenants.partner(b);
    aUser = await invitedUser(api, a.adminToken, { role: 'partner_user', partnerId: aPartner.partnerId });
    bUser = await invitedUser(api, b.adminToken, { role: 'partner_user', partnerId: bPartner.partnerId });

    const claimed = await api
      .http()
      .post('/vendor-host-names')
      .set(as(a.adminToken))
      .send({ host: A_HOST })
      .expect(201);
    table.set(claimed.body.txtRecord.name, claimed.body.txtRecord.value);
    await api.http().post(`/vendor-host-names/${claimed.body.id}/check`).set(as(a.adminToken)).expect(200);
  }, 90_000);

  afterAll(async () => {
    await proxied?.close();
    await api?.close();
    await dns.stop();
  });

  it("accepting an invitation signs the new user in on its vendor's host or the generic one, and only makes the account on another vendor's", async () => {
    const accept = async (host: string, inviter: TestVendor) => {
      const email = `accept-${Math.random().toString(36).slice(2, 8)}@accounts.example`;
      await api
        .http()
        .post('/user-invitations')
        .set(as(inviter.adminToken))
        .send({ email, role: 'vendor_marketer' })
        .expect(201);
      const { token } = await linkFromOutbox(email, '/invitations');
      return api
        .http()
        .post('/auth/invitations/accept')
        .set({ Host: host })
        .send({ token, name: 'N', password: TEST_PASSWORD })
        .expect(200);
    };
    const own = await accept(A_HOST, a);
    expect(own.body).toMatchObject({ signedIn: true, csrfToken: expect.any(String) });
    expect(own.headers['set-cookie']).toHaveLength(1);
    expect((await accept(GENERIC, b)).body.signedIn).toBe(true);
    const elsewhere = await accept(A_HOST, b);
    expect(elsewhere.body).toMatchObject({ signedIn: false, csrfToken: null });
    expect(elsewhere.headers['set-cookie']).toBeUndefined();
    // The account is made all the same: its own vendor's sign-in page signs it in.
    await signIn(api, { Host: GENERIC }, elsewhere.body.email).expect(200);
  });

  it("signs in the vendor's own users on its host, and refuses anyone else there with the wrong-password answer", async () => {
    const own = await signIn(api, { Host: A_HOST }, aUser).expect(200);
    expect(own.body.user.email).toBe(aUser);

    const wrongPassword = await signIn(api, { Host: A_HOST }, aUser, 'not the password').expect(401);
    const otherVendor = await signIn(api, { Host: A_HOST }, bUser).expect(401);
    // The same answer but for the request's own id.
    const answer = ({ requestId, ...body }: { requestId: string }) => ({ ...body, requestId: typeof requestId });
    expect(answer(otherVendor.body)).toEqual(answer(wrongPassword.body));
    expect(otherVendor.body.message).toBe(SIGN_IN_FAILED);
    expect(otherVendor.headers['set-cookie']).toBeUndefined();
    // The host is compared as DNS does: whatever its case, with or without a port.
    await signIn(api, { Host: 'PARTNERS.host-a.example:443' }, bUser).expect(401);
  });

  it('signs in everyone on the generic host: the engine’s own, or any host nobody verified', async () => {
    for (const host of [GENERIC, '127.0.0.1', 'unclaimed.example']) {
      await signIn(api, { Host: host }, aUser).expect(200);
      await signIn(api, { Host: host }, bUser).expect(200);
    }
    // A pending claim changes nothing.
    await api
      .http()
      .post('/vendor-host-names')
      .set(as(b.adminToken))
      .send({ host: 'portal.pending-b.example' })
      .expect(201);
    await signIn(api, { Host: 'portal.pending-b.example' }, aUser).expect(200);
  });

  it("names the host's vendor in the signed-out session answer, and nobody on the generic host", async () => {
    const onHost = await api.http().get('/auth/session').set('Host', A_HOST).expect(200);
    expect(onHost.body).toMatchObject({ signedIn: false, user: null, vendor: { slug: aSlug } });
    const generic = await api.http().get('/auth/session').set('Host', GENERIC).expect(200);
    expect(generic.body).toMatchObject({ signedIn: false, vendor: null });
  });

  it("shows the host's vendor brand on its signed-out pages, whatever vendor the address names", async () => {
    const bSlug = (
      await testDb().query<Array<{ slug: string }>>('SELECT slug FROM vendors WHERE id = $1', [b.vendorId])
    )[0].slug;
    const onHost = await api.http().get('/public/brand').set('Host', A_HOST).expect(200);
    expect(onHost.body.vendor).toBe(aSlug);
    const named = await api.http().get('/public/brand').query({ vendor: bSlug }).set('Host', A_HOST).expect(200);
    expect(named.body.vendor).toBe(aSlug);
    // The generic host: the vendor the address names, else the engine's own look.
    const generic = await api.http().get('/public/brand').query({ vendor: bSlug }).set('Host', GENERIC).expect(200);
    expect(generic.body.vendor).toBe(bSlug);
    expect((await api.http().get('/public/brand').set('Host', GENERIC).expect(200)).body.vendor).toBeNull();
  });

  it("treats another vendor's session as signed out on a vendor's host", async () => {
    const { cookie: bCookie } = await signedIn(api, bUser, { Host: GENERIC });
    const there = await api.http().get('/auth/session').set({ Host: A_HOST, Cookie: bCookie }).expect(200);
    expect(there.body).toMatchObject({ signedIn: false, user: null, vendor: { slug: aSlug } });
    await api.http().get('/me').set({ Host: A_HOST, Cookie: bCookie }).expect(401);
    // The same cookie still works on the generic host.
    await api.http().get('/me').set({ Host: GENERIC, Cookie: bCookie }).expect(200);

    const { cookie: aCookie } = await signedIn(api, aUser, { Host: A_HOST });
    const own = await api.http().get('/auth/session').set({ Host: A_HOST, Cookie: aCookie }).expect(200);
    expect(own.body).toMatchObject({ signedIn: true, user: { email: aUser } });
  });

  it("mails a password reset on a vendor's host only to that vendor's users, with the same answer either way", async () => {
    const [aBefore, bBefore] = [await resetMails(aUser), await resetMails(bUser)];
    await api.http().post('/auth/password-reset-requests').set('Host', A_HOST).send({ email: bUser }).expect(202);
    await api.http().post('/auth/password-reset-requests').set('Host', A_HOST).send({ email: aUser }).expect(202);
    expect([await resetMails(aUser), await resetMails(bUser)]).toEqual([aBefore + 1, bBefore]);
    await api.http().post('/auth/password-reset-requests').set('Host', GENERIC).send({ email: bUser }).expect(202);
    expect(await resetMails(bUser)).toBe(bBefore + 1);
  });

  it('reads X-Forwarded-Host only from a proxy the installation trusts (TRUST_PROXY)', async () => {
    const forwarded = { Host: GENERIC, 'X-Forwarded-Host': A_HOST };
    // Not trusted (the default): the Host header decides, and it is the generic host.
    await signIn(api, forwarded, bUser).expect(200);
    // Trusted: the proxy's X-Forwarded-Host is the host.
    await signIn(proxied, forwarded, bUser).expect(401);
    await signIn(proxied, forwarded, aUser).expect(200);
    const session = await proxied.http().get('/auth/session').set(forwarded).expect(200);
    expect(session.body.vendor).toEqual({ slug: aSlug });
  });

  it('makes a removed host generic again at once in the process that removed it', async () => {
    const [claimed] = (await api.http().get('/vendor-host-names').set(as(a.adminToken)).expect(200)).body.items;
    await signIn(api, { Host: A_HOST }, bUser).expect(401);
    await api.http().delete(`/vendor-host-names/${claimed.id}`).set(as(a.adminToken)).expect(204);
    await signIn(api, { Host: A_HOST }, bUser).expect(200);
  });
});
