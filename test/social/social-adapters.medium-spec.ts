import { ManualClock } from '@tcma/clock';
import {
  codeChallengeOf,
  FacebookAdapter,
  LINKEDIN_MEMBER_SCOPES,
  LinkedInAdapter,
  newCodeVerifier,
  SocialNetworkAdapter,
  SocialRateLimited,
  SocialRejected,
  SocialTimeout,
  SocialUnauthorized,
  SocialUnavailable,
  XAdapter,
} from '@tcma/social';
import { FacebookStub, LinkedInStub, XStub } from '../support/social-stubs';

const REDIRECT = 'https://engine.example/social/callback';
const IMAGE = Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47]), Buffer.alloc(2000, 7)]);
const clock = new ManualClock('2026-11-23T09:00:00Z');
/** The references the adapters handed over before each creating call, in order. */
const kept: string[] = [];
const prepared = (reference: string): Promise<void> => {
  kept.push(reference);
  return Promise.resolve();
};
/** The last reference handed over. */
const lastRef = (): string => kept.at(-1)!;
/** The engine's default budget per call: a loaded machine's slow answer is never taken for silence. */
const settingsOf = (stub: LinkedInStub | XStub | FacebookStub, timeoutMs = 30_000) => ({
  clientId: stub.clientId,
  clientSecret: stub.clientSecret,
  authUrl: stub.url,
  apiUrl: stub.url,
  timeoutMs,
  now: () => clock.now().getTime(),
});

/** The browser's part of the dance: follow the authorization address to the redirect back, and read code and state from it. */
async function authorize(sut: SocialNetworkAdapter, state: string, verifier: string): Promise<URL> {
  const answer = await fetch(
    sut.authorizationUrl({ state, codeChallenge: codeChallengeOf(verifier), redirectUri: REDIRECT }),
    { redirect: 'manual' },
  );
  expect(answer.status).toBe(302);
  return new URL(answer.headers.get('location')!);
}

async function rejection(promise: Promise<unknown>): Promise<Error> {
  try {
    await promise;
  } catch (e) {
    return e as Error;
  }
  throw new Error('expected a rejection');
}

