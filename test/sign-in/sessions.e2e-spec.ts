import { SIGN_IN_FAILED, SIGN_IN_THROTTLED } from '@tcma/accounts';
import { ManualClock } from '@tcma/clock';
import { TenantFactory, TestPartner, TestVendor } from '../factories/tenant.factory';
import { invitedUser, signedIn, TEST_PASSWORD } from '../support/accounts';
import { ApiHarness, startApi } from '../support/api-harness';
import { tampered } from '../support/tokens';

describe('browser sessions', () => {
  const clock = new ManualClock();
  let api: ApiHarness;
  let vendor: TestVendor;
  let partner: TestPartner;
  let email: string;

  beforeAll(async () => {
    api = await startApi({ clock });
    const tenants = new TenantFactory(api);
    vendor = await tenants.vendor();
    partner = await tenants.partner(vendor);
    email = await invitedUser(api, vendor.adminToken, { role: 'partner_user', partnerId: partner.partnerId });
  });

  afterAll(() => api?.close());

  const minutes = (n: number) => n * 60_000;

  it('signs in with an httpOnly, SameSite=Lax cookie holding a secret of which only the hash is stored', async () => {
    const res = await api
      .http()
      .post('/auth/sign-in')
      .send({ email: email.toUpperCase(), password: TEST_PASSWORD })
      .expect(200);
    const [setCookie] = res.headers['set-cookie'] as unknown as string[];
    expect(setCookie).toMatch(/^tcma_session=[\w-]{43}; Path=\/; Expires=.+; HttpOnly; SameSite=Lax$/);
    expect(res.body).toMatchObject({
      user: { email, role: 'partner_user', partnerId: partner.partnerId },
      csrfToken: expect.any(String),
    });
    const session = await api.http().get('/auth/session').set('Cookie', setCookie.split(';')[0]).expect(200);
    expect(session.body).toMatchObject({ user: { email }, csrfToken: res.body.csrfToken, actingForPartnerId: null });
    // Controllers do not know how the caller signed in: the partner's own pages answer.
    await api.http().get(`/partners/${partner.partnerId}/prospects`).set('Cookie', setCookie.split(';')[0]).expect(200);
  });

  it('answers a browser with no credential that nobody is signed in (200), and says which areas a user may see', async () => {
    const nobody = await api.http().get('/auth/session').expect(200);
    expect(nobody.body).toEqual({
      signedIn: false,
      user: null,
      csrfToken: null,
      actingForPartnerId: null,
      capabilities: {
        vendorConsole: false,
        partnerPortal: false,
        developerTools: false,
        vendorSettings: false,
        vendorMarketing: false,
      },
      // Not on a vendor's own host name: the generic host serves every vendor.
      vendor: null,
    });
    // Only this question is answered without a credential: the rest still asks to sign in.
    await api.http().get('/me').expect(401);
    await api.http().get('/auth/sessions').expect(401);
    // A credential that is presented and not valid is refused, as everywhere.
    await api.http().get('/auth/session').set('Cookie', 'tcma_session=not-a-session').expect(401);
    await api.http().get('/auth/session').set('Authorization', 'Bearer not-a-token').expect(401);

    const { cookie } = await signedIn(api, email);
    const partnerSession = await api.http().get('/auth/session').set('Cookie', cookie).expect(200);
    expect(partnerSession.body).toMatchObject({
      signedIn: true,
      capabilities: {
        vendorConsole: false,
        partnerPortal: true,
        developerTools: false,
        vendorSettings: false,
        vendorMarketing: false,
      },
    });
    const vendorSession = await api
      .http()
      .get('/auth/session')
      .set('Authorization', `Bearer ${vendor.adminToken}`)
      .expect(200);
    expect(vendorSession.body).toMatchObject({
      signedIn: true,
      capabilities: {
        vendorConsole: true,
        partnerPortal: false,
        developerTools: true,
        vendorSettings: true,
        vendorMarketing: true,
      },
    });
  });

  it('refuses a cookie request that changes something without the CSRF token, with a wrong one, or marked cross-site; bearer requests need none', async () => {
    const { cookie, csrf } = await signedIn(api, email);
    const prospect = { email: 'lead@customer.example', firstName: 'Lee' };
    const missing = await api
      .http()
      .post(`/partners/${partner.partnerId}/prospects`)
      .set('Cookie', cookie)
      .send(prospect)
      .expect(403);
    expect(missing.body.message).toContain('x-csrf-token');
    await api
      .http()
      .post(`/partners/${partner.partnerId}/prospects`)
      .set('Cookie', cookie)
      .set('X-CSRF-Token', tampered(csrf))
      .send(prospect)
      .expect(403);
    await api
      .http()
      .post(`/partners/${partner.partnerId}/prospects`)
      .set('Cookie', cookie)
      .set('X-CSRF-Token', csrf)
      .set('Sec-Fetch-Site', 'cross-site')
      .send(prospect)
      .expect(403);
    await api.http().post('/auth/sign-out').set('Cookie', cookie).expect(403);
    await api
      .http()
      .post(`/partners/${partner.partnerId}/prospects`)
      .set('Cookie', cookie)
      .set('X-CSRF-Token', csrf)
      .set('Sec-Fetch-Site', 'same-origin')
      .send(prospect)
      .expect(201);
    await api
      .http()
      .post(`/partners/${partner.partnerId}/prospects`)
      .set('Authorization', `Bearer ${partner.token}`)
      .send({ email: 'other@customer.example' })
      .expect(201);
    // Another session's token does not do.
    const other = await signedIn(api, email);
    await api
      .http()
      .post(`/partners/${partner.partnerId}/prospects`)
      .set('Cookie', cookie)
      .set('X-CSRF-Token', other.csrf)
      .send({ email: 'x@customer.example' })
      .expect(403);
  });

  it('gives a new session at every sign-in, ending the one the browser held', async () => {
    const first = await signedIn(api, email);
    const second = await signedIn(api, email, { Cookie: first.cookie });
    expect(second.cookie).not.toBe(first.cookie);
    await api.http().get('/auth/session').set('Cookie', first.cookie).expect(401);
    await api.http().get('/auth/session').set('Cookie', second.cookie).expect(200);
  });

  it('ends a session idle for SESSION_IDLE_MINUTES; use keeps it alive', async () => {
    const idle = api.config.sessionIdleMinutes;
    const { cookie } = await signedIn(api, email);
    clock.advance(minutes(idle - 5));
    await api.http().get('/auth/session').set('Cookie', cookie).expect(200);
    clock.advance(minutes(idle - 5));
    await api.http().get('/auth/session').set('Cookie', cookie).expect(200);
    clock.advance(minutes(idle + 1));
    const refused = await api.http().get('/auth/session').set('Cookie', cookie).expect(401);
    expect(refused.body.message).toMatch(/^Sign in/);
  });

  it('ends a session SESSION_MAX_HOURS after sign-in, however active', async () => {
    const { cookie } = await signedIn(api, email);
    const step = minutes(Math.min(60, api.config.sessionIdleMinutes - 1));
    const end = clock.now().getTime() + api.config.sessionMaxHours * 3_600_000;
    while (clock.now().getTime() + step < end) {
      clock.advance(step);
      await api.http().get('/auth/session').set('Cookie', cookie).expect(200);
    }
    clock.set(end + 1000);
    await api.http().get('/auth/session').set('Cookie', cookie).expect(401);
  });

  it('signs out (the cookie is cleared and the session refused) and signs out everywhere', async () => {
    const { cookie, csrf } = await signedIn(api, email);
    const out = await api.http().post('/auth/sign-out').set('Cookie', cookie).set('X-CSRF-Token', csrf).expect(204);
    expect(String(out.headers['set-cookie'])).toMatch(/^tcma_session=; Path=\/; Expires=Thu, 01 Jan 1970/);
    await api.http().get('/auth/session').set('Cookie', cookie).expect(401);

    const laptop = await signedIn(api, email);
    const phone = await signedIn(api, email);
    const listed = await api.http().get('/auth/sessions').set('Cookie', phone.cookie).expect(200);
    expect(listed.body).toMatchObject({ limit: 50, offset: 0 });
    expect(listed.body.items.filter((s: { current: boolean }) => s.current)).toHaveLength(1);
    expect(listed.body.total).toBeGreaterThanOrEqual(2);
    const everywhere = await api
      .http()
      .post('/auth/sign-out-everywhere')
      .set('Cookie', phone.cookie)
      .set('X-CSRF-Token', phone.csrf)
      .expect(200);
    expect(everywhere.body.ended).toBeGreaterThanOrEqual(2);
    await api.http().get('/auth/session').set('Cookie', laptop.cookie).expect(401);
    await api.http().get('/auth/session').set('Cookie', phone.cookie).expect(401);
  });

  it('answers a wrong password and an unknown account alike, and throttles an account after SIGN_IN_MAX_FAILURES_PER_ACCOUNT failures', async () => {
    const victim = await invitedUser(api, vendor.adminToken, { role: 'vendor_marketer' });
    const unknown = await api
      .http()
      .post('/auth/sign-in')
      .send({ email: 'nobody@nowhere.example', password: TEST_PASSWORD })
      .expect(401);
    const wrong = await api
      .http()
      .post('/auth/sign-in')
      .send({ email: victim, password: 'not the password' })
      .expect(401);
    expect({ ...wrong.body, requestId: undefined }).toEqual({ ...unknown.body, requestId: undefined });
    expect(wrong.body.message).toBe(SIGN_IN_FAILED);
    for (let i = 1; i < api.config.signInMaxFailuresPerAccount; i++)
      await api
        .http()
        .post('/auth/sign-in')
        .send({ email: victim, password: `guess ${i}` })
        .expect(401);
    const throttled = await api
      .http()
      .post('/auth/sign-in')
      .send({ email: victim, password: TEST_PASSWORD })
      .expect(429);
    expect(throttled.body.message).toBe(SIGN_IN_THROTTLED);
    // Other accounts are not affected; the account's window ends.
    await signedIn(api, email);
    clock.advance(minutes(api.config.signInThrottleWindowMinutes) + 1000);
    await signedIn(api, victim);
  });
});

