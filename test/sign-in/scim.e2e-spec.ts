import { randomUUID } from 'node:crypto';
import { TenantFactory, TestPartner, TestVendor } from '../factories/tenant.factory';
import { invitedUser, signedIn } from '../support/accounts';
import { ApiHarness, startApi } from '../support/api-harness';

/**
 * SCIM 2.0 provisioning as identity providers (Okta, Entra ID) exercise it: a vendor's token,
 * users created into a partner named by its external id, searched by userName, replaced,
 * patched and deactivated (their sessions and API tokens ending at once, for good), every
 * answer and refusal in SCIM's shapes, and nothing of another vendor's reachable.
 */
describe('SCIM provisioning', () => {
  const TCMA = 'urn:ietf:params:scim:schemas:extension:tcma:2.0:User';
  const USER = 'urn:ietf:params:scim:schemas:core:2.0:User';
  let api: ApiHarness;
  let a: TestVendor;
  let b: TestVendor;
  let aPartner: TestPartner;
  let aToken: string;
  let bToken: string;
  const as = (token: string) => ({ Authorization: `Bearer ${token}` });
  const scim = (token: string) => ({ Authorization: `Bearer ${token}`, 'Content-Type': 'application/scim+json' });
  const email = () => `scim-${randomUUID().slice(0, 8)}@partner.example`;
  const findId = async (token: string, userName: string): Promise<string> => {
    const found = await api
      .http()
      .get('/scim/v2/Users')
      .query({ filter: `userName eq "${userName}"` })
      .set(as(token))
      .expect(200);
    expect(found.body.totalResults).toBe(1);
    return found.body.Resources[0].id;
  };

  beforeAll(async () => {
    api = await startApi();
    const tenants = new TenantFactory(api);
    a = await tenants.vendor('SCIM Vendor A');
    b = await tenants.vendor('SCIM Vendor B');
    aPartner = await tenants.partner(a);
    await api
      .http()
      .patch(`/partners/${aPartner.partnerId}`)
      .set(as(a.adminToken))
      .send({ externalId: 'PRM-S1' })
      .expect(200);
    aToken = (await api.http().post('/scim-token').set(as(a.adminToken)).expect(201)).body.token;
    bToken = (await api.http().post('/scim-token').set(as(b.adminToken)).expect(201)).body.token;
  }, 60_000);

  afterAll(() => api?.close());

  it('keeps one token per vendor for its admins, shown once, and refuses anything else in SCIM’s shape', async () => {
    expect(aToken).toMatch(/^scim_/);
    const settings = await api.http().get('/scim-token').set(as(a.adminToken)).expect(200);
    expect(settings.body).toEqual({ enabled: true, baseUrl: expect.stringMatching(/\/scim\/v2$/) });
    expect(JSON.stringify(settings.body)).not.toContain(aToken);
    await api.http().post('/scim-token').set(as(a.marketerToken)).expect(403);
    for (const token of [undefined, 'scim_nope', a.adminToken]) {
      const req = api.http().get('/scim/v2/Users');
      const refused = await (token ? req.set(as(token)) : req).expect(401);
      expect(refused.headers['content-type']).toContain('application/scim+json');
      expect(refused.body).toMatchObject({ schemas: ['urn:ietf:params:scim:api:messages:2.0:Error'], status: '401' });
    }
    // A new token replaces the old one.
    const old = (await api.http().post('/scim-token').set(as(b.adminToken)).expect(201)).body.token;
    bToken = (await api.http().post('/scim-token').set(as(b.adminToken)).expect(201)).body.token;
    await api.http().get('/scim/v2/Users').set(as(old)).expect(401);
    await api.http().get('/scim/v2/Users').set(as(bToken)).expect(200);
  });

  it('creates a partner user, finds it by userName only in its vendor, replaces and pages', async () => {
    const userName = email();
    const made = await api
      .http()
      .post('/scim/v2/Users')
      .set(scim(aToken))
      .send(
        JSON.stringify({
          schemas: [USER, TCMA],
          userName: userName.toUpperCase(),
          name: { givenName: 'Sia', familyName: 'Prov' },
          active: true,
          [TCMA]: { partnerExternalId: 'PRM-S1', role: 'partner_admin' },
        }),
      )
      .expect(201);
    expect(made.headers['content-type']).toContain('application/scim+json');
    expect(made.body).toMatchObject({
      userName,
      displayName: 'Sia Prov',
      active: true,
      [TCMA]: { role: 'partner_admin', partnerExternalId: 'PRM-S1' },
      meta: { resourceType: 'User' },
    });
    const send = (token: string, body: object) =>
      api.http().post('/scim/v2/Users').set(scim(token)).send(JSON.stringify(body));
    expect((await send(aToken, { userName }).expect(409)).body).toMatchObject({ scimType: 'uniqueness' });
    expect(
      (await send(aToken, { userName: email(), [TCMA]: { partnerExternalId: 'PRM-NONE' } }).expect(400)).body.scimType,
    ).toBe('invalidValue');
    expect(
      (await send(aToken, { userName: email(), [TCMA]: { role: 'partner_user' } }).expect(400)).body.scimType,
    ).toBe('invalidValue');

    expect(await findId(aToken, userName)).toBe(made.body.id);
    const foreign = await api
      .http()
      .get('/scim/v2/Users')
      .query({ filter: `userName eq "${userName}"` })
      .set(as(bToken))
      .expect(200);
    expect(foreign.body).toMatchObject({ totalResults: 0, Resources: [] });
    await api.http().get(`/scim/v2/Users/${made.body.id}`).set(as(bToken)).expect(404);
    await api
      .http()
      .patch(`/scim/v2/Users/${made.body.id}`)
      .set(scim(bToken))
      .send(JSON.stringify({ Operations: [{ op: 'replace', value: { active: false } }] }))
      .expect(404);
    expect(
      (await api.http().get('/scim/v2/Users').query({ filter: 'emails co "x"' }).set(as(aToken)).expect(400)).body
        .scimType,
    ).toBe('invalidFilter');

    const replaced = await api
      .http()
      .put(`/scim/v2/Users/${made.body.id}`)
      .set(scim(aToken))
      .send(
        JSON.stringify({
          userName,
          displayName: 'Sia Renamed',
          [TCMA]: { partnerExternalId: 'PRM-S1', role: 'partner_user' },
        }),
      )
      .expect(200);
    expect(replaced.body).toMatchObject({ displayName: 'Sia Renamed', [TCMA]: { role: 'partner_user' } });
    const moved = await api
      .http()
      .put(`/scim/v2/Users/${made.body.id}`)
      .set(scim(aToken))
      .send(JSON.stringify({ userName }))
      .expect(400);
    expect(moved.body.scimType).toBe('mutability');

    const page = await api.http().get('/scim/v2/Users').query({ startIndex: 2, count: 1 }).set(as(aToken)).expect(200);
    expect(page.body).toMatchObject({ startIndex: 2, itemsPerPage: 1 });
    expect(page.body.totalResults).toBeGreaterThanOrEqual(3);
  });

  it('deactivates a user (PATCH as Entra ID sends it, or DELETE): its sessions and API tokens end at once and stay ended', async () => {
    const invited = await invitedUser(api, a.adminToken, { role: 'partner_user', partnerId: aPartner.partnerId });
    const session = await signedIn(api, invited);
    await api
      .http()
      .get('/auth/session')
      .set('Cookie', session.cookie)
      .expect(200, /"signedIn":true/);
    const id = await findId(aToken, invited);
    await api
      .http()
      .patch(`/scim/v2/Users/${id}`)
      .set(scim(aToken))
      .send(
        JSON.stringify({
          schemas: ['urn:ietf:params:scim:api:messages:2.0:PatchOp'],
          Operations: [{ op: 'Replace', path: 'active', value: 'False' }],
        }),
      )
      .expect(200, /"active":false/);
    await api.http().get('/auth/session').set('Cookie', session.cookie).expect(401);
    await api
      .http()
      .patch(`/scim/v2/Users/${id}`)
      .set(scim(aToken))
      .send(JSON.stringify({ Operations: [{ op: 'replace', value: { active: true } }] }))
      .expect(200, /"active":true/);
    // Active again, it signs in anew; what it held before stays ended.
    await api.http().get('/auth/session').set('Cookie', session.cookie).expect(401);
    await signedIn(api, invited);

    // The partner's factory user works by API token until deleted over SCIM.
    await api.http().get(`/partners/${aPartner.partnerId}/prospects`).set(as(aPartner.token)).expect(200);
    // Its SCIM id is its user id.
    const tokenUserId = aPartner.userId;
    await api.http().delete(`/scim/v2/Users/${tokenUserId}`).set(as(aToken)).expect(204);
    await api.http().get(`/partners/${aPartner.partnerId}/prospects`).set(as(aPartner.token)).expect(401);
    expect((await api.http().get(`/scim/v2/Users/${tokenUserId}`).set(as(aToken)).expect(200)).body.active).toBe(false);
  });
});

