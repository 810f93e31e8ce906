import { TenantFactory, TestPartner, TestVendor } from '../factories/tenant.factory';
import { ApiHarness, startApi } from '../support/api-harness';

describe('JSON request bodies', () => {
  let api: ApiHarness;
  let vendor: TestVendor;
  let partner: TestPartner;

  beforeAll(async () => {
    api = await startApi();
    const tenants = new TenantFactory(api);
    vendor = await tenants.vendor();
    partner = await tenants.partner(vendor);
  });
  afterAll(() => api?.close());

  const post = (url: string, token: string, body: string) =>
    api
      .http()
      .post(url)
      .set({ Authorization: `Bearer ${token}`, 'Content-Type': 'application/json' })
      .send(body);
  const prospects = () => `/partners/${partner.partnerId}/prospects`;

  it('refuses nesting deeper than 32 levels with 400 before validation, however deep', async () => {
    for (const depth of [33, 5000, 100_000]) {
      const res = await post(
        prospects(),
        partner.token,
        `{"email":"deep@prospect.example","custom":${'['.repeat(depth)}${']'.repeat(depth)}}`,
      );
      expect([depth, res.status, res.body.errors]).toEqual([
        depth,
        400,
        [{ path: 'body', message: 'nests deeper than 32 levels' }],
      ]);
    }
    // Brackets inside strings are text, and 32 levels are allowed (then validated as usual).
    const text = await post(
      prospects(),
      partner.token,
      JSON.stringify({ email: 'brackets@prospect.example', firstName: '[['.repeat(100) }),
    );
    expect(text.status).toBe(201);
    const deepest = await post(
      prospects(),
      partner.token,
      `{"email":"deep@prospect.example","custom":${'['.repeat(31)}${']'.repeat(31)}}`,
    );
    expect([deepest.status, deepest.body.errors?.[0]?.path]).toEqual([400, 'custom']);
  });

  it('refuses a body of more than 12,000 values with 400 before it is walked', async () => {
    const custom = Object.fromEntries(Array.from({ length: 12_001 }, (_, i) => [`k${i}`, 1]));
    const res = await post(prospects(), partner.token, JSON.stringify({ email: 'many@prospect.example', custom }));
    expect([res.status, res.body.errors]).toEqual([400, [{ path: 'body', message: 'holds more than 12,000 values' }]]);
  });

  it('keeps bodies to 256 kB, except campaign authoring (2 MB)', async () => {
    const big = await post(
      prospects(),
      partner.token,
      JSON.stringify({ email: 'big@prospect.example', firstName: 'x'.repeat(300 * 1024) }),
    );
    expect([big.status, big.body.message, big.body.errors]).toEqual([
      413,
      'The request body is larger than 256 kB (2 MB for campaign authoring, /campaigns)',
      [{ path: 'body', message: 'is larger than 256 kB' }],
    ]);
    // A campaign body of 1.5 MB is read and validated (its description is too long)...
    const authoring = await post(
      '/campaigns',
      vendor.adminToken,
      JSON.stringify({ name: 'Big', description: 'x'.repeat(1536 * 1024) }),
    );
    expect([authoring.status, authoring.body.errors?.[0]?.path]).toEqual([400, 'description']);
    // ...and one over 2 MB is not.
    const tooBig = await post(
      '/campaigns',
      vendor.adminToken,
      JSON.stringify({ name: 'Big', description: 'x'.repeat(2100 * 1024) }),
    );
    expect([tooBig.status, tooBig.body.message]).toEqual([413, 'The request body is larger than 2 MB']);
  });

  it('refuses JSON that is not UTF-8 with 415', async () => {
    const res = await api
      .http()
      .post(prospects())
      .set({ Authorization: `Bearer ${partner.token}`, 'Content-Type': 'application/json; charset=utf-16le' })
      .send(Buffer.from('{"email":"x@prospect.example"}', 'utf16le'));
    expect([res.status, res.body.message]).toEqual([415, 'The request body must be UTF-8']);
  });
});
