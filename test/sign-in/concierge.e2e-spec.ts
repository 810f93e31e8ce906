import { TenantFactory, TestPartner, TestVendor } from '../factories/tenant.factory';
import { invitedUser, signedIn } from '../support/accounts';
import { ApiHarness, startApi } from '../support/api-harness';
import { testDb } from '../support/db';

/** A vendor user uses a partner's pages "acting for" it (X-Acting-For), and each such request is in the audit log. */
describe('concierge: acting for a partner', () => {
  let api: ApiHarness;
  let vendor: TestVendor;
  let partner: TestPartner;
  let foreign: TestPartner;
  const bearer = (token: string) => ({ Authorization: `Bearer ${token}` });

  beforeAll(async () => {
    api = await startApi();
    const tenants = new TenantFactory(api);
    vendor = await tenants.vendor();
    partner = await tenants.partner(vendor);
    foreign = await tenants.partner(await tenants.vendor());
  });

  afterAll(() => api?.close());

  it("uses the partner's pages as its user would, and records who, which partner, when and what", async () => {
    const actingFor = { ...bearer(vendor.marketerToken), 'X-Acting-For': partner.partnerId };
    const created = await api
      .http()
      .post(`/partners/${partner.partnerId}/prospects`)
      .set(actingFor)
      .send({ email: 'lead@customer.example' })
      .expect(201);
    expect(created.body.email).toBe('lead@customer.example');
    // Seen by the partner's own user: the vendor user acted on the partner's data.
    const seen = await api
      .http()
      .get(`/partners/${partner.partnerId}/prospects`)
      .set(bearer(partner.token))
      .expect(200);
    expect(JSON.stringify(seen.body)).toContain('lead@customer.example');
    // While acting for one partner, another partner's data is out of reach, as for the partner's user.
    const other = await new TenantFactory(api).partner(vendor);
    await api.http().get(`/partners/${other.partnerId}/prospects`).set(actingFor).expect(404);
    // Vendor-only routes refuse while acting for a partner.
    await api
      .http()
      .get('/users')
      .set({ ...bearer(vendor.adminToken), 'X-Acting-For': partner.partnerId })
      .expect(403);

    const log = await api
      .http()
      .get(`/partners/${partner.partnerId}/concierge-accesses`)
      .set(bearer(vendor.adminToken))
      .expect(200);
    const [marketer] = await testDb().query<Array<{ user_id: string }>>(
      "SELECT id AS user_id FROM users WHERE vendor_id = $1 AND role = 'vendor_marketer'",
      [vendor.vendorId],
    );
    const [admin] = await testDb().query<Array<{ user_id: string }>>(
      "SELECT id AS user_id FROM users WHERE vendor_id = $1 AND role = 'vendor_admin'",
      [vendor.vendorId],
    );
    expect(log.body).toMatchObject({ total: 3, limit: 50, offset: 0 });
    const adminUser = {
      userId: admin.user_id,
      userName: 'Admin',
      userEmail: expect.stringMatching(/^admin-.*@vendor\.example$/),
    };
    const marketerUser = {
      userId: marketer.user_id,
      userName: 'Marketer',
      userEmail: expect.stringMatching(/^marketer-.*@vendor\.example$/),
    };
    expect(log.body.items).toEqual([
      {
        id: expect.any(String),
        ...adminUser,
        partnerId: partner.partnerId,
        method: 'GET',
        path: '/users',
        at: expect.any(String),
        action: null,
      },
      {
        id: expect.any(String),
        ...marketerUser,
        partnerId: partner.partnerId,
        method: 'GET',
        path: `/partners/${other.partnerId}/prospects`,
        at: expect.any(String),
        action: null,
      },
      {
        id: expect.any(String),
        ...marketerUser,
        partnerId: partner.partnerId,
        method: 'POST',
        path: `/partners/${partner.partnerId}/prospects`,
        at: expect.any(String),
        action: null,
      },
    ]);
  });

  it("refuses another vendor's partner (404) and partner users acting for anyone (403)", async () => {
    await api
      .http()
      .get(`/partners/${foreign.partnerId}/prospects`)
      .set({ ...bearer(vendor.adminToken), 'X-Acting-For': foreign.partnerId })
      .expect(404);
    await api
      .http()
      .get(`/partners/${partner.partnerId}/prospects`)
      .set({ ...bearer(partner.token), 'X-Acting-For': partner.partnerId })
      .expect(403);
    await api
      .http()
      .get(`/partners/${foreign.partnerId}/concierge-accesses`)
      .set(bearer(vendor.adminToken))
      .expect(404);
    await api
      .http()
      .get(`/partners/${partner.partnerId}/concierge-accesses`)
      .set(bearer(vendor.marketerToken))
      .expect(403);
  });

  it("the partner's own admin reads the log (by session too); its users, other partners' admins and acting vendor users do not", async () => {
    await api
      .http()
      .get(`/partners/${partner.partnerId}/prospects`)
      .set({ ...bearer(vendor.marketerToken), 'X-Acting-For': partner.partnerId })
      .expect(200);
    const partnerAdmin = await invitedUser(api, vendor.adminToken, {
      role: 'partner_admin',
      partnerId: partner.partnerId,
    });
    const { cookie } = await signedIn(api, partnerAdmin);
    const log = await api
      .http()
      .get(`/partners/${partner.partnerId}/concierge-accesses`)
      .set('Cookie', cookie)
      .query({ limit: 1 })
      .expect(200);
    const vendorLog = await api
      .http()
      .get(`/partners/${partner.partnerId}/concierge-accesses`)
      .set(bearer(vendor.adminToken))
      .query({ limit: 1 })
      .expect(200);
    // The same log the vendor's admin reads, page shape and all.
    expect(log.body).toEqual(vendorLog.body);
    expect(log.body).toMatchObject({
      limit: 1,
      offset: 0,
      items: [{ userName: 'Marketer', method: 'GET', path: `/partners/${partner.partnerId}/prospects` }],
    });
    expect(log.body.total).toBeGreaterThanOrEqual(4);

    // A partner user is not an admin; another partner's admin sees no such partner; a vendor user acting for the partner is its user, not its admin.
    await api.http().get(`/partners/${partner.partnerId}/concierge-accesses`).set(bearer(partner.token)).expect(403);
    const other = await new TenantFactory(api).partner(vendor);
    const otherAdmin = await invitedUser(api, vendor.adminToken, { role: 'partner_admin', partnerId: other.partnerId });
    const otherSession = await signedIn(api, otherAdmin);
    await api
      .http()
      .get(`/partners/${partner.partnerId}/concierge-accesses`)
      .set('Cookie', otherSession.cookie)
      .expect(404);
    await api
      .http()
      .get(`/partners/${partner.partnerId}/concierge-accesses`)
      .set({ ...bearer(vendor.adminToken), 'X-Acting-For': partner.partnerId })
      .expect(403);
  });

  it('works for a signed-in browser too: the session says whom it acts for', async () => {
    const email = await invitedUser(api, vendor.adminToken, { role: 'vendor_marketer' });
    const { cookie } = await signedIn(api, email);
    const session = await api
      .http()
      .get('/auth/session')
      .set('Cookie', cookie)
      .set('X-Acting-For', partner.partnerId)
      .expect(200);
    expect(session.body).toMatchObject({
      user: { email, role: 'vendor_marketer', partnerId: null },
      actingForPartnerId: partner.partnerId,
    });
  });
});
