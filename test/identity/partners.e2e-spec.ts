import { TenantFactory, TestVendor } from '../factories/tenant.factory';
import { ApiHarness, startApi } from '../support/api-harness';

/** What the partner directory promises beyond isolation: filters, search, paging, unique names, edits. */
describe('partners', () => {
  let api: ApiHarness;
  let vendor: TestVendor;
  const as = () => ({ Authorization: `Bearer ${vendor.adminToken}` });
  const create = (body: Record<string, string>) =>
    api
      .http()
      .post('/partners')
      .set(as())
      .send({ tier: 'gold', region: 'emea', ...body });

  beforeAll(async () => {
    api = await startApi();
    const tenants = new TenantFactory(api);
    vendor = await tenants.vendor();
    // Another vendor's partner with a matching name must never show up.
    await tenants.partner(await tenants.vendor(), { companyName: 'Omega 100% Cloud' });
    await create({ companyName: 'Omega 100% Cloud', tier: 'silver' }).expect(201);
    await create({ companyName: 'Zeta 1000 Cloud' }).expect(201);
    await create({ companyName: 'alpha_net', region: 'amer' }).expect(201);
    await create({ companyName: 'Alpha Net' }).expect(201);
  });

  afterAll(() => api.close());

  const names = (body: { items: Array<{ companyName: string }> }) => body.items.map((p) => p.companyName);

  it('finds a name by its literal text: % and _ in the search match only themselves', async () => {
    const percent = await api.http().get('/partners').query({ search: '0%' }).set(as()).expect(200);
    expect(names(percent.body)).toEqual(['Omega 100% Cloud']);
    const underscore = await api.http().get('/partners').query({ search: 'A_N' }).set(as()).expect(200);
    expect(names(underscore.body)).toEqual(['alpha_net']);
  });

  it('filters, orders by name and pages with the total of all matches', async () => {
    const page = await api.http().get('/partners').query({ region: 'emea', limit: 2, offset: 1 }).set(as()).expect(200);
    expect(page.body).toMatchObject({ total: 3, limit: 2, offset: 1 });
    expect(names(page.body)).toEqual(['Omega 100% Cloud', 'Zeta 1000 Cloud']);
    const silver = await api.http().get('/partners').query({ tier: 'silver' }).set(as()).expect(200);
    expect(silver.body).toMatchObject({ total: 1, items: [{ companyName: 'Omega 100% Cloud' }] });
  });

  it('refuses a company name another partner of the vendor has in any case, on create and on rename', async () => {
    const conflict = await create({ companyName: 'ALPHA NET' }).expect(409);
    expect(conflict.body.errors).toEqual([
      { path: 'companyName', message: 'is already used by another partner of this vendor' },
    ]);
    const other = await create({ companyName: 'Beta' }).expect(201);
    await api.http().patch(`/partners/${other.body.id}`).set(as()).send({ companyName: 'alpha net' }).expect(409);
    // Renaming a partner to its own name, in another case, is no conflict.
    await api.http().patch(`/partners/${other.body.id}`).set(as()).send({ companyName: 'BETA' }).expect(200);
  });

  it('writes an edit that changes nothing as nothing: updatedAt stays', async () => {
    const created = await create({ companyName: 'Gamma' }).expect(201);
    const same = await api
      .http()
      .patch(`/partners/${created.body.id}`)
      .set(as())
      .send({ companyName: ' Gamma ', tier: 'gold' })
      .expect(200);
    expect(same.body.updatedAt).toBe(created.body.updatedAt);
    const changed = await api
      .http()
      .patch(`/partners/${created.body.id}`)
      .set(as())
      .send({ tier: 'platinum' })
      .expect(200);
    expect(changed.body).toMatchObject({ companyName: 'Gamma', tier: 'platinum', region: 'emea' });
    expect(new Date(changed.body.updatedAt).getTime()).toBeGreaterThan(new Date(created.body.updatedAt).getTime());
  });

  it("keeps a partner's external id unique per vendor, finds a partner by it, and clears it with null", async () => {
    const prm = await create({ companyName: 'Delta', externalId: ' PRM-001 ' }).expect(201);
    expect(prm.body.externalId).toBe('PRM-001');
    const clash = await create({ companyName: 'Epsilon', externalId: 'PRM-001' }).expect(409);
    expect(clash.body.errors).toEqual([
      { path: 'externalId', message: 'is already used by another partner of this vendor' },
    ]);
    // Another vendor may use the same id for its own partner: ids are the vendor's own systems'.
    const tenants = new TenantFactory(api);
    const other = await tenants.vendor();
    await api
      .http()
      .post('/partners')
      .set({ Authorization: `Bearer ${other.adminToken}` })
      .send({ companyName: 'Delta', tier: 'gold', region: 'emea', externalId: 'PRM-001' })
      .expect(201);
    const found = await api.http().get('/partners').query({ externalId: 'PRM-001' }).set(as()).expect(200);
    expect(found.body).toMatchObject({ total: 1, items: [{ id: prm.body.id, companyName: 'Delta' }] });
    const cleared = await api.http().patch(`/partners/${prm.body.id}`).set(as()).send({ externalId: null }).expect(200);
    expect(cleared.body.externalId).toBeNull();
    // Two partners without an external id are no conflict.
    const none = await create({ companyName: 'Zeta Two' }).expect(201);
    expect(none.body.externalId).toBeNull();
    const tooLong = await create({ companyName: 'Eta', externalId: 'x'.repeat(201) }).expect(400);
    expect(tooLong.body.errors.map((e: { path: string }) => e.path)).toEqual(['externalId']);
  });

  it("keeps a partner's default language as a canonical BCP 47 tag, refuses a language name by field, and clears it with null", async () => {
    const created = await create({ companyName: 'Wien IT', language: 'de-at' }).expect(201);
    expect(created.body.language).toBe('de-AT');
    const named = await create({ companyName: 'Paris IT', language: 'French' }).expect(400);
    expect(named.body.errors).toEqual([
      { path: 'language', message: 'language must be a BCP 47 language tag such as de, fr-CA or pt-BR' },
    ]);
    expect((await api.http().get('/partners').query({ search: 'Paris IT' }).set(as()).expect(200)).body.total).toBe(0);
    const edit = (language: unknown) => api.http().patch(`/partners/${created.body.id}`).set(as()).send({ language });
    expect((await edit('fr-ca').expect(200)).body.language).toBe('fr-CA');
    expect((await edit('en_GB').expect(400)).body.errors.map((e: { path: string }) => e.path)).toEqual(['language']);
    expect((await edit(null).expect(200)).body.language).toBeNull();
    expect((await create({ companyName: 'Nowhere IT' }).expect(201)).body.language).toBeNull();
  });
});
