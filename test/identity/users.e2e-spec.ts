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

  it('lets each user choose their own language: field-level 400 for one the engine does not speak, null for the browser', async () => {
    const partner = await tenants.partner(vendor);
    const mine = { Authorization: `Bearer ${partner.token}` };
    const refused = await api.http().patch('/me').set(mine).send({ locale: 'pt' }).expect(400);
    expect(refused.body.errors).toEqual([{ path: 'locale', message: expect.stringContaining('en, de, fr, es') }]);
    await api.http().patch('/me').set(mine).send({ locale: 7 }).expect(400);
    expect((await api.http().get(`/users/${partner.userId}`).set(as()).expect(200)).body.locale).toBeNull();

    const german = await api.http().patch('/me').set(mine).send({ locale: 'de' }).expect(200);
    expect(german.body).toMatchObject({ id: partner.userId, locale: 'de' });
    await api.http().patch('/me').set(mine).send({}).expect(200, german.body);
    expect((await api.http().get(`/users/${partner.userId}`).set(as()).expect(200)).body.locale).toBe('de');
    // Only one's own: the vendor admin's language did not move.
    expect(
      (await api.http().get('/users').query({ role: 'vendor_admin' }).set(as()).expect(200)).body.items[0].locale,
    ).toBeNull();

    const browsers = await api.http().patch('/me').set(mine).send({ locale: null }).expect(200);
    expect(browsers.body.locale).toBeNull();
  });
});
