import { PasswordLinks } from '@tcma/accounts';
import { ManualClock } from '@tcma/clock';
import { BootstrapService } from '@tcma/tenancy';
import { randomUUID } from 'node:crypto';
import { TenantFactory, TestPartner, TestVendor } from '../factories/tenant.factory';
import { ApiHarness, startApi } from '../support/api-harness';
import { tampered } from '../support/tokens';
import { linkFromOutbox } from '../support/notices';

describe('invitations and password resets', () => {
  const clock = new ManualClock();
  let api: ApiHarness;
  let tenants: TenantFactory;
  let vendor: TestVendor;
  let partner: TestPartner;
  const bearer = (token: string) => ({ Authorization: `Bearer ${token}` });
  const email = (who: string) => `${who}-${randomUUID().slice(0, 8)}@partner.example`;
  const password = 'correct horse battery';

  beforeAll(async () => {
    api = await startApi({ clock });
    tenants = new TenantFactory(api);
    vendor = await tenants.vendor();
    partner = await tenants.partner(vendor);
  });

  afterAll(() => api?.close());

  const signIn = (address: string, pw = password) =>
    api.http().post('/auth/sign-in').send({ email: address, password: pw });

  /** Invites, accepts with the mailed link, signs in: the new user's session cookie. */
  async function join(
    inviterToken: string,
    body: { email: string; role: string; partnerId?: string },
  ): Promise<string> {
    await api.http().post('/user-invitations').set(bearer(inviterToken)).send(body).expect(201);
    const { token } = await linkFromOutbox(body.email, '/invitations');
    const accepted = await api
      .http()
      .post('/auth/invitations/accept')
      .send({ token, name: 'New Person', password })
      .expect(200);
    // Accepting signs the new user in: a session of its own, as a sign-in makes.
    expect(accepted.body).toEqual({ email: body.email, signedIn: true, csrfToken: expect.any(String) });
    const cookie = accepted.headers['set-cookie'][0].split(';')[0];
    const session = await api.http().get('/auth/session').set('Cookie', cookie).expect(200);
    expect(session.body).toMatchObject({
      signedIn: true,
      user: { email: body.email },
      csrfToken: accepted.body.csrfToken,
    });
    return cookie;
  }

  it("a vendor admin invites a partner's first user as partner admin, who invites a colleague of the same partner only", async () => {
    const adminEmail = email('padmin');
    const invited = await api
      .http()
      .post('/user-invitations')
      .set(bearer(vendor.adminToken))
      .send({ email: adminEmail, role: 'partner_admin', partnerId: partner.partnerId })
      .expect(201);
    expect(invited.body).toMatchObject({
      email: adminEmail,
      role: 'partner_admin',
      partnerId: partner.partnerId,
      status: 'pending',
    });
    const link = await linkFromOutbox(adminEmail, '/invitations');
    expect(link.url).toBe(`${api.config.publicBaseUrl}/invitations/${link.token}`);
    const preview = await api.http().post('/auth/invitations/preview').send({ token: link.token }).expect(200);
    expect(preview.body).toMatchObject({
      email: adminEmail,
      role: 'partner_admin',
      partnerName: expect.any(String),
      vendorName: expect.any(String),
    });
    await api
      .http()
      .post('/auth/invitations/accept')
      .send({ token: link.token, name: 'Pat Admin', password })
      .expect(200);
    const cookie = (await signIn(adminEmail).expect(200)).headers['set-cookie'][0].split(';')[0];
    const session = await api.http().get('/auth/session').set('Cookie', cookie).expect(200);
    expect(session.body.user).toMatchObject({
      email: adminEmail,
      name: 'Pat Admin',
      role: 'partner_admin',
      partnerId: partner.partnerId,
    });

    const csrf = session.body.csrfToken;
    const colleague = email('colleague');
    await api
      .http()
      .post('/user-invitations')
      .set('Cookie', cookie)
      .set('X-CSRF-Token', csrf)
      .send({ email: colleague, role: 'partner_user' })
      .expect(201);
    const other = await tenants.partner(vendor);
    await api
      .http()
      .post('/user-invitations')
      .set('Cookie', cookie)
      .set('X-CSRF-Token', csrf)
      .send({ email: email('x'), role: 'partner_user', partnerId: other.partnerId })
      .expect(404);
    const vendorRole = await api
      .http()
      .post('/user-invitations')
      .set('Cookie', cookie)
      .set('X-CSRF-Token', csrf)
      .send({ email: email('x'), role: 'vendor_admin' })
      .expect(403);
    expect(vendorRole.body.errors).toEqual([{ path: 'role', message: 'must be partner_user or partner_admin' }]);
    const listed = await api.http().get('/user-invitations').set('Cookie', cookie).expect(200);
    expect(listed.body).toMatchObject({
      total: 2,
      limit: 50,
      offset: 0,
      items: [
        { email: colleague, partnerId: partner.partnerId, status: 'pending' },
        { email: adminEmail, status: 'accepted' },
      ],
    });
    const pending = await api
      .http()
      .get('/user-invitations')
      .query({ pending: true, limit: 1 })
      .set('Cookie', cookie)
      .expect(200);
    expect(pending.body).toMatchObject({ total: 1, limit: 1, items: [{ email: colleague }] });
    // A partner admin may use the partner's pages as a partner user would.
    await api.http().get(`/partners/${partner.partnerId}/brand-kit`).set('Cookie', cookie).expect(200);
  });

  it('refuses invitations from marketers and partner users', async () => {
    await api
      .http()
      .post('/user-invitations')
      .set(bearer(vendor.marketerToken))
      .send({ email: email('m'), role: 'vendor_marketer' })
      .expect(403);
    await api
      .http()
      .post('/user-invitations')
      .set(bearer(partner.token))
      .send({ email: email('p'), role: 'partner_user' })
      .expect(403);
  });

  it('refuses a used link, an expired one, a withdrawn one and a forged one', async () => {
    const used = email('used');
    await join(vendor.adminToken, { email: used, role: 'vendor_marketer' });
    const { token } = await linkFromOutbox(used, '/invitations');
    const again = await api
      .http()
      .post('/auth/invitations/accept')
      .send({ token, name: 'Again', password: 'another password 1' })
      .expect(410);
    expect(again.body.message).toContain('already been used');

    const late = email('late');
    await api
      .http()
      .post('/user-invitations')
      .set(bearer(vendor.adminToken))
      .send({ email: late, role: 'vendor_marketer' })
      .expect(201);
    const expired = await linkFromOutbox(late, '/invitations');
    clock.advance(api.config.invitationTtlHours * 3_600_000 + 1000);
    const refused = await api
      .http()
      .post('/auth/invitations/accept')
      .send({ token: expired.token, name: 'Late', password })
      .expect(410);
    expect(refused.body.message).toContain('expired');
    await api.http().post('/auth/invitations/preview').send({ token: expired.token }).expect(410);

    const withdrawnEmail = email('withdrawn');
    const created = await api
      .http()
      .post('/user-invitations')
      .set(bearer(vendor.adminToken))
      .send({ email: withdrawnEmail, role: 'vendor_marketer' })
      .expect(201);
    const withdrawn = await linkFromOutbox(withdrawnEmail, '/invitations');
    await api.http().delete(`/user-invitations/${created.body.id}`).set(bearer(vendor.adminToken)).expect(204);
    await api.http().post('/auth/invitations/accept').send({ token: withdrawn.token, name: 'W', password }).expect(410);

    const forged = tampered(withdrawn.token);
    await api.http().post('/auth/invitations/accept').send({ token: forged, name: 'F', password }).expect(404);
  });

  it('two uses of one link at once: one user is made, the other use is refused', async () => {
    const address = email('race');
    await api
      .http()
      .post('/user-invitations')
      .set(bearer(vendor.adminToken))
      .send({ email: address, role: 'vendor_marketer' })
      .expect(201);
    const { token } = await linkFromOutbox(address, '/invitations');
    const results = await Promise.all(
      [1, 2].map(() => api.http().post('/auth/invitations/accept').send({ token, name: 'Racer', password })),
    );
    expect(results.map((r) => r.status).sort()).toEqual([200, 410]);
  });

  it('names the field of a password that breaks the rules, and keeps the link usable', async () => {
    const address = email('weak');
    await api
      .http()
      .post('/user-invitations')
      .set(bearer(vendor.adminToken))
      .send({ email: address, role: 'vendor_marketer' })
      .expect(201);
    const { token } = await linkFromOutbox(address, '/invitations');
    const weak = await api
      .http()
      .post('/auth/invitations/accept')
      .send({ token, name: ' ', password: 'short' })
      .expect(422);
    expect(weak.body.errors).toEqual([
      { path: 'name', message: 'must be 1 to 200 characters' },
      { path: 'password', message: 'must be at least 10 characters' },
    ]);
    await api.http().post('/auth/invitations/accept').send({ token, name: 'Strong', password }).expect(200);
  });

  it('resets a forgotten password with a single-use link, ending every session; the answer does not tell whether the account exists', async () => {
    const address = email('forgetful');
    const cookie = await join(vendor.adminToken, { email: address, role: 'vendor_marketer' });
    await api.http().post('/auth/password-reset-requests').send({ email: 'nobody@nowhere.example' }).expect(202, {});
    await api.http().post('/auth/password-reset-requests').send({ email: address.toUpperCase() }).expect(202, {});
    const link = await linkFromOutbox(address, '/reset-password');
    expect(link.url).toBe(`${api.config.publicBaseUrl}/reset-password/${link.token}`);
    const weak = await api
      .http()
      .post('/auth/password-resets')
      .send({ token: link.token, password: address })
      .expect(422);
    expect(weak.body.errors).toEqual([{ path: 'password', message: 'must not be your email address' }]);
    await api
      .http()
      .post('/auth/password-resets')
      .send({ token: link.token, password: 'a brand new passphrase' })
      .expect(200, { email: address });
    await api.http().get('/auth/session').set('Cookie', cookie).expect(401);
    await signIn(address).expect(401);
    await signIn(address, 'a brand new passphrase').expect(200);
    const reused = await api
      .http()
      .post('/auth/password-resets')
      .send({ token: link.token, password: 'yet another passphrase' })
      .expect(410);
    expect(reused.body.message).toContain('already been used');
  });

  it('refuses an expired reset link', async () => {
    const address = email('slow');
    await join(vendor.adminToken, { email: address, role: 'vendor_marketer' });
    await api.http().post('/auth/password-reset-requests').send({ email: address }).expect(202);
    const link = await linkFromOutbox(address, '/reset-password');
    clock.advance(api.config.passwordResetTtlMinutes * 60_000 + 1000);
    const refused = await api
      .http()
      .post('/auth/password-resets')
      .send({ token: link.token, password: 'a brand new passphrase' })
      .expect(410);
    expect(refused.body.message).toContain('expired');
  });

  it("the first admin's set-password link (printed by bootstrap-admin) sets a password to sign in with", async () => {
    const adminEmail = email('first-admin');
    const boot = await api.app.get(BootstrapService).createVendorWithAdmin({
      vendorName: 'First Steps Inc',
      vendorSlug: `first-${randomUUID().slice(0, 8)}`,
      adminEmail,
      adminName: 'Ada',
    });
    const url = await api.app.get(PasswordLinks).setPasswordLink(boot.userId);
    expect(url).toMatch(new RegExp(`^${api.config.publicBaseUrl}/reset-password/[\\w-]+\\.[\\w-]+$`));
    await signIn(adminEmail).expect(401);
    await api
      .http()
      .post('/auth/password-resets')
      .send({ token: url.split('/').pop(), password })
      .expect(200, { email: adminEmail });
    const signedIn = await signIn(adminEmail).expect(200);
    expect(signedIn.body.user).toMatchObject({
      email: adminEmail,
      role: 'vendor_admin',
      vendorId: boot.vendorId,
      partnerId: null,
    });
  });
});
