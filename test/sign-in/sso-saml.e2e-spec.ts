import { randomUUID } from 'node:crypto';
import { TenantFactory, TestPartner, TestVendor } from '../factories/tenant.factory';
import { ApiHarness, startApi } from '../support/api-harness';
import { testDb } from '../support/db';
import { TestDnsServer, TxtTable } from '../support/dns-server';
import { SamlAnswer, startSamlIdp, TestSamlIdp } from '../support/saml-idp';

/**
 * Single sign-on through a SAML 2.0 identity provider (in-process, signing with xml-crypto):
 * started here (an AuthnRequest over HTTP-Redirect, answered with its InResponseTo) or at the
 * provider (an unsolicited POST to the ACS, landing on its RelayState when that is one of the
 * engine's paths). A vendor user signs in by email; a partner user is provisioned into the
 * partner an attribute names; each refusal lands on the sign-in page with its reason and
 * writes nothing. One API for the file.
 */
describe('single sign-on (SAML 2.0)', () => {
  const ENGINE = 'http://engine.saml.example';
  const unique = () => randomUUID().slice(0, 8);
  const vendorEmail = `saml-ven-${unique()}@vendor.example`;
  const A_HOST = 'partners.saml-a.example';
  const table = new TxtTable();
  const dns = new TestDnsServer(table.answer);
  let idp: TestSamlIdp;
  let api: ApiHarness;
  let a: TestVendor;
  let b: TestVendor;
  let aPartner: TestPartner;
  /** Vendor A's SAML connections: its own users' (metadata URL) and its partners' (metadata pasted). */
  let staff: string;
  let prm: string;
  const as = (token: string) => ({ Authorization: `Bearer ${token}` });
  const connection = (vendor: TestVendor, body: Record<string, unknown>) =>
    api
      .http()
      .post('/sso-connections')
      .set(as(vendor.adminToken))
      .send({ protocol: 'saml', ...body });
  const sp = (id: string) => ({
    audience: `${ENGINE}/auth/saml/${id}/metadata`,
    recipient: `${ENGINE}/auth/saml/${id}/acs`,
  });
  /** The identity provider's POST to the ACS, as the browser carries it. */
  const post = (id: string, samlResponse: string, relayState?: string) =>
    api
      .http()
      .post(`/auth/saml/${id}/acs`)
      .type('form')
      .send({ SAMLResponse: samlResponse, ...(relayState === undefined ? {} : { RelayState: relayState }) })
      .expect(302);
  /** An unsolicited (IdP-initiated) answer for the connection, signed on its assertion unless said otherwise. */
  const answer = (id: string, over: Partial<SamlAnswer> & Pick<SamlAnswer, 'nameId'>) =>
    idp.respond({ ...sp(id), sign: 'assertion', ...over });
  const sessionOf = async (acs: { headers: Record<string, unknown> }) => {
    const cookies = ((acs.headers['set-cookie'] as string[] | undefined) ?? []).map((c) => c.split(';')[0]);
    const session = cookies.find((c) => c.startsWith('tcma_session='));
    expect(session).toBeDefined();
    return (await api.http().get('/auth/session').set('Cookie', session!).expect(200)).body;
  };
  const usersNamed = async (email: string) =>
    testDb().query<Array<{ vendor_id: string; partner_id: string | null; role: string }>>(
      'SELECT vendor_id, partner_id, role FROM users WHERE email = $1',
      [email],
    );
  /** A refusal: the sign-in page with its reason, no session, nobody provisioned. */
  const refused = async (id: string, samlResponse: string, email: string, reason = 'provider') => {
    const acs = await post(id, samlResponse);
    expect(acs.headers.location).toBe(`/sign-in?sso_error=${reason}`);
    expect(String(acs.headers['set-cookie'] ?? '')).not.toContain('tcma_session=');
    expect(await usersNamed(email)).toEqual([]);
  };

  beforeAll(async () => {
    idp = await startSamlIdp();
    await dns.start();
    api = await startApi({ env: { PUBLIC_BASE_URL: ENGINE, DNS_SERVERS: dns.address, DNS_TIMEOUT_MS: '300' } });
    const tenants = new TenantFactory(api);
    a = await tenants.vendor('SAML Vendor A');
    b = await tenants.vendor('SAML Vendor B');
    aPartner = await tenants.partner(a);
    const bPartner = await tenants.partner(b);
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
    staff = (
      await connection(a, { name: 'Acme Directory', audience: 'vendor_users', metadataUrl: idp.metadataUrl }).expect(
        201,
      )
    ).body.id;
    prm = (
      await connection(a, {
        name: 'Acme PRM',
        audience: 'partner_users',
        metadataXml: idp.metadataXml,
        partnerClaim: 'prm_account',
        roleClaim: 'groups',
      }).expect(201)
    ).body.id;
  }, 90_000);

  afterAll(async () => {
    await api?.close();
    await idp?.stop();
    await dns.stop();
  });

  it('takes SAML connections from the metadata, refuses what cannot be used at its field, and shows what to register', async () => {
    const bad = await connection(a, {
      name: 'Broken',
      audience: 'vendor_users',
      metadataXml: '<md:EntityDescriptor xmlns:md="urn:oasis:names:tc:SAML:2.0:metadata" entityID="x"/>',
      clientSecret: 'oidc only',
    }).expect(422);
    expect(bad.body.errors.map((p: { path: string }) => p.path).sort()).toEqual(['clientSecret']);
    const noIdp = await connection(a, {
      name: 'Broken',
      audience: 'vendor_users',
      metadataXml: '<md:EntityDescriptor xmlns:md="urn:oasis:names:tc:SAML:2.0:metadata" entityID="x"/>',
    }).expect(422);
    expect(noIdp.body.errors).toEqual([
      { path: 'metadataXml', message: expect.stringContaining('no identity provider') },
    ]);
    const neither = await connection(a, { name: 'Broken', audience: 'vendor_users' }).expect(422);
    expect(neither.body.errors.map((p: { path: string }) => p.path)).toEqual(['metadataUrl']);
    const unreachable = await connection(a, {
      name: 'Gone',
      audience: 'vendor_users',
      metadataUrl: 'http://127.0.0.1:9/m',
    });
    expect(unreachable.status).toBe(422);
    expect(unreachable.body.errors[0].path).toBe('metadataUrl');

    const listed = await api.http().get('/sso-connections').set(as(a.adminToken)).expect(200);
    expect(listed.body.items.find((c: { id: string }) => c.id === staff)).toMatchObject({
      protocol: 'saml',
      issuer: null,
      clientId: null,
      idpEntityId: idp.entityId,
      idpMetadataUrl: idp.metadataUrl,
      redirectUris: [],
      saml: { entityId: sp(staff).audience, acsUrls: [sp(staff).recipient], metadataUrl: sp(staff).audience },
    });
    const metadata = await api.http().get(`/auth/saml/${staff}/metadata`).expect(200);
    expect(metadata.headers['content-type']).toContain('application/samlmetadata+xml');
    expect(metadata.text).toContain(`entityID="${sp(staff).audience}"`);
    expect(metadata.text).toContain(`Location="${sp(staff).recipient}"`);
    await api.http().get(`/auth/saml/${randomUUID()}/metadata`).expect(404);
    // Another vendor finds nothing of it.
    await api.http().patch(`/sso-connections/${staff}`).set(as(b.adminToken)).send({ name: 'Mine' }).expect(404);
    // A change reads the metadata again when given it; OpenID settings stay refused.
    const patch = (body: object) => api.http().patch(`/sso-connections/${staff}`).set(as(a.adminToken)).send(body);
    expect((await patch({ issuer: 'https://login.example' }).expect(422)).body.errors[0].path).toBe('issuer');
    expect((await patch({ metadataXml: 'not xml <' }).expect(422)).body.errors[0].path).toBe('metadataXml');
    expect((await patch({ metadataUrl: idp.metadataUrl }).expect(200)).body.idpEntityId).toBe(idp.entityId);
    // An OpenID button does not start a SAML connection.
    expect((await api.http().get(`/auth/sso/${staff}/start`).expect(302)).headers.location).toBe(
      '/sign-in?sso_error=connection',
    );
  });

  it('signs a vendor user in from the sign-in page: AuthnRequest, answer with its InResponseTo, session, deep link', async () => {
    const slug = (
      await testDb().query<Array<{ slug: string }>>('SELECT slug FROM vendors WHERE id = $1', [a.vendorId])
    )[0].slug;
    const buttons = await api.http().get('/auth/sso/connections').query({ vendor: slug }).expect(200);
    expect(buttons.body.items).toContainEqual({
      id: staff,
      name: 'Acme Directory',
      protocol: 'saml',
      startUrl: `/auth/saml/${staff}/start`,
    });

    const start = await api
      .http()
      .get(`/auth/saml/${staff}/start`)
      .query({ returnTo: '/campaigns?tab=drafts' })
      .expect(302);
    expect(start.headers.location.startsWith(`${idp.ssoUrl}?`)).toBe(true);
    const request = idp.requestOf(start.headers.location);
    expect(request.relayState).toBe('/campaigns?tab=drafts');
    expect(request.xml).toContain(`AssertionConsumerServiceURL="${sp(staff).recipient}"`);
    const acs = await post(
      staff,
      answer(staff, { nameId: vendorEmail, inResponseTo: request.id }),
      request.relayState!,
    );
    expect(acs.headers.location).toBe('/campaigns?tab=drafts');
    expect(await sessionOf(acs)).toMatchObject({
      signedIn: true,
      user: { email: vendorEmail, role: 'vendor_marketer' },
    });

    // The request was answered: another answer to it (a fresh assertion) is refused.
    const again = await post(staff, answer(staff, { nameId: vendorEmail, inResponseTo: request.id }));
    expect(again.headers.location).toBe('/sign-in?sso_error=expired');
  });

  it('provisions a partner user into the partner its attribute names, with the role its groups give, once; a signed response will do', async () => {
    const email = `saml-new-${unique()}@partner.example`;
    const attributes = { prm_account: 'PRM-A', groups: ['staff', 'partner_admin'], displayName: 'Nia New' };
    const first = await post(prm, answer(prm, { nameId: email, attributes }));
    expect(first.headers.location).toBe('/');
    expect(await sessionOf(first)).toMatchObject({
      signedIn: true,
      user: { email, name: 'Nia New', role: 'partner_admin', partnerId: aPartner.partnerId },
    });
    await post(prm, answer(prm, { nameId: email, attributes, sign: 'response' }));
    expect(await usersNamed(email)).toEqual([
      { vendor_id: a.vendorId, partner_id: aPartner.partnerId, role: 'partner_admin' },
    ]);
  });

  it("lands an IdP-initiated sign-in on its RelayState when that is one of the engine's paths, else home", async () => {
    const signIn = async (relayState: string) =>
      (await post(staff, answer(staff, { nameId: vendorEmail }), relayState)).headers.location;
    expect(await signIn('/portal/campaigns/42?from=prm')).toBe('/portal/campaigns/42?from=prm');
    expect(await signIn('https://evil.example/portal')).toBe('/');
    expect(await signIn('//evil.example/portal')).toBe('/');
  });

  it('tests a connection for its admin: the attributes received and what signing in would do, nobody signed in', async () => {
    const email = `saml-test-${unique()}@partner.example`;
    const { startUrl } = (await api.http().post(`/sso-connections/${prm}/test`).set(as(a.adminToken)).expect(200)).body;
    const start = await api.http().get(startUrl).expect(302);
    const request = idp.requestOf(start.headers.location);
    expect(request.relayState).toMatch(/^tcma-test:/);
    const attributes = { prm_account: 'PRM-A', groups: ['partner_admin'], displayName: 'Tess Tester' };
    const acs = await post(
      prm,
      answer(prm, { nameId: email, attributes, inResponseTo: request.id }),
      request.relayState!,
    );
    expect(String(acs.headers['set-cookie'] ?? '')).not.toContain('tcma_session=');
    const landed = new URL(acs.headers.location, ENGINE);
    expect(landed.pathname).toBe('/console/sso');
    const result = (
      await api
        .http()
        .get(`/sso-connections/${prm}/test-results/${landed.searchParams.get('result')}`)
        .set(as(a.adminToken))
        .expect(200)
    ).body;
    expect(result.claims).toEqual(expect.arrayContaining([{ name: 'prm_account', value: 'PRM-A' }]));
    expect(result).toMatchObject({
      reading: { email, role: 'partner_admin', partnerExternalId: 'PRM-A' },
      partner: { id: aPartner.partnerId },
      existingUser: null,
      refusal: null,
    });
    expect(await usersNamed(email)).toEqual([]);
    // The test's RelayState is the answer to that request only: put on an unsolicited answer, it signs in as usual (and lands home).
    const unsolicited = await post(prm, answer(prm, { nameId: email, attributes }), request.relayState!);
    expect(unsolicited.headers.location).toBe('/');
    expect(await sessionOf(unsolicited)).toMatchObject({ signedIn: true, user: { email } });
  });

  it('refuses an assertion for another audience', async () => {
    const email = `saml-aud-${unique()}@partner.example`;
    await refused(
      prm,
      answer(prm, {
        nameId: email,
        audience: 'https://other-sp.example/metadata',
        attributes: { prm_account: 'PRM-A' },
      }),
      email,
    );
  });

  it('refuses an assertion for another assertion consumer service (Recipient)', async () => {
    const email = `saml-recipient-${unique()}@partner.example`;
    const elsewhere = answer(prm, {
      nameId: email,
      recipient: 'http://elsewhere.example/acs',
      attributes: { prm_account: 'PRM-A' },
    });
    await refused(prm, elsewhere, email);
  });

  it('refuses an unsigned assertion in an unsigned response', async () => {
    const email = `saml-unsigned-${unique()}@partner.example`;
    await refused(prm, answer(prm, { nameId: email, sign: 'none', attributes: { prm_account: 'PRM-A' } }), email);
  });

  it('refuses a signed assertion whose content was changed after signing', async () => {
    const email = `saml-tampered-${unique()}@partner.example`;
    const tampered = answer(prm, {
      nameId: `saml-real-${unique()}@partner.example`,
      attributes: { prm_account: 'PRM-A' },
      tamper: (xml) => xml.replace(/(<saml:NameID[^>]*>)[^<]+/, `$1${email}`),
    });
    expect(Buffer.from(tampered, 'base64').toString()).toContain(email);
    await refused(prm, tampered, email);
  });

  it('refuses an expired assertion (past NotOnOrAfter beyond the clock skew)', async () => {
    const email = `saml-expired-${unique()}@partner.example`;
    const expired = new Date(Date.now() - 3 * 60_000);
    await refused(
      prm,
      answer(prm, { nameId: email, notOnOrAfter: expired, attributes: { prm_account: 'PRM-A' } }),
      email,
    );
  });

  it('refuses a replayed assertion id', async () => {
    const email = `saml-replay-${unique()}@partner.example`;
    const once = answer(prm, { nameId: email, attributes: { prm_account: 'PRM-A' } });
    expect((await post(prm, once)).headers.location).toBe('/');
    const acs = await post(prm, once);
    expect(acs.headers.location).toBe('/sign-in?sso_error=provider');
    expect(String(acs.headers['set-cookie'] ?? '')).not.toContain('tcma_session=');
    const [{ n }] = await testDb().query<Array<{ n: string }>>(
      'SELECT count(*) AS n FROM saml_assertions WHERE connection_id = $1 AND expires_at > now()',
      [prm],
    );
    expect(Number(n)).toBeGreaterThan(0);
  });

  it('refuses an answer to a request the engine never sent (InResponseTo unknown)', async () => {
    const email = `saml-unasked-${unique()}@partner.example`;
    await refused(
      prm,
      answer(prm, { nameId: email, inResponseTo: `_${randomUUID()}`, attributes: { prm_account: 'PRM-A' } }),
      email,
      'expired',
    );
  });

  it("refuses a partner attribute naming another vendor's partner", async () => {
    const email = `saml-foreign-${unique()}@partner.example`;
    await refused(prm, answer(prm, { nameId: email, attributes: { prm_account: 'PRM-B' } }), email, 'partner');
  });

  it('counts an enabled SAML connection for required single sign-on', async () => {
    const require = (body: object) => api.http().put('/sso-requirement').set(as(b.adminToken)).send(body);
    const none = { ssoRequiredVendorUsers: false, ssoRequiredPartnerUsers: false };
    expect((await require({ ...none, ssoRequiredPartnerUsers: true }).expect(422)).body.errors[0].path).toBe(
      'ssoRequiredPartnerUsers',
    );
    const made = await connection(b, {
      name: 'B PRM',
      audience: 'partner_users',
      metadataXml: idp.metadataXml,
      partnerClaim: 'prm_account',
    }).expect(201);
    await require({ ...none, ssoRequiredPartnerUsers: true }).expect(200);
    await api
      .http()
      .patch(`/sso-connections/${made.body.id}`)
      .set(as(b.adminToken))
      .send({ enabled: false })
      .expect(409);
    await require(none).expect(200);
  });

  it("on a vendor's own host name starts only its connections, and takes the answer at that host's ACS", async () => {
    const claimed = await api
      .http()
      .post('/vendor-host-names')
      .set(as(a.adminToken))
      .send({ host: A_HOST })
      .expect(201);
    table.set(claimed.body.txtRecord.name, claimed.body.txtRecord.value);
    await api.http().post(`/vendor-host-names/${claimed.body.id}/check`).set(as(a.adminToken)).expect(200);
    const hostAcs = `http://${A_HOST}/auth/saml/${staff}/acs`;
    const listed = await api.http().get('/sso-connections').set(as(a.adminToken)).expect(200);
    expect(listed.body.items.find((c: { id: string }) => c.id === staff).saml.acsUrls).toEqual([
      sp(staff).recipient,
      hostAcs,
    ]);
    const theirs = await connection(b, { name: 'B Directory', audience: 'vendor_users', metadataXml: idp.metadataXml });
    expect(theirs.status).toBe(201);
    const foreign = await api.http().get(`/auth/saml/${theirs.body.id}/start`).set('Host', A_HOST).expect(302);
    expect(foreign.headers.location).toBe('/sign-in?sso_error=connection');

    const start = await api.http().get(`/auth/saml/${staff}/start`).set('Host', A_HOST).expect(302);
    const request = idp.requestOf(start.headers.location);
    expect(request.xml).toContain(`AssertionConsumerServiceURL="${hostAcs}"`);
    const response = idp.respond({
      audience: sp(staff).audience,
      recipient: hostAcs,
      inResponseTo: request.id,
      nameId: vendorEmail,
      sign: 'assertion',
    });
    const acs = await api
      .http()
      .post(`/auth/saml/${staff}/acs`)
      .set('Host', A_HOST)
      .type('form')
      .send({ SAMLResponse: response })
      .expect(302);
    expect(acs.headers.location).toBe('/');
    expect(String(acs.headers['set-cookie'])).toContain('tcma_session=');
  });
});