describe('sign-in throttling per address', () => {
  let api: ApiHarness;

  beforeAll(async () => {
    // Behind a proxy on this machine: the client's address comes from X-Forwarded-For.
    api = await startApi({ env: { TRUST_PROXY: 'loopback', SIGN_IN_MAX_FAILURES_PER_ADDRESS: '3' } });
  });

  afterAll(() => api?.close());

  it('refuses an address after SIGN_IN_MAX_FAILURES_PER_ADDRESS failures across accounts, in every API process (the count is in Postgres)', async () => {
    const vendor = await new TenantFactory(api).vendor();
    const email = await invitedUser(api, vendor.adminToken, { role: 'vendor_marketer' });
    const from = (address: string) => ({ 'X-Forwarded-For': address });
    for (let i = 0; i < 3; i++)
      await api
        .http()
        .post('/auth/sign-in')
        .set(from('203.0.113.7'))
        .send({ email: `spray-${i}@nowhere.example`, password: 'password123' })
        .expect(401);
    await api
      .http()
      .post('/auth/sign-in')
      .set(from('203.0.113.7'))
      .send({ email, password: TEST_PASSWORD })
      .expect(429);
    // A second API process sees the same count.
    const second = await startApi({ env: { TRUST_PROXY: 'loopback', SIGN_IN_MAX_FAILURES_PER_ADDRESS: '3' } });
    try {
      await second
        .http()
        .post('/auth/sign-in')
        .set(from('203.0.113.7'))
        .send({ email, password: TEST_PASSWORD })
        .expect(429);
      await second
        .http()
        .post('/auth/sign-in')
        .set(from('198.51.100.2'))
        .send({ email, password: TEST_PASSWORD })
        .expect(200);
    } finally {
      await second.close();
    }
  });
});
