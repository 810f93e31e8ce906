import { TenantFactory, TestPartner, TestVendor } from '../factories/tenant.factory';
import { invitedUser, signedIn, TEST_PASSWORD } from '../support/accounts';
import { linkFromOutbox } from '../support/notices';
import { ApiHarness, startApi } from '../support/api-harness';

/** A partner admin sees its colleagues (GET /partners/:id/users), and only them: the portal's account page. */
describe("a partner's users", () => {
  let api: ApiHarness;
  let vendor: TestVendor;
  let partner: TestPartner;
  let sibling: TestPartner;
  let adminEmail: string;
  const bearer = (token: string) => ({ Authorization: `Bearer ${token}` });

  beforeAll(async () => {
    api = await startApi();
    const tenants = new TenantFactory(api);
    vendor = await tenants.vendor();
    partner = await tenants.partner(vendor);
    sibling = await tenants.partner(vendor);
    adminEmail = await invitedUser(api, vendor.adminToken, { role: 'partner_admin', partnerId: partner.partnerId });
  });

  afterAll(() => api?.close());

  it("a partner admin lists its partner's users, oldest first, in the shared page shape; never the vendor's or a sibling's", async () => {
    const { cookie, csrf } = await signedIn(api, adminEmail);
    // A colleague the admin invites from the browser joins the list once the invitation is accepted.
    const colleague = 'new-colleague@partner.example';
    const invited = await api
      .http()
      .post('/user-invitations')
      .set('Cookie', cookie)
      .set('X-CSRF-Token', csrf)
      .send({ email: colleague, role: 'partner_user' })
      .expect(201);
    expect(invited.body).toMatchObject({
      email: colleague,
      role: 'partner_user',
      partnerId: partner.partnerId,
      status: 'pending',
    });
    const { token } = await linkFromOutbox(colleague, '/invitations');
    await api
      .http()
      .post('/auth/invitations/accept')
      .send({ token, name: 'New Colleague', password: TEST_PASSWORD })
      .expect(200);
    const res = await api.http().get(`/partners/${partner.partnerId}/users`).set('Cookie', cookie).expect(200);
    expect(res.body).toEqual({
      total: 3,
      limit: 50,
      offset: 0,
      items: [
        expect.objectContaining({
          id: partner.userId,
          role: 'partner_user',
          partnerId: partner.partnerId,
          disabled: false,
        }),
        expect.objectContaining({ email: adminEmail, role: 'partner_admin', partnerId: partner.partnerId }),
        expect.objectContaining({ email: colleague, role: 'partner_user', partnerId: partner.partnerId }),
      ],
    });
    const paged = await api
      .http()
      .get(`/partners/${partner.partnerId}/users`)
      .set('Cookie', cookie)
      .query({ limit: 1, offset: 1 })
      .expect(200);
    expect(paged.body).toMatchObject({ total: 3, limit: 1, offset: 1, items: [{ email: adminEmail }] });

    // A sibling partner of the same vendor is out of reach (404, as every other partner page), and so are the vendor's users.
    await api.http().get(`/partners/${sibling.partnerId}/users`).set('Cookie', cookie).expect(404);
    expect(JSON.stringify(res.body)).not.toContain('@vendor.example');
  });

  it("a partner user may not list (403); a vendor admin lists any of its partners'; another vendor's partner is not found", async () => {
    await api.http().get(`/partners/${partner.partnerId}/users`).set(bearer(partner.token)).expect(403);
    const byVendor = await api
      .http()
      .get(`/partners/${sibling.partnerId}/users`)
      .set(bearer(vendor.adminToken))
      .expect(200);
    expect(byVendor.body).toMatchObject({ total: 1, items: [{ id: sibling.userId }] });
    const stranger = await new TenantFactory(api).vendor();
    await api.http().get(`/partners/${partner.partnerId}/users`).set(bearer(stranger.adminToken)).expect(404);
    // A path id that is not a UUID names nothing: 404, like any unknown id.
    await api.http().get('/partners/not-an-id/users').set(bearer(vendor.adminToken)).expect(404);
  });
});