describe('SCIM groups: the vendor’s partners', () => {
  const GROUP = 'urn:ietf:params:scim:schemas:core:2.0:Group';
  const TCMA = 'urn:ietf:params:scim:schemas:extension:tcma:2.0:User';
  const PATCH = 'urn:ietf:params:scim:api:messages:2.0:PatchOp';
  let api: ApiHarness;
  let a: TestVendor;
  let b: TestVendor;
  let token: string;
  let otherToken: string;
  const scim = (t: string) => ({ Authorization: `Bearer ${t}`, 'Content-Type': 'application/scim+json' });
  const send = (body: object) => JSON.stringify(body);
  const provision = async (userName: string, partnerExternalId?: string) =>
    (
      await api
        .http()
        .post('/scim/v2/Users')
        .set(scim(token))
        .send(send({ userName, ...(partnerExternalId ? { [TCMA]: { partnerExternalId } } : {}) }))
        .expect(201)
    ).body.id as string;

  beforeAll(async () => {
    api = await startApi();
    const tenants = new TenantFactory(api);
    a = await tenants.vendor('SCIM Groups A');
    b = await tenants.vendor('SCIM Groups B');
    token = (
      await api
        .http()
        .post('/scim-token')
        .set({ Authorization: `Bearer ${a.adminToken}` })
        .expect(201)
    ).body.token;
    otherToken = (
      await api
        .http()
        .post('/scim-token')
        .set({ Authorization: `Bearer ${b.adminToken}` })
        .expect(201)
    ).body.token;
  }, 60_000);

  afterAll(() => api?.close());

  it('pushes a group as a new partner, finds it by displayName or externalId, lists its users as members, renames it', async () => {
    const made = await api
      .http()
      .post('/scim/v2/Groups')
      .set(scim(token))
      .send(send({ schemas: [GROUP], displayName: 'Northwind Resellers', externalId: 'PRM-G1' }))
      .expect(201);
    expect(made.headers['content-type']).toContain('application/scim+json');
    expect(made.body).toMatchObject({
      schemas: [GROUP],
      displayName: 'Northwind Resellers',
      externalId: 'PRM-G1',
      members: [],
    });
    const id = made.body.id as string;
    const partner = (
      await api
        .http()
        .get(`/partners/${id}`)
        .set({ Authorization: `Bearer ${a.adminToken}` })
        .expect(200)
    ).body;
    expect(partner).toMatchObject({
      companyName: 'Northwind Resellers',
      externalId: 'PRM-G1',
      tier: 'unassigned',
      status: 'active',
    });
    await api
      .http()
      .post('/scim/v2/Groups')
      .set(scim(token))
      .send(send({ displayName: 'northwind resellers' }))
      .expect(409);

    // Its users, provisioned into it by the user extension, are its members.
    const ann = await provision(`ann-${randomUUID().slice(0, 6)}@nw.example`, 'PRM-G1');
    for (const filter of ['displayName eq "Northwind Resellers"', 'externalId eq "PRM-G1"']) {
      const found = await api.http().get('/scim/v2/Groups').query({ filter }).set(scim(token)).expect(200);
      expect(found.body).toMatchObject({ totalResults: 1, Resources: [{ id, members: [{ value: ann }] }] });
    }
    const lean = await api
      .http()
      .get('/scim/v2/Groups')
      .query({ filter: 'externalId eq "PRM-G1"', excludedAttributes: 'members' })
      .set(scim(token))
      .expect(200);
    expect(lean.body.Resources[0]).not.toHaveProperty('members');
    // Another vendor's token finds nothing of it.
    expect(
      (
        await api
          .http()
          .get('/scim/v2/Groups')
          .query({ filter: 'externalId eq "PRM-G1"' })
          .set(scim(otherToken))
          .expect(200)
      ).body.totalResults,
    ).toBe(0);
    await api.http().get(`/scim/v2/Groups/${id}`).set(scim(otherToken)).expect(404);

    const renamed = await api
      .http()
      .patch(`/scim/v2/Groups/${id}`)
      .set(scim(token))
      .send(send({ schemas: [PATCH], Operations: [{ op: 'replace', value: { displayName: 'Northwind Partners' } }] }))
      .expect(200);
    expect(renamed.body.displayName).toBe('Northwind Partners');
    await api.http().get('/scim/v2/Groups').query({ filter: 'name eq "x"' }).set(scim(token)).expect(400);
  });

  it('removes a member by deactivating it, refuses moving users in, and suspends the partner when the group is deleted', async () => {
    const id = (
      await api
        .http()
        .post('/scim/v2/Groups')
        .set(scim(token))
        .send(send({ displayName: 'Contoso', externalId: 'PRM-G2' }))
        .expect(201)
    ).body.id as string;
    const bob = await provision(`bob-${randomUUID().slice(0, 6)}@contoso.example`, 'PRM-G2');
    const cyd = await provision(`cyd-${randomUUID().slice(0, 6)}@contoso.example`, 'PRM-G2');
    const vendorUser = await provision(`vera-${randomUUID().slice(0, 6)}@vendor.example`);

    // Adding the vendor's own user is refused: users never move between a partner and the vendor.
    const moved = await api
      .http()
      .patch(`/scim/v2/Groups/${id}`)
      .set(scim(token))
      .send(send({ schemas: [PATCH], Operations: [{ op: 'add', path: 'members', value: [{ value: vendorUser }] }] }))
      .expect(400);
    expect(moved.body).toMatchObject({ scimType: 'mutability' });
    // Entra ID's remove of one member: deactivated, no longer a member.
    const removed = await api
      .http()
      .patch(`/scim/v2/Groups/${id}`)
      .set(scim(token))
      .send(send({ schemas: [PATCH], Operations: [{ op: 'remove', path: `members[value eq "${bob}"]` }] }))
      .expect(200);
    expect(removed.body.members.map((m: { value: string }) => m.value)).toEqual([cyd]);
    expect((await api.http().get(`/scim/v2/Users/${bob}`).set(scim(token)).expect(200)).body.active).toBe(false);

    await api.http().delete(`/scim/v2/Groups/${id}`).set(scim(token)).expect(204);
    const partner = (
      await api
        .http()
        .get(`/partners/${id}`)
        .set({ Authorization: `Bearer ${a.adminToken}` })
        .expect(200)
    ).body;
    expect(partner.status).toBe('suspended');
  });
});
