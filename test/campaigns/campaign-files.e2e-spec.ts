import { loadDemo } from '../../apps/cli/src/demo/demo-manifest';
import { TenantFactory } from '../factories/tenant.factory';
import { ApiHarness, startApi } from '../support/api-harness';

describe('campaign files', () => {
  let api: ApiHarness;
  const demo = loadDemo();
  const as = (token: string) => ({ Authorization: `Bearer ${token}` });

  beforeAll(async () => {
    api = await startApi();
  });
  afterAll(() => api.close());

  it('stores the same bytes once per vendor, with what was found in them', async () => {
    const tenants = new TenantFactory(api);
    const [a, b] = [await tenants.vendor(), await tenants.vendor()];
    const upload = (token: string) =>
      api.http().post('/files').set(as(token)).attach('file', demo.read('one-pager.pdf'), 'one-pager.pdf').expect(201);
    const first = await upload(a.marketerToken);
    expect(first.body).toMatchObject({
      contentType: 'application/pdf',
      metadata: { kind: 'pdf', pages: [expect.objectContaining({ width: expect.any(Number) })] },
    });
    const again = await upload(a.adminToken);
    expect(again.body).toEqual(first.body);
    const other = await upload(b.marketerToken);
    expect(other.body.id).not.toBe(first.body.id);
    await api.http().get(`/files/${first.body.id}`).set(as(a.marketerToken)).expect(200, first.body);
  });
});
