import { loadDemo } from '../../apps/cli/src/demo/demo-manifest';
import { TenantFactory, TestPartner } from '../factories/tenant.factory';
import { ApiHarness, startApi } from '../support/api-harness';

/** Every change to a brand kit is a new revision; each kind of change leaves the others' fields as they were. */
describe('brand kit revisions', () => {
  let api: ApiHarness;
  let partner: TestPartner;
  const as = () => ({ Authorization: `Bearer ${partner.token}` });
  const url = () => `/partners/${partner.partnerId}/brand-kit`;

  beforeAll(async () => {
    api = await startApi();
    const tenants = new TenantFactory(api);
    partner = await tenants.partner(await tenants.vendor(), { companyName: 'Rev Partner' });
  });
  afterAll(() => api.close());

  it('starts empty at revision 0 and bumps the revision on each change, keeping what the change did not name', async () => {
    const empty = await api.http().get(url()).set(as()).expect(200);
    expect(empty.body).toMatchObject({
      partnerId: partner.partnerId,
      companyName: 'Rev Partner',
      email: null,
      logo: null,
      sender: null,
      revision: 0,
    });

    const first = await api
      .http()
      .put(url())
      .set(as())
      .send({
        website: 'https://rev.example/',
        primaryColor: '#112233',
        sender: { fromName: 'Rev', fromEmail: 'news@rev.example' },
      })
      .expect(200);
    expect(first.body).toMatchObject({
      website: 'https://rev.example/',
      primaryColor: '#112233',
      sender: { fromName: 'Rev', fromEmail: 'news@rev.example', replyTo: null },
      revision: 1,
    });

    const logo = await api
      .http()
      .put(`${url()}/logo`)
      .set(as())
      .attach('file', loadDemo().read('partners/northwind-logo.png'), 'logo.png')
      .expect(200);
    expect(logo.body).toMatchObject({
      website: 'https://rev.example/',
      primaryColor: '#112233',
      logo: { pngUrl: expect.any(String) },
      revision: 2,
    });

    // A kit PUT replaces the kit's fields (those left out become empty) but not the logo.
    const second = await api.http().put(url()).set(as()).send({ companyName: 'Rev Brand' }).expect(200);
    expect(second.body).toMatchObject({
      companyName: 'Rev Brand',
      website: null,
      primaryColor: null,
      sender: null,
      logo: logo.body.logo,
      revision: 3,
    });

    const removed = await api.http().delete(`${url()}/logo`).set(as()).expect(200);
    expect(removed.body).toMatchObject({ companyName: 'Rev Brand', logo: null, revision: 4 });
    await api.http().get(url()).set(as()).expect(200, removed.body);
  });
});
