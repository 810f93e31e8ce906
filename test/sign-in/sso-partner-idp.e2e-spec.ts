import { randomUUID } from 'node:crypto';
import { TenantFactory, TestPartner, TestVendor } from '../factories/tenant.factory';
import { ApiHarness, startApi } from '../support/api-harness';
import { testDb } from '../support/db';
import { TestDnsServer, TxtTable } from '../support/dns-server';
import { startOidcProvider, TestOidcProvider } from '../support/oidc-provider';

/**
 * A partner company's own identity provider (its Entra ID or Google Workspace, here the
 * in-process oidc-provider): its admin proves an email domain by a DNS TXT record and adds the
 * connection in the portal; the sign-in page offers it for addresses of that domain; it signs
 * in and provisions that partner's users only, whatever their claims say, and only addresses of
 * the domains the partner has proven.
 */
describe("single sign-on through a partner's own identity provider", () => {
  const ENGINE = 'http://engine.partner-idp.example';
  const CALLBACK = `${ENGINE}/auth/sso/callback`;
  const unique = () => randomUUID().slice(0, 8);
  const DOMAIN = `acme-${unique()}.example`;
  const anaEmail = `ana-${unique()}@${DOMAIN}`;
  const caraEmail = `cara-${unique()}@${DOMAIN}`;
  const outsiderEmail = `bob-${unique()}@elsewhere.example`;
  const table = new TxtTable();
  const dns = new TestDnsServer(table.answer);
  let provider: TestOidcProvider;
  let api: ApiHarness;
  let a: TestVendor;
  let b: TestVendor;
  let acme: TestPartner;
  let rival: TestPartner;
  let acmeAtB: TestPartner;
  let slugA: string;
  let slugB: string;
  const as = (token: string) => ({ Authorization: `Bearer ${token}` });
  type Domain = { id: string; domain: string; status: string; txtRecord: { name: string; value: string } };
  const claim = (token: string, domain: string) => api.http().post('/email-domains').set(as(token)).send({ domain });
  const check = (token: string, id: string) => api.http().post(`/email-domains/${id}/check`).set(as(token));
  const publish = (d: Domain) => table.set(d.txtRecord.name, 'v=spf1 -all', d.txtRecord.value);
  const connection = (token: string, body: Record<string, unknown>) =>
    api
      .http()
      .post('/sso-connections')
      .set(as(token))
      .send({ clientId: 'tcma', clientSecret: 'tcma-secret', issuer: provider.issuer, ...body });
  const discover = (email: string, vendor?: string) =>
    api
      .http()
      .get('/auth/sso/discover')
      .query({ email, ...(vendor ? { vendor } : {}) })
      .expect(200)
      .then((r) => (r.body.items as Array<{ id: string }>).map((c) => c.id));

  /** The browser round trip: start, the provider's form, the callback; the callback's answer. */
  const signIn = async (connectionId: string, login: string, startQuery: Record<string, string> = {}) => {
    const start = await api
      .http()
      .get(`/auth/sso/${connectionId}/start`)
      .query({ returnTo: '/portal/home', ...startQuery })
      .expect(302);
    const stateCookie = String(start.headers['set-cookie'][0]).split(';')[0];
    const back = await provider.signIn(start.headers.location, login);
    return api
      .http()
      .get('/auth/sso/callback')
      .query(Object.fromEntries(back.searchParams))
      .set('Cookie', stateCookie)
      .expect(302);
  };
  const usersNamed = (email: string) =>
    testDb().query<Array<{ partner_id: string | null; role: string }>>(
      'SELECT partner_id, role FROM users WHERE email = $1',
      [email],
    );
  const slugOf = async (vendor: TestVendor) =>
    (await testDb().query<Array<{ slug: string }>>('SELECT slug FROM vendors WHERE id = $1', [vendor.vendorId]))[0]
      .slug;

  beforeAll(async () => {
    provider = await startOidcProvider(
      [{ client_id: 'tcma', client_secret: 'tcma-secret', redirect_uris: [CALLBACK] }],
      {
        // Claims that would name another partner, and ask for more than its connection gives.
        ana: {
          email: anaEmail,
          email_verified: true,
          name: 'Ana Acme',
          prm_account: 'PRM-RIVAL',
          groups: ['partner_admin'],
        },
        cara: { email: caraEmail, email_verified: true, name: 'Cara' },
        outsider: { email: outsiderEmail, email_verified: true, name: 'Bob' },
      },
    );
    await dns.start();
    api = await startApi({ env: { PUBLIC_BASE_URL: ENGINE, DNS_SERVERS: dns.address, DNS_TIMEOUT_MS: '300' } });
    const tenants = new TenantFactory(api);
    a = await tenants.vendor('Partner IdP Vendor A');
    b = await tenants.vendor('Partner IdP Vendor B');
    acme = await tenants.partner(a, { companyName: 'Acme', role: 'partner_admin' });
    rival = await tenants.partner(a, { companyName: 'Rival', role: 'partner_admin' });
    acmeAtB = await tenants.partner(b, { companyName: 'Acme at B', role: 'partner_admin' });
    await api
      .http()
      .patch(`/partners/${rival.partnerId}`)
      .set(as(a.adminToken))
      .send({ externalId: 'PRM-RIVAL' })
      .expect(200);
    // Cara is already Rival's user, with an address of Acme's domain.
    await tenants.user(a.adminToken, {
      email: caraEmail,
      name: 'Cara',
      role: 'partner_user',
      partnerId: rival.partnerId,
    });
    [slugA, slugB] = [await slugOf(a), await slugOf(b)];
  }, 90_000);

  afterAll(async () => {
    await api?.close();
    await provider?.stop();
    await dns.stop();
  });

  let acmeConnection: string;
  let vendorConnection: string;

  it('proves an email domain by its TXT record, one company of a vendor only, and keeps each partner to its own', async () => {
    const bad = await claim(acme.token, 'not a domain').expect(422);
    expect(bad.body.errors[0].path).toBe('domain');
    const pending = (await claim(acme.token, `@${DOMAIN.toUpperCase()}`).expect(201)).body as Domain;
    expect(pending).toMatchObject({
      domain: DOMAIN,
      status: 'pending',
      txtRecord: { name: `_tcma-challenge.${DOMAIN}` },
    });
    const unpublished = await check(acme.token, pending.id).expect(200);
    expect(unpublished.body).toMatchObject({ status: 'pending', lastError: expect.stringContaining('No TXT record') });
    publish(pending);
    expect((await check(acme.token, pending.id).expect(200)).body).toMatchObject({
      status: 'verified',
      lastError: null,
    });
    // Another partner of the same vendor cannot take it, nor see or remove Acme's.
    expect((await claim(rival.token, DOMAIN).expect(409)).body.errors[0].path).toBe('domain');
    expect((await api.http().get('/email-domains').set(as(rival.token)).expect(200)).body.items).toEqual([]);
    await check(rival.token, pending.id).expect(404);
    await api.http().delete(`/email-domains/${pending.id}`).set(as(rival.token)).expect(404);
    // The vendor's own domains are its own list.
    expect((await api.http().get('/email-domains').set(as(a.adminToken)).expect(200)).body.items).toEqual([]);
    await api.http().get('/email-domains').set(as(a.marketerToken)).expect(403);
    // The same company, a partner of another vendor, proves it there too.
    const atB = (await claim(acmeAtB.token, DOMAIN).expect(201)).body as Domain;
    publish(atB);
    expect((await check(acmeAtB.token, atB.id).expect(200)).body.status).toBe('verified');
  });

  it("adds the partner's own connection: partner users only, no partner claim, the partner's alone", async () => {
    const refused = await connection(acme.token, {
      name: 'Acme Entra ID',
      audience: 'vendor_users',
      partnerClaim: 'prm_account',
    }).expect(422);
    expect(refused.body.errors.map((e: { path: string }) => e.path).sort()).toEqual(['audience', 'partnerClaim']);
    const made = await connection(acme.token, { name: 'Acme Entra ID', audience: 'partner_users' }).expect(201);
    expect(made.body).toMatchObject({ partnerId: acme.partnerId, defaultRole: 'partner_user', partnerClaim: null });
    acmeConnection = made.body.id;
    // A vendor's connection may have the same name: names are unique per owner.
    vendorConnection = (await connection(a.adminToken, { name: 'Acme Entra ID', audience: 'vendor_users' }).expect(201))
      .body.id;
    await connection(acme.token, { name: 'Acme Entra ID', audience: 'partner_users' }).expect(409);
    const listed = async (token: string) =>
      (await api.http().get('/sso-connections').set(as(token)).expect(200)).body.items.map((c: { id: string }) => c.id);
    expect(await listed(acme.token)).toEqual([acmeConnection]);
    expect(await listed(rival.token)).toEqual([]);
    expect(await listed(a.adminToken)).not.toContain(acmeConnection);
    for (const token of [rival.token, a.adminToken, b.adminToken])
      await api.http().patch(`/sso-connections/${acmeConnection}`).set(as(token)).send({ enabled: false }).expect(404);
    // Requiring single sign-on stays the vendor's, and a partner's own connection does not count for it.
    await api.http().put('/sso-requirement').set(as(acme.token)).send({ ssoRequiredPartnerUsers: true }).expect(403);
    const stranded = await api
      .http()
      .put('/sso-requirement')
      .set(as(a.adminToken))
      .send({ ssoRequiredVendorUsers: false, ssoRequiredPartnerUsers: true })
      .expect(422);
    expect(stranded.body.errors[0].path).toBe('ssoRequiredPartnerUsers');
  });

  it("offers the connection on the sign-in page for the domain's addresses only, within the vendor asked for", async () => {
    expect(await discover(`someone@${DOMAIN}`, slugA)).toEqual([acmeConnection]);
    expect(await discover(`Someone@${DOMAIN.toUpperCase()}`)).toEqual([acmeConnection]);
    expect(await discover(`someone@${DOMAIN}`, slugB)).toEqual([]);
    expect(await discover('someone@elsewhere.example', slugA)).toEqual([]);
    expect(await discover('not an address', slugA)).toEqual([]);
    // The vendor's own proven domain offers the vendor's connections for its own users.
    const VENDOR_DOMAIN = `vendor-${unique()}.example`;
    const own = (await claim(a.adminToken, VENDOR_DOMAIN).expect(201)).body as Domain;
    expect(await discover(`vera@${VENDOR_DOMAIN}`, slugA)).toEqual([]);
    publish(own);
    await check(a.adminToken, own.id).expect(200);
    expect(await discover(`vera@${VENDOR_DOMAIN}`, slugA)).toEqual([vendorConnection]);
    // The vendor's buttons are the vendor's own connections: a partner's is offered by domain only.
    const buttons = await api.http().get('/auth/sso/connections').query({ vendor: slugA }).expect(200);
    expect(buttons.body.items.map((c: { id: string }) => c.id)).not.toContain(acmeConnection);
  });

  it("provisions the partner's users into that partner whatever their claims say, and refuses other domains and other partners' users", async () => {
    const first = await signIn(acmeConnection, 'ana');
    expect(first.headers.location).toBe('/portal/home');
    expect(await usersNamed(anaEmail)).toEqual([{ partner_id: acme.partnerId, role: 'partner_user' }]);

    const outsider = await signIn(acmeConnection, 'outsider');
    expect(outsider.headers.location).toBe('/sign-in?sso_error=domain');
    expect(await usersNamed(outsiderEmail)).toEqual([]);
    const cara = await signIn(acmeConnection, 'cara');
    expect(cara.headers.location).toBe('/sign-in?sso_error=account');
    expect(await usersNamed(caraEmail)).toEqual([{ partner_id: rival.partnerId, role: 'partner_user' }]);

    const refusals = await api
      .http()
      .get(`/sso-connections/${acmeConnection}/refusals`)
      .set(as(acme.token))
      .expect(200);
    expect(refusals.body.items.map((r: { reason: string }) => r.reason)).toEqual(['account', 'domain']);
    await api.http().get(`/sso-connections/${acmeConnection}/refusals`).set(as(rival.token)).expect(404);
  });

  it("tests the connection for the partner's admin, the result shown in the portal", async () => {
    const { startUrl } = (
      await api.http().post(`/sso-connections/${acmeConnection}/test`).set(as(acme.token)).expect(200)
    ).body;
    const start = await api.http().get(startUrl).expect(302);
    const stateCookie = String(start.headers['set-cookie'][0]).split(';')[0];
    const back = await provider.signIn(start.headers.location, 'outsider');
    const callback = await api
      .http()
      .get('/auth/sso/callback')
      .query(Object.fromEntries(back.searchParams))
      .set('Cookie', stateCookie)
      .expect(302);
    const landed = new URL(callback.headers.location, ENGINE);
    expect(landed.pathname).toBe('/portal/sso');
    const result = (
      await api
        .http()
        .get(`/sso-connections/${acmeConnection}/test-results/${landed.searchParams.get('result')}`)
        .set(as(acme.token))
        .expect(200)
    ).body;
    expect(result).toMatchObject({ partner: { id: acme.partnerId }, refusal: { reason: 'domain' } });
    await api.http().post(`/sso-connections/${acmeConnection}/test`).set(as(rival.token)).expect(404);
  });

  it('is offered no more once its partner is suspended or the domain removed', async () => {
    await testDb().query(`UPDATE partners SET status = 'suspended' WHERE id = $1`, [acme.partnerId]);
    expect(await discover(`someone@${DOMAIN}`, slugA)).toEqual([]);
    expect((await signIn(acmeConnection, 'ana')).headers.location).toBe('/sign-in?sso_error=disabled');
    await testDb().query(`UPDATE partners SET status = 'active' WHERE id = $1`, [acme.partnerId]);
    const [domain] = (await api.http().get('/email-domains').set(as(acme.token)).expect(200)).body.items as Domain[];
    await api.http().delete(`/email-domains/${domain.id}`).set(as(acme.token)).expect(204);
    expect(await discover(`someone@${DOMAIN}`, slugA)).toEqual([]);
    // Without a proven domain, nobody signs in through it: not even its earlier users.
    expect((await signIn(acmeConnection, 'ana')).headers.location).toBe('/sign-in?sso_error=domain');
  });
});