describe(LinkedInAdapter.name, () => {
  const stub = new LinkedInStub();
  stub.now = () => clock.now().getTime();
  let sut: LinkedInAdapter;
  beforeAll(async () => {
    await stub.start();
    sut = new LinkedInAdapter(settingsOf(stub));
  });
  afterAll(() => stub.stop());

  it('connects, publishes an uploaded image with the versioned Posts API, finds the post again, refreshes', async () => {
    const back = await authorize(sut, 'state-1', newCodeVerifier());
    expect(back.origin + back.pathname).toBe(REDIRECT);
    expect(back.searchParams.get('state')).toBe('state-1');
    expect(stub.callsTo('/oauth/v2/authorization')[0].query).toMatchObject({
      response_type: 'code',
      client_id: stub.clientId,
      redirect_uri: REDIRECT,
      scope: 'openid profile w_member_social w_organization_social r_organization_social rw_organization_admin',
    });
    const [grant, ...more] = await sut.exchangeCode({
      code: back.searchParams.get('code')!,
      codeVerifier: 'unused',
      redirectUri: REDIRECT,
    });
    expect(more).toEqual([]);
    expect(grant).toMatchObject({
      accountId: 'urn:li:person:abc123',
      accountName: 'Pat Partner',
      refreshToken: expect.any(String),
    });
    expect(grant.expiresAt).toEqual(new Date(clock.now().getTime() + 60 * 86_400_000));
    expect(grant.refreshExpiresAt).toEqual(new Date(clock.now().getTime() + 365 * 86_400_000));

    const text = 'New (free) guide for #security teams: https://t.example/c/abc_1';
    const published = await sut.publish({
      accessToken: grant.accessToken,
      accountId: grant.accountId,
      text,
      image: IMAGE,
      mimeType: 'image/png',
      idempotencyKey: 'post-1',
      prepared,
    });
    expect(published.remoteId).toMatch(/^urn:li:share:/);
    expect(published.url).toBe(`https://www.linkedin.com/feed/update/${published.remoteId}`);
    const [init] = stub.callsTo('/rest/images', 'POST');
    expect(init.query).toEqual({ action: 'initializeUpload' });
    expect(init.headers['linkedin-version']).toMatch(/^\d{6}$/);
    expect(init.body).toEqual({ initializeUploadRequest: { owner: 'urn:li:person:abc123' } });
    expect(stub.posts).toEqual([
      expect.objectContaining({
        id: published.remoteId,
        author: 'urn:li:person:abc123',
        imageBytes: IMAGE.length,
        text: 'New \\(free\\) guide for \\#security teams: https://t.example/c/abc\\_1',
      }),
    ]);

    // The reference is the post's own image, handed over before the post was created.
    expect(lastRef()).toBe(stub.posts[0].media);
    const firstRef = lastRef();
    await expect(
      sut.findPublished({
        accessToken: grant.accessToken,
        accountId: grant.accountId,
        reference: firstRef,
        since: new Date(clock.now().getTime() - 60_000),
      }),
    ).resolves.toEqual(published);

    // The same text posted again: each post is found by its own reference, never taken for the other.
    const again = await sut.publish({
      accessToken: grant.accessToken,
      accountId: grant.accountId,
      text,
      image: IMAGE,
      mimeType: 'image/png',
      idempotencyKey: 'post-2',
      prepared,
    });
    expect(again.remoteId).not.toBe(published.remoteId);
    const find = (reference: string) =>
      sut.findPublished({
        accessToken: grant.accessToken,
        accountId: grant.accountId,
        reference,
        since: new Date(0),
      });
    await expect(find(firstRef)).resolves.toEqual(published);
    await expect(find(lastRef())).resolves.toEqual(again);
    await expect(find('urn:li:image:never-uploaded')).resolves.toBeNull();

    clock.advance(59 * 86_400_000);
    const refreshed = await sut.refresh({ refreshToken: grant.refreshToken! });
    expect(refreshed.accessToken).not.toBe(grant.accessToken);
    expect(refreshed.expiresAt).toEqual(new Date(clock.now().getTime() + 60 * 86_400_000));
  });

  it('turns 401, 429, 500 and silence into typed errors, telling "maybe published" from "not published"', async () => {
    const back = await authorize(sut, 's', 'v');
    const [grant] = await sut.exchangeCode({
      code: back.searchParams.get('code')!,
      codeVerifier: '',
      redirectUri: REDIRECT,
    });
    const post = (text: string) =>
      sut.publish({
        accessToken: grant.accessToken,
        accountId: grant.accountId,
        text,
        image: IMAGE,
        mimeType: 'image/png',
        idempotencyKey: text,
        prepared,
      });
    const before = stub.posts.length;

    stub.failNext('unauthorized');
    expect(await rejection(post('a'))).toBeInstanceOf(SocialUnauthorized);
    stub.failNext('rate_limited', { retryAfterSeconds: 42 });
    const limited = await rejection(post('b'));
    expect(limited).toBeInstanceOf(SocialRateLimited);
    expect((limited as SocialRateLimited).retryAfterSeconds).toBe(42);
    stub.failNext('server_error', { path: /^\/rest\/images$/ });
    expect(await rejection(post('c'))).toBeInstanceOf(SocialUnavailable);
    stub.failNext('server_error', { path: /^\/rest\/posts$/ });
    expect(await rejection(post('d'))).toBeInstanceOf(SocialTimeout);
    expect(stub.posts.length).toBe(before);

    // The post is made, and its answer is lost: uncertain, then settled by finding it.
    stub.failNext('drop', { path: /^\/rest\/posts$/, when: 'after' });
    const since = new Date(clock.now().getTime() - 1000);
    expect(await rejection(post('e (maybe)'))).toBeInstanceOf(SocialTimeout);
    expect(stub.posts.length).toBe(before + 1);
    await expect(
      sut.findPublished({
        accessToken: grant.accessToken,
        accountId: grant.accountId,
        reference: lastRef(),
        since,
      }),
    ).resolves.toEqual(expect.objectContaining({ remoteId: stub.posts[before].id }));

    // Silence: the call's budget ends it, "maybe published" only for the creating call (a second
    // adapter's short budget, so the other tests' calls keep the default).
    const impatient = new LinkedInAdapter(settingsOf(stub, 1000));
    stub.failNext('hang', { path: /^\/oauth\/v2\/accessToken$/ });
    const refresh = await rejection(impatient.refresh({ refreshToken: grant.refreshToken! }));
    expect(refresh).toBeInstanceOf(SocialUnavailable);
    expect(refresh.message).toBe('linkedin: no answer within 1 s');
    stub.failNext('hang', { path: /^\/rest\/posts$/ });
    const silent = await rejection(
      impatient.publish({
        accessToken: grant.accessToken,
        accountId: grant.accountId,
        text: 'g (silent)',
        image: IMAGE,
        mimeType: 'image/png',
        idempotencyKey: 'g',
        prepared,
      }),
    );
    expect(silent).toBeInstanceOf(SocialTimeout);
    expect(silent.message).toBe('linkedin: no answer within 1 s; the post may have been published');

    stub.revokeAll();
    expect(await rejection(sut.refresh({ refreshToken: grant.refreshToken! }))).toBeInstanceOf(SocialUnauthorized);
    expect(await rejection(post('f'))).toBeInstanceOf(SocialUnauthorized);
  });
});

