import { ManualClock } from '@tcma/clock';
import { PartnerScope } from '@tcma/persistence';
import { codeChallengeOf, SocialConnectionsService, SocialConnectionsSweep } from '@tcma/social';
import { simpleParser } from 'mailparser';
import { TenantFactory, TestPartner, TestVendor } from '../factories/tenant.factory';
import { ApiHarness, startApi } from '../support/api-harness';
import { testDb } from '../support/db';
import { SocialStubs, startSocialStubs } from '../support/social-stubs';

const HOUR = 3_600_000;
const DAY = 24 * HOUR;

/**
 * Connecting partners' social accounts through the real API and the networks' stubs: the OAuth
 * redirect dance, single-use states, PKCE checked by the X stub, refresh ahead of expiry with
 * the clock moved, and a refused refresh breaking the connection with the partner told once.
 */
describe('social connections', () => {
  const clock = new ManualClock('2026-11-23T09:00:00Z');
  let stubs: SocialStubs;
  let api: ApiHarness;
  let vendor: TestVendor;
  let partner: TestPartner;
  let other: TestPartner;
  const as = (token: string) => ({ Authorization: `Bearer ${token}` });

  beforeAll(async () => {
    stubs = await startSocialStubs();
    for (const stub of [stubs.linkedin, stubs.x, stubs.facebook]) stub.now = () => clock.now().getTime();
    api = await startApi({ clock, env: stubs.env() });
    const tenants = new TenantFactory(api);
    vendor = await tenants.vendor();
    partner = await tenants.partner(vendor);
    other = await tenants.partner(vendor);
  }, 60_000);

  afterAll(async () => {
    await api?.close();
    await stubs?.stop();
  });

  /** The browser's part: the authorization page redirects back to the engine's callback. */
  async function authorizeAt(authorizationUrl: string): Promise<string> {
    const page = await fetch(authorizationUrl, { redirect: 'manual' });
    expect(page.status).toBe(302);
    const back = new URL(page.headers.get('location')!);
    expect(back.pathname).toMatch(/^\/social\/callback\/(linkedin|x|facebook)$/);
    return back.pathname + back.search;
  }

  async function connect(
    network: 'linkedin' | 'x' | 'facebook',
    token = partner.token,
    headers: Record<string, string> = {},
  ): Promise<{ callback: string; location: string }> {
    const started = await api
      .http()
      .post(`/social-connections/${network}/start`)
      .set(as(token))
      .set(headers)
      .expect(200);
    const callback = await authorizeAt(started.body.authorizationUrl);
    const done = await api.http().get(callback).expect(302);
    return { callback, location: done.headers.location };
  }

  const connections = async (token = partner.token) =>
    (await api.http().get('/social-connections').set(as(token)).expect(200)).body.items as Array<
      Record<string, unknown>
    >;
  const noticesTo = async (email: string) => {
    const rows = await testDb().query<Array<{ raw: Buffer }>>(
      'SELECT raw FROM outbox_messages WHERE $1 = ANY(recipients) ORDER BY id',
      [email],
    );
    return Promise.all(rows.map(async (r) => (await simpleParser(r.raw)).subject ?? ''));
  };
  const partnerEmail = async () =>
    (await testDb().query<Array<{ email: string }>>('SELECT email FROM users WHERE id = $1', [partner.userId]))[0]
      .email;

  it('connects an X account through the full redirect dance, with the PKCE verifier checked by X', async () => {
    const { location } = await connect('x');
    expect(location).toBe('http://localhost:3000/portal/social?connected=x');

    const [authorize] = stubs.x.callsTo('/i/oauth2/authorize');
    const [exchange] = stubs.x.callsTo('/2/oauth2/token');
    const verifier = (exchange.body as { code_verifier: string }).code_verifier;
    expect(codeChallengeOf(verifier)).toBe(authorize.query.code_challenge);
    expect(exchange.status).toBe(200);
    expect((exchange.body as { redirect_uri: string }).redirect_uri).toBe('http://localhost:3000/social/callback/x');

    const [connection] = await connections();
    expect(connection).toMatchObject({
      network: 'x',
      accountId: '1460000000000000001',
      accountName: '@patpartner',
      status: 'active',
      expiresAt: new Date(clock.now().getTime() + 2 * HOUR).toISOString(),
      lastError: null,
    });
    // Sealed at rest, like SMTP passwords: no token in the clear.
    const [row] = await testDb().query<Array<{ access_token_sealed: string; refresh_token_sealed: string }>>(
      'SELECT access_token_sealed, refresh_token_sealed FROM social_connections WHERE id = $1',
      [connection.id],
    );
    expect(row.access_token_sealed).toMatch(/^v1\./);
    expect(row.refresh_token_sealed).toMatch(/^v1\./);
    expect(JSON.stringify(row)).not.toMatch(/at-|rt-/);
    // Another partner of the same vendor sees none of it.
    expect(await connections(other.token)).toEqual([]);
    await api
      .http()
      .delete(`/social-connections/${connection.id as string}`)
      .set(as(other.token))
      .expect(404);
  });

  it('refuses a state used twice, an expired one, and one started for another network; nothing is exchanged', async () => {
    const { callback } = await connect('linkedin');
    const exchanges = stubs.linkedin.callsTo('/oauth/v2/accessToken').length;
    const replay = await api.http().get(callback).expect(302);
    expect(replay.headers.location).toBe('http://localhost:3000/portal/social?error=invalid_state&network=linkedin');

    const late = await api.http().post('/social-connections/linkedin/start').set(as(partner.token)).expect(200);
    const lateCallback = await authorizeAt(late.body.authorizationUrl);
    clock.advance(11 * 60_000);
    expect((await api.http().get(lateCallback).expect(302)).headers.location).toContain('error=invalid_state');

    const crossed = await api.http().post('/social-connections/linkedin/start').set(as(partner.token)).expect(200);
    const crossedCallback = (await authorizeAt(crossed.body.authorizationUrl)).replace(
      '/social/callback/linkedin',
      '/social/callback/x',
    );
    expect((await api.http().get(crossedCallback).expect(302)).headers.location).toContain('error=invalid_state');
    expect(stubs.linkedin.callsTo('/oauth/v2/accessToken').length).toBe(exchanges);

    // The user says no at the network: nothing stored.
    stubs.facebook.denyNext = true;
    const denied = await connect('facebook');
    expect(denied.location).toBe('http://localhost:3000/portal/social?error=denied&network=facebook');
    expect((await connections()).map((c) => c.network).sort()).toEqual(['linkedin', 'x']);
  });

  it('lets a vendor user connect for a partner only by acting for it, and checks the network named', async () => {
    await api.http().post('/social-connections/facebook/start').set(as(vendor.adminToken)).expect(403);
    const { location } = await connect('facebook', vendor.adminToken, { 'X-Acting-For': partner.partnerId });
    expect(location).toContain('connected=facebook');
    expect((await connections()).find((c) => c.network === 'facebook')).toMatchObject({
      accountName: 'Partner Page',
      expiresAt: null,
      status: 'active',
    });
    const bad = await api.http().post('/social-connections/myspace/start').set(as(partner.token)).expect(400);
    expect(JSON.stringify(bad.body)).toContain('network');
  });

  it('refreshes tokens ahead of expiry as the clock moves, and leaves them alone before', async () => {
    const sweep = api.app.get(SocialConnectionsSweep);
    const byNetwork = async () => Object.fromEntries((await connections()).map((c) => [c.network, c]));
    const before = await byNetwork();

    clock.advance(30 * 60_000);
    await sweep.sweep();
    expect(
      stubs.x
        .callsTo('/2/oauth2/token')
        .filter((c) => (c.body as { grant_type: string }).grant_type === 'refresh_token'),
    ).toHaveLength(0);

    // X tokens live two hours: refreshed once half their life is gone, by one of two sweepers at
    // the same moment (X's refresh tokens are single use: a second refresh would break it).
    clock.advance(40 * 60_000);
    const reports = await Promise.all([sweep.sweep(), sweep.sweep()]);
    expect(reports.map((r) => [r.refreshed, r.broken]).sort()).toEqual([
      [0, 0],
      [1, 0],
    ]);
    expect(
      stubs.x
        .callsTo('/2/oauth2/token')
        .filter((c) => (c.body as { grant_type: string }).grant_type === 'refresh_token'),
    ).toHaveLength(1);
    const afterX = await byNetwork();
    expect(afterX.x.expiresAt).toBe(new Date(clock.now().getTime() + 2 * HOUR).toISOString());
    expect(afterX.linkedin.expiresAt).toBe(before.linkedin.expiresAt);

    // LinkedIn tokens live 60 days: refreshed within the last 24 hours (X keeps being refreshed meanwhile).
    clock.set(new Date(before.linkedin.expiresAt as string).getTime() - 23 * HOUR);
    await sweep.sweep();
    const afterLinkedIn = await byNetwork();
    expect(afterLinkedIn.linkedin.expiresAt).toBe(new Date(clock.now().getTime() + 60 * DAY).toISOString());
    expect(afterLinkedIn.linkedin.status).toBe('active');
    const refreshCall = stubs.linkedin.callsTo('/oauth/v2/accessToken').at(-1)!;
    expect(refreshCall.body).toMatchObject({ grant_type: 'refresh_token', client_id: stubs.linkedin.clientId });
    expect(await noticesTo(await partnerEmail())).toEqual([]);
  });

  it('breaks a connection whose refresh is refused, tells the partner once, and shows it', async () => {
    const sweep = api.app.get(SocialConnectionsSweep);
    const email = await partnerEmail();
    stubs.linkedin.revokeAll();
    const linkedin = (await connections()).find((c) => c.network === 'linkedin')!;
    clock.set(new Date(linkedin.expiresAt as string).getTime() - 2 * HOUR);
    expect(await sweep.sweep()).toMatchObject({ broken: 1 });
    await sweep.sweep();
    const broken = (await connections()).find((c) => c.network === 'linkedin')!;
    expect(broken).toMatchObject({
      status: 'broken',
      lastError: expect.stringContaining(
        'The refresh was refused: linkedin: The provided authorization grant or refresh token is invalid',
      ),
    });
    expect(broken.notifiedAt).not.toBeNull();
    expect(await noticesTo(email)).toEqual([
      `Your LinkedIn connection stopped working: posts to Pat Partner are on hold`,
    ]);

    // Publishing's 401: markBroken on another connection, told once however often it is called.
    const service = api.app.get(SocialConnectionsService);
    const facebook = (await connections()).find((c) => c.network === 'facebook')!;
    await service.markBroken(
      new PartnerScope(vendor.vendorId, partner.partnerId),
      facebook.id as string,
      'facebook: Error validating access token (401)',
    );
    await service.markBroken(
      new PartnerScope(vendor.vendorId, partner.partnerId),
      facebook.id as string,
      'facebook: Error validating access token (401)',
    );
    expect(
      await service.markBroken(new PartnerScope(vendor.vendorId, other.partnerId), facebook.id as string, 'not theirs'),
    ).toBeNull();
    expect(await noticesTo(email)).toHaveLength(2);

    // Connecting again makes it work again.
    expect((await connect('facebook')).location).toContain('connected=facebook');
    expect((await connections()).find((c) => c.network === 'facebook')).toMatchObject({
      id: facebook.id,
      status: 'active',
      lastError: null,
      notifiedAt: null,
    });

    // A 401 from the token endpoint breaks a connection too.
    clock.advance(90 * 60_000);
    stubs.x.failNext('unauthorized', { path: /^\/2\/oauth2\/token$/ });
    expect(await sweep.sweep()).toMatchObject({ broken: 1 });
    expect((await connections()).find((c) => c.network === 'x')).toMatchObject({
      status: 'broken',
      lastError: expect.stringContaining('(401)'),
    });
    expect(await noticesTo(email)).toHaveLength(3);
  });

  it('announces a connection that cannot be renewed ahead of its end, once', async () => {
    const sweep = api.app.get(SocialConnectionsSweep);
    const email = await partnerEmail();
    const x = (await connections()).find((c) => c.network === 'x')!;
    // The refresh token itself ends first: nothing to renew with.
    await testDb().query(
      `UPDATE social_connections SET status = 'active', notified_at = NULL, expires_at = $2, refresh_expires_at = $3 WHERE id = $1`,
      [x.id, new Date(clock.now().getTime() + 5 * DAY), new Date(clock.now().getTime() - HOUR)],
    );
    expect(await sweep.sweep()).toMatchObject({ expiring: 1 });
    await sweep.sweep();
    expect((await connections()).find((c) => c.network === 'x')).toMatchObject({ status: 'expiring' });
    expect((await noticesTo(email)).filter((s) => s.startsWith('Your X connection expires soon'))).toHaveLength(1);

    // Disconnecting revokes at X (refresh token, then access token); the connection stays listed as revoked until removed.
    const disconnected = await api
      .http()
      .delete(`/social-connections/${x.id as string}`)
      .set(as(partner.token))
      .expect(200);
    expect(disconnected.body).toMatchObject({
      revocation: 'revoked',
      connection: { id: x.id, status: 'revoked' },
      message: "Disconnected. X confirmed the engine's access to @patpartner is revoked.",
    });
    expect(
      stubs.x
        .callsTo('/2/oauth2/revoke')
        .map((c) => [(c.body as { token_type_hint: string }).token_type_hint, c.status]),
    ).toEqual([
      ['refresh_token', 200],
      ['access_token', 200],
    ]);
    const removed = await api
      .http()
      .delete(`/social-connections/${x.id as string}`)
      .set(as(partner.token))
      .expect(200);
    expect(removed.body).toEqual({
      connection: null,
      revocation: 'removed',
      message: '@patpartner on X was removed from the list.',
    });
    expect((await connections()).map((c) => c.network)).not.toContain('x');
  });

  it('connects a LinkedIn member with the organisation pages it administers; disconnecting revokes at LinkedIn once no kept account shares the grant', async () => {
    const northwind = await new TenantFactory(api).partner(vendor);
    stubs.linkedin.accounts = [
      { id: 'm77', name: 'Zofia Admin', organizations: [{ id: '2414183', name: 'Northwind IT Services' }] },
    ];
    try {
      expect((await connect('linkedin', northwind.token)).location).toBe(
        'http://localhost:3000/portal/social?connected=linkedin',
      );
    } finally {
      stubs.linkedin.accounts = [{ id: 'abc123', name: 'Pat Partner' }];
    }
    expect(stubs.linkedin.callsTo('/oauth/v2/authorization').at(-1)!.query.scope).toBe(
      'openid profile w_member_social w_organization_social r_organization_social rw_organization_admin',
    );
    const listed = await connections(northwind.token);
    expect(listed.map((c) => [c.network, c.accountId, c.accountName, c.status])).toEqual([
      ['linkedin', 'urn:li:person:m77', 'Zofia Admin', 'active'],
      ['linkedin', 'urn:li:organization:2414183', 'Northwind IT Services', 'active'],
    ]);
    const [member, org] = listed as Array<{ id: string }>;
    const sealed = async (id: string) =>
      (
        await testDb().query<Array<{ access_token_sealed: string | null; refresh_token_sealed: string | null }>>(
          'SELECT access_token_sealed, refresh_token_sealed FROM social_connections WHERE id = $1',
          [id],
        )
      )[0];

    // The partner keeps the page only: the member's grant is the page's too, so it is not revoked at LinkedIn.
    const revokes = () => stubs.linkedin.callsTo('/oauth/v2/revoke');
    const before = revokes().length;
    const kept = await api.http().delete(`/social-connections/${member.id}`).set(as(northwind.token)).expect(200);
    expect(kept.body).toMatchObject({
      revocation: 'shared',
      connection: { id: member.id, status: 'revoked', revokedAt: clock.now().toISOString() },
    });
    expect(kept.body.message).toBe(
      'Disconnected. LinkedIn still grants the engine this access for Northwind IT Services, connected with the same sign-in, so it was not revoked at LinkedIn; disconnecting the last of them revokes it.',
    );
    expect(revokes()).toHaveLength(before);
    expect(await sealed(member.id)).toEqual({ access_token_sealed: null, refresh_token_sealed: null });

    // Another partner cannot; the last one revokes the grant at LinkedIn, which then refuses the token.
    await api.http().delete(`/social-connections/${org.id}`).set(as(other.token)).expect(404);
    const gone = await api.http().delete(`/social-connections/${org.id}`).set(as(northwind.token)).expect(200);
    expect(gone.body).toMatchObject({
      revocation: 'revoked',
      message: "Disconnected. LinkedIn confirmed the engine's access to Northwind IT Services is revoked.",
      connection: { id: org.id, status: 'revoked' },
    });
    expect(gone.body.connection.lastError).toBe(gone.body.message);
    const [revoke] = revokes().slice(before);
    expect(revoke).toMatchObject({
      status: 200,
      body: {
        client_id: stubs.linkedin.clientId,
        client_secret: stubs.linkedin.clientSecret,
        token: expect.stringMatching(/^at-/),
      },
    });
    const userinfo = await fetch(`${stubs.linkedin.url}/v2/userinfo`, {
      headers: { authorization: `Bearer ${(revoke.body as { token: string }).token}` },
    });
    expect(userinfo.status).toBe(401);
    expect(await sealed(org.id)).toEqual({ access_token_sealed: null, refresh_token_sealed: null });

    // Connected again: the same rows work again. A revocation LinkedIn does not confirm still disconnects here.
    stubs.linkedin.accounts = [
      { id: 'm77', name: 'Zofia Admin', organizations: [{ id: '2414183', name: 'Northwind IT Services' }] },
    ];
    try {
      await connect('linkedin', northwind.token);
    } finally {
      stubs.linkedin.accounts = [{ id: 'abc123', name: 'Pat Partner' }];
    }
    expect((await connections(northwind.token)).map((c) => [c.id, c.status, c.revokedAt])).toEqual([
      [member.id, 'active', null],
      [org.id, 'active', null],
    ]);
    await api.http().delete(`/social-connections/${member.id}`).set(as(northwind.token)).expect(200);
    stubs.linkedin.failNext('server_error', { path: /^\/oauth\/v2\/revoke$/ });
    const failed = await api.http().delete(`/social-connections/${org.id}`).set(as(northwind.token)).expect(200);
    expect(failed.body).toMatchObject({ revocation: 'failed', connection: { id: org.id, status: 'revoked' } });
    expect(failed.body.message).toMatch(
      /^Disconnected: the engine forgot its access to Northwind IT Services, but LinkedIn did not confirm the revocation \(linkedin: Internal Server Error \(500\)\)/,
    );
    expect(await sealed(org.id)).toEqual({ access_token_sealed: null, refresh_token_sealed: null });
  });
});
