import { TenantFactory, TestVendor } from '../factories/tenant.factory';
import { ApiHarness, startApi } from '../support/api-harness';

describe('users', () => {
  let api: ApiHarness;
  let vendor: TestVendor;
  let tenants: TenantFactory;
  const as = () => ({ Authorization: `Bearer ${vendor.adminToken}` });

  beforeAll(async () => {
    api = await startApi();
    tenants = new TenantFactory(api);
    vendor = await tenants.vendor();
    await tenants.vendor();
  });

  afterAll(() => api.close());

  it("lists the vendor's users in creation order, by partner or role", async () => {
    const partner = await tenants.partner(vendor);
    const other = await tenants.partner(vendor);
    const all = await api.http().get('/users').set(as()).expect(200);
    expect(all.body.items.map((u: { role: string }) => u.role)).toEqual([
      'vendor_admin',
      'vendor_marketer',
      'partner_user',
      'partner_user',
    ]);
    expect(all.body.items.map((u: { partnerId: string | null }) => u.partnerId)).toEqual([
      null,
      null,
      partner.partnerId,
      other.partnerId,
    ]);
    const ofPartner = await api.http().get('/users').query({ partnerId: partner.partnerId }).set(as()).expect(200);
    expect(ofPartner.body.items.map((u: { id: string }) => u.id)).toEqual([partner.userId]);
    const marketers = await api.http().get('/users').query({ role: 'vendor_marketer' }).set(as()).expect(200);
    expect(marketers.body).toMatchObject({ total: 1, limit: 50, offset: 0 });
    expect(marketers.body.items).toHaveLength(1);
  });

  it('disables and enables a user; an edit without changes answers the user as it is', async () => {
    const partner = await tenants.partner(vendor);
    const disabled = await api
      .http()
      .patch(`/users/${partner.userId}`)
      .set(as())
      .send({ disabled: true, name: ' Pat ' })
      .expect(200);
    expect(disabled.body).toMatchObject({ id: partner.userId, name: 'Pat', disabled: true });
    await api.http().patch(`/users/${partner.userId}`).set(as()).send({}).expect(200, disabled.body);
    const enabled = await api.http().patch(`/users/${partner.userId}`).set(as()).send({ disabled: false }).expect(200);
    expect(enabled.body).toMatchObject({ name: 'Pat', disabled: false });
  });
});
