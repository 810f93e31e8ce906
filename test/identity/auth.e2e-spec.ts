import { TenantFactory, TestVendor } from '../factories/tenant.factory';
import { ApiHarness, startApi } from '../support/api-harness';
import { testDb } from '../support/db';

describe('authentication and roles', () => {
  let api: ApiHarness;
  let tenants: TenantFactory;
  let vendor: TestVendor;
  const as = (token: string) => ({ Authorization: `Bearer ${token}` });

  beforeAll(async () => {
    api = await startApi();
    tenants = new TenantFactory(api);
    vendor = await tenants.vendor();
  });
  afterAll(() => api.close());

  it('answers 401 without a valid token, with a request id and no stack', async () => {
    for (const header of [undefined, 'Bearer', 'Bearer nope', `Bearer tcma_${'x'.repeat(43)}`, 'Basic dXNlcjpwYXNz']) {
      const req = api.http().get('/me');
      const res = await (header ? req.set('Authorization', header) : req).expect(401);
      expect(res.body).toMatchObject({ statusCode: 401, error: 'Unauthorized' });
      expect(res.body.requestId).toEqual(res.headers['x-request-id']);
      expect(JSON.stringify(res.body)).not.toContain('    at ');
    }
  });

  it('shows a token once, stores only its hash, and stops it at once when revoked', async () => {
    const issued = await api.http().post('/tokens').set(as(vendor.adminToken)).send({ name: 'laptop' }).expect(201);
    expect(issued.body.token).toMatch(/^tcma_[A-Za-z0-9_-]{43}$/);
    expect(issued.body.prefix).toBe(issued.body.token.slice(0, 11));
    const stored: Array<{ token_hash: Buffer }> = await testDb().query(
      'SELECT token_hash FROM api_tokens WHERE id = $1',
      [issued.body.id],
    );
    expect(stored[0].token_hash.toString('hex')).not.toContain(Buffer.from(issued.body.token).toString('hex'));
    const listed = await api.http().get('/tokens').set(as(issued.body.token)).expect(200);
    expect(JSON.stringify(listed.body)).not.toContain(issued.body.token);
    const me = await api.http().get('/me').set(as(issued.body.token)).expect(200);
    expect(me.body).toMatchObject({ vendorId: vendor.vendorId, role: 'vendor_admin', partnerId: null });
    await api.http().delete(`/tokens/${issued.body.id}`).set(as(vendor.adminToken)).expect(204);
    await api.http().get('/me').set(as(issued.body.token)).expect(401);
  });

  it('refuses disabled users and users of a suspended partner', async () => {
    const partner = await tenants.partner(vendor);
    await api.http().get('/me').set(as(partner.token)).expect(200);
    await api
      .http()
      .patch(`/partners/${partner.partnerId}`)
      .set(as(vendor.adminToken))
      .send({ status: 'suspended' })
      .expect(200);
    await api.http().get('/me').set(as(partner.token)).expect(401);
    await api
      .http()
      .patch(`/partners/${partner.partnerId}`)
      .set(as(vendor.adminToken))
      .send({ status: 'active' })
      .expect(200);
    await api.http().get('/me').set(as(partner.token)).expect(200);
    await api.http().patch(`/users/${partner.userId}`).set(as(vendor.adminToken)).send({ disabled: true }).expect(200);
    await api.http().get('/me').set(as(partner.token)).expect(401);
  });

  it('enforces roles with 403 and refuses an expired token', async () => {
    const partner = await tenants.partner(vendor);
    await api.http().get('/users').set(as(vendor.marketerToken)).expect(403);
    await api
      .http()
      .post('/partners')
      .set(as(partner.token))
      .send({ companyName: 'x', tier: 'a', region: 'b' })
      .expect(403);
    await api.http().get('/partners').set(as(partner.token)).expect(403);
    await api.http().get(`/partners/${partner.partnerId}`).set(as(partner.token)).expect(200);
    const expiring = await api
      .http()
      .post('/tokens')
      .set(as(vendor.adminToken))
      .send({ name: 'short', expiresInDays: 1 })
      .expect(201);
    const dataSource = testDb();
    await dataSource.query(`UPDATE api_tokens SET expires_at = now() - interval '1 second' WHERE id = $1`, [
      expiring.body.id,
    ]);
    await api.http().get('/me').set(as(expiring.body.token)).expect(401);
  });

  it('validates users and partners with field-level errors and 409 on duplicates', async () => {
    const bad = await api
      .http()
      .post('/users')
      .set(as(vendor.adminToken))
      .send({ email: 'not-an-email', name: '', role: 'root' })
      .expect(400);
    expect(bad.body.errors.map((e: { path: string }) => e.path).sort()).toEqual(['email', 'name', 'role']);
    const noPartner = await api
      .http()
      .post('/users')
      .set(as(vendor.adminToken))
      .send({ email: 'p@x.example', name: 'P', role: 'partner_user' })
      .expect(400);
    expect(noPartner.body.errors[0].path).toBe('partnerId');
    await api
      .http()
      .post('/users')
      .set(as(vendor.adminToken))
      .send({ email: 'Dup@X.example', name: 'A', role: 'vendor_marketer' })
      .expect(201);
    const dup = await api
      .http()
      .post('/users')
      .set(as(vendor.adminToken))
      .send({ email: 'dup@x.example', name: 'B', role: 'vendor_marketer' })
      .expect(409);
    expect(dup.body.errors[0].path).toBe('email');
    const tz = await api
      .http()
      .post('/partners')
      .set(as(vendor.adminToken))
      .send({ companyName: 'TZ', tier: 'gold', region: 'emea', timezone: 'Mars/Olympus' })
      .expect(400);
    expect(tz.body.errors[0]).toMatchObject({ path: 'timezone' });
    await api
      .http()
      .post('/partners')
      .set(as(vendor.adminToken))
      .send({ companyName: 'Same Name', tier: 'gold', region: 'emea' })
      .expect(201);
    await api
      .http()
      .post('/partners')
      .set(as(vendor.adminToken))
      .send({ companyName: 'same name', tier: 'gold', region: 'emea' })
      .expect(409);
  });

  it('serves the OpenAPI document and readiness without a token', async () => {
    const doc = await api.http().get('/docs-json').expect(200);
    expect(Object.keys(doc.body.paths)).toEqual(
      expect.arrayContaining(['/campaigns', '/campaigns/{id}/publish', '/partners/{id}', '/tokens/{id}', '/files']),
    );
    expect(doc.body.components.securitySchemes.bearer).toBeDefined();
    await api.http().get('/docs').expect(200);
    const ready = await api.http().get('/health/ready').expect(200);
    expect(ready.body).toMatchObject({ status: 'ok', postgres: true, redis: true });
  });
});
