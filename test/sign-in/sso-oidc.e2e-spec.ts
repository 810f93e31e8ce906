import { SIGN_IN_FAILED, SSO_REQUIRED } from '@tcma/accounts';
import { randomUUID } from 'node:crypto';
import { TenantFactory, TestPartner, TestVendor } from '../factories/tenant.factory';
import { invitedUser, signedIn, TEST_PASSWORD } from '../support/accounts';
import { ApiHarness, startApi } from '../support/api-harness';
import { testDb } from '../support/db';
import { TestDnsServer, TxtTable } from '../support/dns-server';
import { startOidcProvider, TestOidcProvider } from '../support/oidc-provider';
import { tampered } from '../support/tokens';

/**
 * Single sign-on through an OpenID provider (oidc-provider, in a child process): the engine's
 * authorization code flow with PKCE, state and nonce against a real provider's sign-in form,
 * the ID token and user info validated by openid-client. A vendor user signs in by email; a
 * partner user is provisioned into the partner its token names by external id; each refusal
 * lands on the sign-in page with its reason and leaves nothing behind.
 */
describe('single sign-on (OpenID Connect)', () => {
  const ENGINE = 'http://engine.sso.example';
  const CALLBACK = `${ENGINE}/auth/sso/callback`;
  const unique = () => randomUUID().slice(0, 8);
  const vendorEmail = `ven-${unique()}@vendor.example`;
  const newPartnerEmail = `new-${unique()}@partner.example`;
  const strangerEmail = `stranger-${unique()}@partner.example`;
  const testerEmail = `tester-${unique()}@partner.example`;
  const A_HOST = 'partners.sso-a.example';
  const table = new TxtTable();
  const dns = new TestDnsServer(table.answer);
  let provider: TestOidcProvider;
  let api: ApiHarness;
  let a: TestVendor;
  let b: TestVendor;
  let aPartner: TestPartner;
  let bPartner: TestPartner;
  const as = (token: string) => ({ Authorization: `Bearer ${token}` });
  const connection = (vendor: TestVendor, body: Record<string, unknown>) =>
    api
      .http()
      .post('/sso-connections')
      .set(as(vendor.adminToken))
      .send({ clientId: 'tcma', clientSecret: 'tcma-secret', issuer: provider.issuer, ...body });

  /** The whole browser round trip: start, the provider's form, the callback; the callback's answer. */
  const signIn = async (connectionId: string, login: string, returnTo = '/portal/home') => {
    const start = await api.http().get(`/auth/sso/${connectionId}/start`).query({ returnTo }).expect(302);
    const stateCookie = String(start.headers['set-cookie'][0]).split(';')[0];
    const back = await provider.signIn(start.headers.location, login);
    expect(back.origin + back.pathname).toBe(CALLBACK);
    const callback = await api
      .http()
      .get('/auth/sso/callback')
      .query(Object.fromEntries(back.searchParams))
      .set('Cookie', stateCookie)
      .expect(302);
    return { callback, back, stateCookie };
  };
  const sessionOf = async (callback: { headers: Record<string, unknown> }) => {
    const cookies = (callback.headers['set-cookie'] as string[]).map((c) => c.split(';')[0]);
    const session = cookies.find((c) => c.startsWith('tcma_session='));
    expect(session).toBeDefined();
    return (await api.http().get('/auth/session').set('Cookie', session!).expect(200)).body;
  };
  const usersNamed = async (email: string) =>
    testDb().query<Array<{ vendor_id: string; partner_id: string | null; role: string; password_hash: string | null }>>(
      'SELECT vendor_id, partner_id, role, password_hash FROM users WHERE email = $1',
      [email],
    );

  beforeAll(async () => {
    provider = await startOidcProvider(
      [{ client_id: 'tcma', client_secret: 'tcma-secret', redirect_uris: [CALLBACK] }],
      {
        vendor: { email: vendorEmail, email_verified: true, name: 'Vera Vendor' },
        newcomer: {
          email: newPartnerEmail,
          email_verified: true,
          name: 'Nia New',
          prm_account: 'PRM-A',
          groups: ['staff', 'partner_admin'],
        },
        foreign: { email: strangerEmail, email_verified: true, prm_account: 'PRM-B' },
        tester: {
          email: testerEmail,
          email_verified: true,
          name: 'Tess Tester',
          prm_account: 'PRM-A',
          groups: ['partner_admin'],
        },
        vendorAsPartner: { email: vendorEmail, email_verified: true, prm_account: 'PRM-A' },
        unverified: { email: `unverified-${unique()}@partner.example`, email_verified: false, prm_account: 'PRM-A' },
      },
    );
    await dns.start();
    api = await startApi({ env: { PUBLIC_BASE_URL: ENGINE, DNS_SERVERS: dns.address, DNS_TIMEOUT_MS: '300' } });
    const tenants = new TenantFactory(api);
    a = await tenants.vendor('SSO Vendor A');
    b = await tenants.vendor('SSO Vendor B');
    aPartner = await tenants.partner(a);
    bPartner = await tenants.partner(b);
    await api
      .http()
      .patch(`/partners/${aPartner.partnerId}`)
      .set(as(a.adminToken))
      .send({ externalId: 'PRM-A' })
      .expect(200);
    await api
      .http()
      .patch(`/partners/${bPartner.partnerId}`)
      .set(as(b.adminToken))
      .send({ externalId: 'PRM-B' })
      .expect(200);
    await tenants.user(a.adminToken, { email: vendorEmail, name: 'Vera', role: 'vendor_marketer' });
  }, 90_000);

  afterAll(async () => {
    await api?.close();
    await provider?.stop();
    await dns.stop();
  });

  it('keeps connections to vendor admins, checks each field, seals the secret and never returns it', async () => {
    const bad = await connection(a, {
      name: 'Broken',
      audience: 'partner_users',
      issuer: 'http://idp.example',
      defaultRole: 'vendor_admin',
    }).expect(422);
    expect(bad.body.errors.map((p: { path: string }) => p.path).sort()).toEqual([
      'defaultRole',
      'issuer',
      'partnerClaim',
    ]);
    const unreachable = await connection(a, {
      name: 'Gone',
      audience: 'vendor_users',
      issuer: 'http://127.0.0.1:9',
    }).expect(422);
    expect(unreachable.body.errors[0].path).toBe('issuer');
    await api.http().get('/sso-connections').set(as(aPartner.token)).expect(403);
    await api.http().get('/sso-connections').set(as(a.marketerToken)).expect(403);

    const made = await connection(a, { name: 'Acme Workforce', audience: 'vendor_users' }).expect(201);
    expect(made.body).toMatchObject({
      audience: 'vendor_users',
      defaultRole: 'vendor_marketer',
      enabled: true,
      redirectUris: [CALLBACK],
    });
    expect(JSON.stringify(made.body)).not.toContain('tcma-secret');
    const [stored] = await testDb().query<Array<{ client_secret_sealed: string }>>(
      'SELECT client_secret_sealed FROM sso_connections WHERE id = $1',
      [made.body.id],
    );
    expect(stored.client_secret_sealed).toMatch(/^v1\./);
    await connection(a, { name: 'Acme Workforce', audience: 'vendor_users' }).expect(409);
    // Another vendor finds nothing of it.
    await api
      .http()
      .patch(`/sso-connections/${made.body.id}`)
      .set(as(b.adminToken))
      .send({ enabled: false })
      .expect(404);
    await api.http().delete(`/sso-connections/${made.body.id}`).set(as(b.adminToken)).expect(404);
    await api.http().delete(`/sso-connections/${made.body.id}`).set(as(a.adminToken)).expect(204);
  });

  it("signs a vendor user in through the vendor's provider and lands on the page it was opened for", async () => {
    const made = await connection(a, { name: 'Acme Staff', audience: 'vendor_users' }).expect(201);
    const buttons = await api
      .http()
      .get('/auth/sso/connections')
      .query({ vendor: await slugOf(a) })
      .expect(200);
    expect(buttons.body.items).toContainEqual({
      id: made.body.id,
      name: 'Acme Staff',
      protocol: 'oidc',
      startUrl: `/auth/sso/${made.body.id}/start`,
    });
    expect((await api.http().get('/auth/sso/connections').expect(200)).body.items).toEqual([]);

    const { callback } = await signIn(made.body.id, 'vendor', '/campaigns?tab=drafts');
    expect(callback.headers.location).toBe('/campaigns?tab=drafts');
    const session = await sessionOf(callback);
    expect(session).toMatchObject({ signedIn: true, user: { email: vendorEmail, role: 'vendor_marketer' } });
    // Another site is never where a sign-in lands.
    expect((await signIn(made.body.id, 'vendor', '//evil.example/x')).callback.headers.location).toBe('/');
  });

  it('provisions a partner user into the partner its token names, with the role its groups give, once', async () => {
    const made = await connection(a, {
      name: 'Acme PRM',
      audience: 'partner_users',
      partnerClaim: 'prm_account',
      roleClaim: 'groups',
    }).expect(201);
    const first = await signIn(made.body.id, 'newcomer');
    expect(first.callback.headers.location).toBe('/portal/home');
    expect(await sessionOf(first.callback)).toMatchObject({
      signedIn: true,
      user: { email: newPartnerEmail, role: 'partner_admin', partnerId: aPartner.partnerId },
    });
    await signIn(made.body.id, 'newcomer');
    expect(await usersNamed(newPartnerEmail)).toEqual([
      { vendor_id: a.vendorId, partner_id: aPartner.partnerId, role: 'partner_admin', password_hash: null },
    ]);
  });

  it('tests a connection for its admin: the claims received and what signing in would do, nobody signed in or provisioned', async () => {
    const made = await connection(a, {
      name: 'Acme PRM (test)',
      audience: 'partner_users',
      partnerClaim: 'prm_account',
      roleClaim: 'groups',
    }).expect(201);
    const id = made.body.id as string;
    const test = async (login: string) => {
      const { startUrl } = (await api.http().post(`/sso-connections/${id}/test`).set(as(a.adminToken)).expect(200))
        .body;
      const start = await api.http().get(startUrl).expect(302);
      const stateCookie = String(start.headers['set-cookie'][0]).split(';')[0];
      const back = await provider.signIn(start.headers.location, login);
      const callback = await api
        .http()
        .get('/auth/sso/callback')
        .query(Object.fromEntries(back.searchParams))
        .set('Cookie', stateCookie)
        .expect(302);
      expect(String(callback.headers['set-cookie'] ?? '')).not.toContain('tcma_session=');
      const landed = new URL(callback.headers.location, ENGINE);
      expect(landed.pathname).toBe('/console/sso');
      expect(landed.searchParams.get('tested')).toBe(id);
      return landed.searchParams.get('result')!;
    };

    const resultId = await test('tester');
    const result = (
      await api.http().get(`/sso-connections/${id}/test-results/${resultId}`).set(as(a.adminToken)).expect(200)
    ).body;
    expect(result.claims).toEqual(
      expect.arrayContaining([
        { name: 'email', value: testerEmail },
        { name: 'groups', value: 'partner_admin' },
        { name: 'prm_account', value: 'PRM-A' },
      ]),
    );
    expect(result).toMatchObject({
      connectionId: id,
      reading: { email: testerEmail, name: 'Tess Tester', role: 'partner_admin', partnerExternalId: 'PRM-A' },
      partner: { id: aPartner.partnerId, status: 'active' },
      existingUser: null,
      refusal: null,
    });
    expect(await usersNamed(testerEmail)).toEqual([]);
    // The result is its admin's: another vendor's admin, and the same vendor's marketer, are refused.
    await api.http().get(`/sso-connections/${id}/test-results/${resultId}`).set(as(b.adminToken)).expect(404);
    await api.http().get(`/sso-connections/${id}/test-results/${resultId}`).set(as(a.marketerToken)).expect(403);
    await api.http().post(`/sso-connections/${id}/test`).set(as(b.adminToken)).expect(404);

    // A claim that would be refused is shown with its reason.
    const refusedId = await test('foreign');
    expect(
      (await api.http().get(`/sso-connections/${id}/test-results/${refusedId}`).set(as(a.adminToken)).expect(200)).body,
    ).toMatchObject({ reading: { partnerExternalId: 'PRM-B' }, partner: null, refusal: { reason: 'partner' } });
    expect(await usersNamed(strangerEmail)).toEqual([]);
    // A ticket that is not one (or another connection's) is refused at the start.
    const forged = await api.http().get(`/auth/sso/${id}/start`).query({ test: 'v1.forged' }).expect(302);
    expect(forged.headers.location).toBe('/sign-in?sso_error=expired');
  });

  it('refuses, with the reason on the sign-in page and nothing written: another vendor’s partner, a vendor user, an unverified email, a replayed or foreign state, a disabled connection', async () => {
    const made = await connection(a, {
      name: 'Acme PRM strict',
      audience: 'partner_users',
      partnerClaim: 'prm_account',
    }).expect(201);
    const refusedAs = async (login: string) => (await signIn(made.body.id, login)).callback.headers.location;

    expect(await refusedAs('foreign')).toBe('/sign-in?sso_error=partner');
    expect(await usersNamed(strangerEmail)).toEqual([]);
    expect(await refusedAs('vendorAsPartner')).toBe('/sign-in?sso_error=account');
    expect(await refusedAs('unverified')).toBe('/sign-in?sso_error=email');

    // The provider's answer with the state cookie of another sign-in, without one, or tampered with.
    const one = await signIn(made.body.id, 'newcomer');
    const start = await api.http().get(`/auth/sso/${made.body.id}/start`).expect(302);
    const other = String(start.headers['set-cookie'][0]).split(';')[0];
    const replay = (cookie?: string) => {
      const req = api.http().get('/auth/sso/callback').query(Object.fromEntries(one.back.searchParams));
      return (cookie ? req.set('Cookie', cookie) : req).expect(302);
    };
    for (const cookie of [
      other,
      undefined,
      one.stateCookie.replace(/=(.*)$/, (_, value: string) => `=${tampered(value)}`),
    ])
      expect((await replay(cookie)).headers.location).toBe('/sign-in?sso_error=expired');
    // The code was used once already: the provider refuses it again.
    expect((await replay(one.stateCookie)).headers.location).toBe('/sign-in?sso_error=provider');

    await api
      .http()
      .patch(`/sso-connections/${made.body.id}`)
      .set(as(a.adminToken))
      .send({ enabled: false })
      .expect(200);
    const off = await api.http().get(`/auth/sso/${made.body.id}/start`).expect(302);
    expect(off.headers.location).toBe('/sign-in?sso_error=connection');
    expect((await api.http().get(`/auth/sso/${randomUUID()}/start`).expect(302)).headers.location).toBe(
      '/sign-in?sso_error=connection',
    );

    // Each refusal through the connection is recorded for its admins, with what was wrong (those
    // without a state naming it, or of an unknown connection, have no connection to be recorded on).
    const recorded = await api
      .http()
      .get(`/sso-connections/${made.body.id}/refusals`)
      .set(as(a.adminToken))
      .expect(200);
    expect(recorded.body.items.map((r: { reason: string }) => r.reason)).toEqual([
      'connection',
      'provider',
      'expired',
      'email',
      'account',
      'partner',
    ]);
    expect(recorded.body.items[5].detail).toBe('no partner with external id PRM-B');
    await api.http().get(`/sso-connections/${made.body.id}/refusals`).set(as(b.adminToken)).expect(404);
  });

  it('refuses the passwords of the users a vendor requires single sign-on of, with the reason, while one of its connections signs them in', async () => {
    const partnerUser = await invitedUser(api, b.adminToken, { role: 'partner_user', partnerId: bPartner.partnerId });
    const marketer = await invitedUser(api, b.adminToken, { role: 'vendor_marketer' });
    const require = (body: object) => api.http().put('/sso-requirement').set(as(b.adminToken)).send(body);
    const none = { ssoRequiredVendorUsers: false, ssoRequiredPartnerUsers: false };

    // Nobody could sign in: refused at the field.
    const stranded = await require({ ...none, ssoRequiredPartnerUsers: true }).expect(422);
    expect(stranded.body.errors[0].path).toBe('ssoRequiredPartnerUsers');
    await api.http().put('/sso-requirement').set(as(b.marketerToken)).send(none).expect(403);
    const made = await connection(b, { name: 'B PRM', audience: 'partner_users', partnerClaim: 'prm_account' }).expect(
      201,
    );
    expect((await require({ ...none, ssoRequiredPartnerUsers: true }).expect(200)).body).toEqual({
      ...none,
      ssoRequiredPartnerUsers: true,
    });

    const refused = await api
      .http()
      .post('/auth/sign-in')
      .send({ email: partnerUser, password: TEST_PASSWORD })
      .expect(403);
    expect(refused.body.message).toBe(SSO_REQUIRED);
    // A wrong password is told nothing more than any wrong password.
    const wrong = await api
      .http()
      .post('/auth/sign-in')
      .send({ email: partnerUser, password: 'not the password' })
      .expect(401);
    expect(wrong.body.message).toBe(SIGN_IN_FAILED);
    // The vendor's own users were not required: their passwords work.
    await signedIn(api, marketer);
    // No password-reset link for a password it may not use (the answer is the same as ever).
    await api.http().post('/auth/password-reset-requests').send({ email: partnerUser }).expect(202);
    expect(await mailsTo(partnerUser, 'Reset your password')).toBe(0);
    // Its provider signs it in.
    expect((await signIn(made.body.id, 'foreign')).callback.headers.location).toBe('/portal/home');

    // The last connection for them cannot go while they are required to use one.
    await api
      .http()
      .patch(`/sso-connections/${made.body.id}`)
      .set(as(b.adminToken))
      .send({ enabled: false })
      .expect(409);
    await api.http().delete(`/sso-connections/${made.body.id}`).set(as(b.adminToken)).expect(409);
    await require(none).expect(200);
    await signedIn(api, partnerUser);
    await api.http().delete(`/sso-connections/${made.body.id}`).set(as(b.adminToken)).expect(204);
  });

  it("on a vendor's own host name offers and starts only that vendor's connections, and calls the provider back there", async () => {
    const claimed = await api
      .http()
      .post('/vendor-host-names')
      .set(as(a.adminToken))
      .send({ host: A_HOST })
      .expect(201);
    table.set(claimed.body.txtRecord.name, claimed.body.txtRecord.value);
    await api.http().post(`/vendor-host-names/${claimed.body.id}/check`).set(as(a.adminToken)).expect(200);
    const ours = await connection(a, { name: 'Acme on its host', audience: 'vendor_users' }).expect(201);
    const theirs = await connection(b, { name: 'B elsewhere', audience: 'vendor_users' }).expect(201);
    expect(ours.body.redirectUris).toEqual([CALLBACK, `http://${A_HOST}/auth/sso/callback`]);

    // The host decides the vendor, whatever ?vendor= says.
    const buttons = await api
      .http()
      .get('/auth/sso/connections')
      .query({ vendor: await slugOf(b) })
      .set('Host', A_HOST)
      .expect(200);
    expect(buttons.body.items.map((c: { name: string }) => c.name)).toContain('Acme on its host');
    expect(buttons.body.items.map((c: { name: string }) => c.name)).not.toContain('B elsewhere');
    const foreign = await api.http().get(`/auth/sso/${theirs.body.id}/start`).set('Host', A_HOST).expect(302);
    expect(foreign.headers.location).toBe('/sign-in?sso_error=connection');
    const own = await api.http().get(`/auth/sso/${ours.body.id}/start`).set('Host', A_HOST).expect(302);
    expect(new URL(own.headers.location).searchParams.get('redirect_uri')).toBe(`http://${A_HOST}/auth/sso/callback`);
  });

  const mailsTo = async (email: string, subject: string): Promise<number> =>
    Number(
      (
        await testDb().query<Array<{ n: string }>>(
          'SELECT count(*) AS n FROM outbox_messages WHERE $1 = ANY(recipients) AND subject = $2',
          [email, subject],
        )
      )[0].n,
    );
  const slugOf = async (vendor: TestVendor) =>
    (await testDb().query<Array<{ slug: string }>>('SELECT slug FROM vendors WHERE id = $1', [vendor.vendorId]))[0]
      .slug;
});
