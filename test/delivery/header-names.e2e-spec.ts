import { TenantFactory, TestVendor } from '../factories/tenant.factory';
import { ApiHarness, startApi } from '../support/api-harness';

/**
 * Names that reach an email's From header (a sender's display name, a partner's company name,
 * the brand kit's) follow the brand kit's text rules and cannot pose as an address: refused
 * where they are written, field by field.
 */
describe('names that reach email headers', () => {
  let api: ApiHarness;
  let vendor: TestVendor;
  const as = (token: string) => ({ Authorization: `Bearer ${token}` });

  beforeAll(async () => {
    api = await startApi();
    vendor = await new TenantFactory(api).vendor();
  }, 60_000);

  afterAll(() => api?.close());

  it.each([
    ['a right-to-left override', 'Northwind\u202Egnp.exe', 'bidirectional'],
    ['fake address text', 'Acme CEO <ceo@vendor.example> Bcc:', 'angle brackets'],
    ['an address', 'ceo@vendor.example', 'email address'],
  ])(
    'refuses %s in a partner company name, a sender display name and the brand kit company name',
    async (_what, name, message) => {
      const created = await api
        .http()
        .post('/partners')
        .set(as(vendor.adminToken))
        .send({ companyName: name, tier: 'gold', region: 'emea' })
        .expect(422);
      expect(created.body.errors).toEqual([{ path: 'companyName', message: expect.stringContaining(message) }]);

      const partner = await new TenantFactory(api).partner(vendor);
      await api
        .http()
        .patch(`/partners/${partner.partnerId}`)
        .set(as(vendor.adminToken))
        .send({ companyName: name })
        .expect(422);
      const sender = await api
        .http()
        .put(`/partners/${partner.partnerId}/brand-kit`)
        .set(as(partner.token))
        .send({ sender: { fromName: name, fromEmail: 'events@partner.example' } })
        .expect(422);
      expect(sender.body.errors).toEqual(
        expect.arrayContaining([{ path: 'sender.fromName', message: expect.stringContaining(message) }]),
      );
      const kit = await api
        .http()
        .put(`/partners/${partner.partnerId}/brand-kit`)
        .set(as(partner.token))
        .send({ companyName: name })
        .expect(422);
      expect(kit.body.errors).toEqual(
        expect.arrayContaining([{ path: 'companyName', message: expect.stringContaining(message) }]),
      );
    },
  );
});