describe(`${LinkedInAdapter.name}: organisation pages and revocation`, () => {
  const stub = new LinkedInStub([
    {
      id: 'm42',
      name: 'Pat Partner',
      organizations: [
        { id: '2414183', name: 'Northwind IT Services' },
        { id: '5590', name: 'Northwind Labs' },
      ],
    },
  ]);
  stub.now = () => clock.now().getTime();
  let sut: LinkedInAdapter;
  beforeAll(async () => {
    await stub.start();
    sut = new LinkedInAdapter(settingsOf(stub));
  });
  afterAll(() => stub.stop());

  const connect = async (adapter = sut) => {
    const back = await authorize(adapter, 'state-o', 'v');
    return adapter.exchangeCode({ code: back.searchParams.get('code')!, codeVerifier: '', redirectUri: REDIRECT });
  };

  it("grants the member and each organisation it administers, publishes as an organisation and finds the post among that author's", async () => {
    const grants = await connect();
    expect(grants.map((g) => [g.accountId, g.accountName])).toEqual([
      ['urn:li:person:m42', 'Pat Partner'],
      ['urn:li:organization:2414183', 'Northwind IT Services'],
      ['urn:li:organization:5590', 'Northwind Labs'],
    ]);
    // One sign-in: every account is on the member's token.
    expect(new Set(grants.map((g) => g.accessToken)).size).toBe(1);
    const [acl] = stub.callsTo('/rest/organizationAcls', 'GET');
    expect(acl.query).toMatchObject({ q: 'roleAssignee', role: 'ADMINISTRATOR', state: 'APPROVED' });
    expect(acl.headers).toMatchObject({
      'x-restli-protocol-version': '2.0.0',
      'linkedin-version': expect.stringMatching(/^\d{6}$/),
    });
    expect(stub.callsTo(/^\/rest\/organizations\/\d+$/, 'GET').map((c) => c.path)).toEqual([
      '/rest/organizations/2414183',
      '/rest/organizations/5590',
    ]);

    const org = grants[1];
    const text = 'Our new managed security plans: https://t.example/c/org1';
    const published = await sut.publish({
      accessToken: org.accessToken,
      accountId: org.accountId,
      text,
      image: IMAGE,
      mimeType: 'image/png',
      idempotencyKey: 'org-1',
      prepared,
    });
    expect(stub.callsTo('/rest/images', 'POST')[0].body).toEqual({
      initializeUploadRequest: { owner: 'urn:li:organization:2414183' },
    });
    expect(stub.callsTo('/rest/posts', 'POST')[0].body).toMatchObject({ author: 'urn:li:organization:2414183' });
    expect(stub.posts).toEqual([
      expect.objectContaining({
        id: published.remoteId,
        author: 'urn:li:organization:2414183',
        imageBytes: IMAGE.length,
      }),
    ]);
    await expect(
      sut.findPublished({
        accessToken: org.accessToken,
        accountId: org.accountId,
        reference: lastRef(),
        since: new Date(clock.now().getTime() - 60_000),
      }),
    ).resolves.toEqual(published);
    expect(stub.callsTo('/rest/posts', 'GET').at(-1)!.query).toMatchObject({
      q: 'author',
      author: 'urn:li:organization:2414183',
    });
    // The member's own posts do not hold it.
    await expect(
      sut.findPublished({
        accessToken: org.accessToken,
        accountId: grants[0].accountId,
        reference: lastRef(),
        since: new Date(0),
      }),
    ).resolves.toBeNull();
    // An organisation the member does not administer is refused by LinkedIn.
    expect(
      await rejection(
        sut.publish({
          accessToken: org.accessToken,
          accountId: 'urn:li:organization:999',
          text,
          image: IMAGE,
          mimeType: 'image/png',
          idempotencyKey: 'org-2',
          prepared,
        }),
      ),
    ).toBeInstanceOf(SocialRejected);
  });

  it('asks for the member scopes only when configured so, and then connects the member alone', async () => {
    const memberOnly = new LinkedInAdapter({ ...settingsOf(stub), scopes: LINKEDIN_MEMBER_SCOPES });
    const aclsBefore = stub.callsTo('/rest/organizationAcls').length;
    const grants = await connect(memberOnly);
    expect(stub.callsTo('/oauth/v2/authorization').at(-1)!.query.scope).toBe('openid profile w_member_social');
    expect(grants.map((g) => g.accountId)).toEqual(['urn:li:person:m42']);
    expect(stub.callsTo('/rest/organizationAcls')).toHaveLength(aclsBefore);
  });

  it('revokes the grant with POST /oauth/v2/revoke; LinkedIn then refuses its tokens', async () => {
    const [member, org] = await connect();
    await expect(sut.revoke({ accessToken: member.accessToken, refreshToken: member.refreshToken })).resolves.toBe(
      'revoked',
    );
    const [revoke] = stub.callsTo('/oauth/v2/revoke', 'POST');
    expect(revoke.headers['content-type']).toBe('application/x-www-form-urlencoded');
    expect(revoke.body).toEqual({
      client_id: stub.clientId,
      client_secret: stub.clientSecret,
      token: member.accessToken,
    });
    expect(revoke.status).toBe(200);
    expect(stub.revokedTokens).toEqual([member.accessToken]);
    expect(
      await rejection(
        sut.publish({
          accessToken: org.accessToken,
          accountId: org.accountId,
          text: 'after',
          image: IMAGE,
          mimeType: 'image/png',
          idempotencyKey: 'after',
          prepared,
        }),
      ),
    ).toBeInstanceOf(SocialUnauthorized);
    expect(await rejection(sut.refresh({ refreshToken: member.refreshToken! }))).toBeInstanceOf(SocialUnauthorized);
  });
});

