import { ManualClock } from '@tcma/clock';
import { TokensRepository } from '@tcma/tenancy';
import { TenantFactory, TestVendor } from '../factories/tenant.factory';
import { ApiHarness, startApi } from '../support/api-harness';
import { eventually } from '../support/processes';

describe('API tokens', () => {
  let api: ApiHarness;
  let vendor: TestVendor;
  let other: TestVendor;
  const clock = new ManualClock(new Date('2026-11-23T09:00:00Z'));
  const as = (token: string) => ({ Authorization: `Bearer ${token}` });
  const me = async (token: string): Promise<string> =>
    (await api.http().get('/me').set(as(token)).expect(200)).body.userId;

  beforeAll(async () => {
    api = await startApi({ clock });
    const tenants = new TenantFactory(api);
    vendor = await tenants.vendor();
    other = await tenants.vendor();
  });

  afterAll(() => api.close());

  it('issues tokens for users of the vendor only, and for others only by admins', async () => {
    const [adminId, marketerId, strangerId] = await Promise.all([
      me(vendor.adminToken),
      me(vendor.marketerToken),
      me(other.marketerToken),
    ]);
    const forMarketer = await api
      .http()
      .post('/tokens')
      .set(as(vendor.adminToken))
      .send({ name: 'for mia', userId: marketerId })
      .expect(201);
    expect(forMarketer.body).toMatchObject({
      userId: marketerId,
      name: 'for mia',
      revokedAt: null,
      lastUsedAt: null,
      expiresAt: null,
    });
    await api.http().post('/tokens').set(as(vendor.adminToken)).send({ name: 'x', userId: strangerId }).expect(404);
    await api.http().post('/tokens').set(as(vendor.marketerToken)).send({ name: 'x', userId: adminId }).expect(404);
    const expiring = await api
      .http()
      .post('/tokens')
      .set(as(vendor.marketerToken))
      .send({ name: 'short', expiresInDays: 2 })
      .expect(201);
    expect(expiring.body).toMatchObject({ userId: marketerId, expiresAt: '2026-11-25T09:00:00.000Z' });
  });

  it('lists an admin every token of the vendor, anyone else only their own', async () => {
    const [adminId, marketerId] = await Promise.all([me(vendor.adminToken), me(vendor.marketerToken)]);
    const all = await api.http().get('/tokens').set(as(vendor.adminToken)).expect(200);
    expect(new Set(all.body.items.map((t: { userId: string }) => t.userId))).toEqual(new Set([adminId, marketerId]));
    const ofMarketer = await api
      .http()
      .get('/tokens')
      .query({ userId: marketerId })
      .set(as(vendor.adminToken))
      .expect(200);
    expect(ofMarketer.body.items.length).toBeGreaterThan(1);
    expect(ofMarketer.body).toMatchObject({ total: ofMarketer.body.items.length, limit: 50, offset: 0 });
    expect(ofMarketer.body.items.every((t: { userId: string }) => t.userId === marketerId)).toBe(true);
    const own = await api.http().get('/tokens').set(as(vendor.marketerToken)).expect(200);
    expect(own.body.items.map((t: { id: string }) => t.id)).toEqual(
      ofMarketer.body.items.map((t: { id: string }) => t.id),
    );
    await api
      .http()
      .get('/tokens')
      .query({ userId: adminId })
      .set(as(vendor.marketerToken))
      .expect(200, { items: [], total: 0, limit: 50, offset: 0 });
  });

  it("lets only admins revoke someone else's token; revoking again changes nothing", async () => {
    const adminTokens = (
      await api
        .http()
        .get('/tokens')
        .query({ userId: await me(vendor.adminToken) })
        .set(as(vendor.adminToken))
        .expect(200)
    ).body.items;
    await api.http().delete(`/tokens/${adminTokens[0].id}`).set(as(vendor.marketerToken)).expect(404);
    const issued = await api
      .http()
      .post('/tokens')
      .set(as(vendor.marketerToken))
      .send({ name: 'to revoke' })
      .expect(201);
    await api.http().delete(`/tokens/${issued.body.id}`).set(as(vendor.adminToken)).expect(204);
    const revokedAt = (await api.http().get('/tokens').set(as(vendor.marketerToken)).expect(200)).body.items.find(
      (t: { id: string }) => t.id === issued.body.id,
    ).revokedAt;
    expect(revokedAt).toBe(clock.now().toISOString());
    clock.set(clock.now().getTime() + 5000);
    await api.http().delete(`/tokens/${issued.body.id}`).set(as(vendor.adminToken)).expect(204);
    const again = (await api.http().get('/tokens').set(as(vendor.marketerToken)).expect(200)).body.items.find(
      (t: { id: string }) => t.id === issued.body.id,
    );
    expect(again.revokedAt).toBe(revokedAt);
  });

  it("keeps a partner's tokens its own: a vendor admin neither mints, lists nor revokes them; the partner's admin does", async () => {
    const tenants = new TenantFactory(api);
    const admin = await tenants.partner(vendor, { role: 'partner_admin' });
    const colleague = await tenants.user(vendor.adminToken, {
      email: `colleague-${Date.now()}@partner.example`,
      name: 'Colleague',
      role: 'partner_user',
      partnerId: admin.partnerId,
    });
    // Minting one would read the partner's contacts around their privacy, outside the concierge log.
    await api
      .http()
      .post('/tokens')
      .set(as(vendor.adminToken))
      .send({ name: 'backdoor', userId: colleague.userId })
      .expect(404);
    const vendorList = await api.http().get('/tokens').query({ limit: 200 }).set(as(vendor.adminToken)).expect(200);
    const partnerUsers = new Set([admin.userId, colleague.userId]);
    expect(vendorList.body.items.some((t: { userId: string }) => partnerUsers.has(t.userId))).toBe(false);
    await api
      .http()
      .get('/tokens')
      .query({ userId: colleague.userId })
      .set(as(vendor.adminToken))
      .expect(200, { items: [], total: 0, limit: 50, offset: 0 });

    const minted = await api
      .http()
      .post('/tokens')
      .set(as(admin.token))
      .send({ name: 'for the colleague', userId: colleague.userId })
      .expect(201);
    expect(await me(minted.body.token)).toBe(colleague.userId);
    const partnerList = await api.http().get('/tokens').set(as(admin.token)).expect(200);
    expect(new Set(partnerList.body.items.map((t: { userId: string }) => t.userId))).toEqual(partnerUsers);
    await api.http().delete(`/tokens/${minted.body.id}`).set(as(vendor.adminToken)).expect(404);
    await api.http().get('/me').set(as(minted.body.token)).expect(200);
    // A partner user (not its admin) mints for itself only; a vendor user acting for the partner mints nothing.
    await api.http().post('/tokens').set(as(colleague.token)).send({ name: 'x', userId: admin.userId }).expect(404);
    await api
      .http()
      .post('/tokens')
      .set({ ...as(vendor.adminToken), 'X-Acting-For': admin.partnerId })
      .send({ name: 'x', userId: colleague.userId })
      .expect(404);
    await api.http().delete(`/tokens/${minted.body.id}`).set(as(admin.token)).expect(204);
    await api.http().get('/me').set(as(minted.body.token)).expect(401);
  });

  it('records when a token was last used, at most once a minute', async () => {
    const issued = await api.http().post('/tokens').set(as(other.adminToken)).send({ name: 'usage' }).expect(201);
    const lastUsed = async () =>
      (await api.http().get('/tokens').set(as(other.adminToken)).expect(200)).body.items.find(
        (t: { id: string }) => t.id === issued.body.id,
      ).lastUsedAt;
    const first = clock.now();
    await api.http().get('/me').set(as(issued.body.token)).expect(200);
    await eventually(async () => (await lastUsed()) === first.toISOString(), 'last use recorded');
    // The request path records use in the background; the rule itself is checked directly.
    const tokens = api.app.get(TokensRepository);
    await tokens.touchForSystem(issued.body.id, new Date(first.getTime() + 59_000));
    expect(await lastUsed()).toBe(first.toISOString());
    await tokens.touchForSystem(issued.body.id, new Date(first.getTime() + 61_000));
    expect(await lastUsed()).toBe(new Date(first.getTime() + 61_000).toISOString());
  });
});