describe(XAdapter.name, () => {
  const stub = new XStub();
  stub.now = () => clock.now().getTime();
  let sut: XAdapter;
  beforeAll(async () => {
    await stub.start();
    sut = new XAdapter(settingsOf(stub));
  });
  afterAll(() => stub.stop());

  it('sends a PKCE challenge, and the code is exchanged only with its verifier', async () => {
    const verifier = newCodeVerifier();
    const back = await authorize(sut, 'state-x', verifier);
    const [authorizeCall] = stub.callsTo('/i/oauth2/authorize');
    expect(authorizeCall.query).toMatchObject({
      code_challenge: codeChallengeOf(verifier),
      code_challenge_method: 'S256',
      scope: expect.stringContaining('offline.access'),
    });
    const wrong = await rejection(
      sut.exchangeCode({
        code: back.searchParams.get('code')!,
        codeVerifier: newCodeVerifier(),
        redirectUri: REDIRECT,
      }),
    );
    expect(wrong).toBeInstanceOf(SocialRejected);
    expect(wrong.message).toContain('code verifier');

    const again = await authorize(sut, 'state-x2', verifier);
    const [grant] = await sut.exchangeCode({
      code: again.searchParams.get('code')!,
      codeVerifier: verifier,
      redirectUri: REDIRECT,
    });
    expect(grant).toMatchObject({ accountId: '1460000000000000001', accountName: '@patpartner' });
    expect(grant.expiresAt).toEqual(new Date(clock.now().getTime() + 7200_000));
    const tokenCall = stub.callsTo('/2/oauth2/token').at(-1)!;
    expect(tokenCall.headers.authorization).toBe(
      `Basic ${Buffer.from(`${stub.clientId}:${stub.clientSecret}`).toString('base64')}`,
    );
    expect(tokenCall.body).toMatchObject({
      grant_type: 'authorization_code',
      code_verifier: verifier,
      redirect_uri: REDIRECT,
    });

    const text = 'Ready for the audit? https://t.example/c/xyz';
    const published = await sut.publish({
      accessToken: grant.accessToken,
      accountId: grant.accountId,
      text,
      image: IMAGE,
      mimeType: 'image/png',
      idempotencyKey: 'k',
      prepared,
    });
    const [upload] = stub.callsTo('/2/media/upload');
    expect(upload.body).toMatchObject({ media_category: 'tweet_image', media_type: 'image/png' });
    const [tweet] = stub.callsTo('/2/tweets');
    expect(tweet.body).toEqual({ text, media: { media_ids: [stub.posts[0].media] } });
    expect(stub.posts[0]).toMatchObject({ id: published.remoteId, imageBytes: IMAGE.length, text });
    // The reference is the media key of the post's own image, handed over before the post was created.
    expect(lastRef()).toBe(`3_${stub.posts[0].media}`);
    const firstRef = lastRef();
    const twin = await sut.publish({
      accessToken: grant.accessToken,
      accountId: grant.accountId,
      text,
      image: IMAGE,
      mimeType: 'image/png',
      idempotencyKey: 'k2',
      prepared,
    });
    const find = (reference: string) =>
      sut.findPublished({
        accessToken: grant.accessToken,
        accountId: grant.accountId,
        reference,
        since: new Date(clock.now().getTime() - 1000),
      });
    // The same text twice: each post is found by its own reference.
    await expect(find(firstRef)).resolves.toEqual(published);
    await expect(find(lastRef())).resolves.toEqual(twin);
    await expect(find('3_0')).resolves.toBeNull();
    expect(stub.callsTo(`/2/users/${grant.accountId}/tweets`).at(-1)!.query).toMatchObject({
      'tweet.fields': 'created_at,attachments',
    });

    stub.failNext('rate_limited', { retryAfterSeconds: 900 });
    const limited = await rejection(
      sut.publish({
        accessToken: grant.accessToken,
        accountId: grant.accountId,
        text: 'b',
        image: IMAGE,
        mimeType: 'image/png',
        idempotencyKey: 'b',
        prepared,
      }),
    );
    expect((limited as SocialRateLimited).retryAfterSeconds).toBe(900);

    // Refresh tokens are single use.
    const refreshed = await sut.refresh({ refreshToken: grant.refreshToken! });
    expect(refreshed.refreshToken).not.toBe(grant.refreshToken);
    expect(await rejection(sut.refresh({ refreshToken: grant.refreshToken! }))).toBeInstanceOf(SocialRejected);
  });

  it('revokes the refresh token, then the access token, with Basic client authentication; X then refuses both', async () => {
    const verifier = newCodeVerifier();
    const back = await authorize(sut, 'state-xr', verifier);
    const [grant] = await sut.exchangeCode({
      code: back.searchParams.get('code')!,
      codeVerifier: verifier,
      redirectUri: REDIRECT,
    });
    await expect(sut.revoke({ accessToken: grant.accessToken, refreshToken: grant.refreshToken })).resolves.toBe(
      'revoked',
    );
    const calls = stub.callsTo('/2/oauth2/revoke', 'POST');
    expect(calls.map((c) => c.body)).toEqual([
      { token: grant.refreshToken, token_type_hint: 'refresh_token', client_id: stub.clientId },
      { token: grant.accessToken, token_type_hint: 'access_token', client_id: stub.clientId },
    ]);
    expect(calls.map((c) => [c.headers.authorization, c.status])).toEqual(
      Array(2).fill([`Basic ${Buffer.from(`${stub.clientId}:${stub.clientSecret}`).toString('base64')}`, 200]),
    );
    expect(
      await rejection(
        sut.publish({
          accessToken: grant.accessToken,
          accountId: grant.accountId,
          text: 'after',
          image: IMAGE,
          mimeType: 'image/png',
          idempotencyKey: 'after',
          prepared,
        }),
      ),
    ).toBeInstanceOf(SocialUnauthorized);
    expect(await rejection(sut.refresh({ refreshToken: grant.refreshToken! }))).toBeInstanceOf(SocialRejected);
  });
});

describe(FacebookAdapter.name, () => {
  const stub = new FacebookStub([
    { id: '1001', name: 'Partner Page' },
    { id: '1002', name: 'Partner Events' },
  ]);
  let sut: FacebookAdapter;
  beforeAll(async () => {
    await stub.start();
    sut = new FacebookAdapter(settingsOf(stub));
  });
  afterAll(() => stub.stop());

  it('connects every page the user manages with a page token, posts a photo with its message, finds it again', async () => {
    const back = await authorize(sut, 'state-f', 'v');
    const grants = await sut.exchangeCode({
      code: back.searchParams.get('code')!,
      codeVerifier: '',
      redirectUri: REDIRECT,
    });
    expect(grants.map((g) => [g.accountId, g.accountName, g.expiresAt, g.refreshToken])).toEqual([
      ['1001', 'Partner Page', null, null],
      ['1002', 'Partner Events', null, null],
    ]);
    expect(stub.callsTo('/v21.0/oauth/access_token').map((c) => c.query.grant_type ?? 'code')).toEqual([
      'code',
      'fb_exchange_token',
    ]);

    const text = 'Our webinar, Thursday: https://t.example/c/fb1';
    const published = await sut.publish({
      accessToken: grants[0].accessToken,
      accountId: '1001',
      text,
      image: IMAGE,
      mimeType: 'image/png',
      idempotencyKey: 'k',
      prepared,
    });
    expect(published.remoteId).toMatch(/^1001_/);
    // The photo uploaded unpublished (its id the reference, handed over before the post), then the post naming it.
    const [photo] = stub.callsTo('/v21.0/1001/photos', 'POST');
    expect(photo.body).toMatchObject({ published: 'false', source: { size: IMAGE.length, type: 'image/png' } });
    expect(photo.body).not.toHaveProperty('message');
    const [feed] = stub.callsTo('/v21.0/1001/feed', 'POST');
    expect(feed.body).toMatchObject({ message: text, attached_media: JSON.stringify([{ media_fbid: lastRef() }]) });
    expect(stub.posts).toEqual([expect.objectContaining({ id: published.remoteId, text, media: lastRef() })]);
    const firstRef = lastRef();
    const again = await sut.publish({
      accessToken: grants[0].accessToken,
      accountId: '1001',
      text,
      image: IMAGE,
      mimeType: 'image/png',
      idempotencyKey: 'k2',
      prepared,
    });
    const find = (reference: string) =>
      sut.findPublished({
        accessToken: grants[0].accessToken,
        accountId: '1001',
        reference,
        since: new Date(Date.now() - 60_000),
      });
    // The same text twice: each post is found by its own photo.
    await expect(find(firstRef)).resolves.toEqual(published);
    await expect(find(lastRef())).resolves.toEqual(again);
    await expect(find('1220unknown')).resolves.toBeNull();
    // Another page's token does not post to this one.
    expect(
      await rejection(
        sut.publish({
          accessToken: grants[1].accessToken,
          accountId: '1001',
          text,
          image: IMAGE,
          mimeType: 'image/png',
          idempotencyKey: 'x',
          prepared,
        }),
      ),
    ).toBeInstanceOf(SocialRejected);

    // Page-level throttling: a 400 with code 80001, the wait in X-Business-Use-Case-Usage (minutes).
    stub.failNext('throttled', { path: /^\/v21\.0\/1001\/photos$/, retryAfterSeconds: 7 * 60 });
    const throttled = await rejection(
      sut.publish({
        accessToken: grants[0].accessToken,
        accountId: '1001',
        text: 'later',
        image: IMAGE,
        mimeType: 'image/png',
        idempotencyKey: 't',
        prepared,
      }),
    );
    expect(throttled).toBeInstanceOf(SocialRateLimited);
    expect((throttled as SocialRateLimited).retryAfterSeconds).toBe(420);
    expect(throttled.message).toMatch(/\(400, code 80001\)/);
    expect(stub.callsTo('/v21.0/1001/photos').at(-1)!.status).toBe(400);

    // A page token cannot revoke the user's login (the Graph API needs the user's token or id): nothing is called.
    const callsBefore = stub.calls.length;
    await expect(sut.revoke()).resolves.toBe('unsupported');
    expect(stub.calls).toHaveLength(callsBefore);

    stub.revokeAll();
    expect(
      await rejection(
        sut.publish({
          accessToken: grants[0].accessToken,
          accountId: '1001',
          text,
          image: IMAGE,
          mimeType: 'image/png',
          idempotencyKey: 'y',
          prepared,
        }),
      ),
    ).toBeInstanceOf(SocialUnauthorized);
    expect(sut.refreshable).toBe(false);
  });
});
