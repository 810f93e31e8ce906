import type { AdapterSettings } from './adapter-settings';
import { withQuery } from './adapter-settings';
import { expiryOf, field, socialRequest } from './social-http';
import {
  FindPublishedRequest,
  PublishedPost,
  PublishRequest,
  RevokeOutcome,
  SocialGrant,
  SocialNetworkAdapter,
  SocialTokens,
  SocialUnavailable,
} from './social-network';

/** Reading and writing posts, uploading media, the user's id, and a refresh token (offline.access). */
export const X_SCOPES = ['tweet.read', 'tweet.write', 'users.read', 'media.write', 'offline.access'];

interface XTweet {
  id?: unknown;
  attachments?: { media_keys?: unknown };
}

/**
 * X API v2: OAuth 2 authorization code with PKCE (S256) as a confidential client (Basic
 * authentication at the token endpoint), the user from /2/users/me, the image uploaded with
 * POST /2/media/upload, then POST /2/tweets naming it. Refresh tokens are single use: each
 * refresh returns the next.
 */
export class XAdapter implements SocialNetworkAdapter {
  readonly network = 'x' as const;
  readonly usesPkce = true;
  readonly refreshable = true;

  constructor(private readonly settings: AdapterSettings) {}

  get configured(): boolean {
    return !!this.settings.clientId && !!this.settings.clientSecret;
  }

  authorizationUrl(input: { state: string; codeChallenge: string; redirectUri: string }): string {
    return withQuery(`${this.settings.authUrl}/i/oauth2/authorize`, {
      response_type: 'code',
      client_id: this.settings.clientId ?? '',
      redirect_uri: input.redirectUri,
      scope: (this.settings.scopes ?? X_SCOPES).join(' '),
      state: input.state,
      code_challenge: input.codeChallenge,
      code_challenge_method: 'S256',
    });
  }

  async exchangeCode(input: { code: string; codeVerifier: string; redirectUri: string }): Promise<SocialGrant[]> {
    const tokens = await this.token({
      grant_type: 'authorization_code',
      code: input.code,
      redirect_uri: input.redirectUri,
      code_verifier: input.codeVerifier,
    });
    const me = await this.call({
      method: 'GET',
      url: `${this.settings.apiUrl}/2/users/me`,
      headers: { authorization: `Bearer ${tokens.accessToken}` },
    });
    const user = (me.body as { data?: { id?: unknown; name?: unknown; username?: unknown } })?.data;
    const id = field(this.network, user?.id, 'user id');
    const username = typeof user?.username === 'string' ? user.username : null;
    return [
      {
        ...tokens,
        accountId: id,
        accountName: username ? `@${username}` : typeof user?.name === 'string' ? user.name : id,
      },
    ];
  }

  refresh(input: { refreshToken: string }): Promise<SocialTokens> {
    return this.token({ grant_type: 'refresh_token', refresh_token: input.refreshToken });
  }

  async publish(input: PublishRequest): Promise<PublishedPost> {
    const auth = { authorization: `Bearer ${input.accessToken}`, 'content-type': 'application/json' };
    const media = await this.call({
      method: 'POST',
      url: `${this.settings.apiUrl}/2/media/upload`,
      headers: auth,
      body: JSON.stringify({
        media: input.image.toString('base64'),
        media_category: 'tweet_image',
        media_type: input.mimeType,
      }),
    });
    const uploaded = (media.body as { data?: { id?: unknown; media_key?: unknown } })?.data;
    const mediaId = field(this.network, uploaded?.id, 'media id');
    // The media is this post's alone, and X gives its key back with the post (attachments.media_keys);
    // an image's key is 3_ and its id when the answer does not name it.
    await input.prepared(typeof uploaded?.media_key === 'string' ? uploaded.media_key : `3_${mediaId}`);
    const tweet = await this.call({
      method: 'POST',
      url: `${this.settings.apiUrl}/2/tweets`,
      headers: auth,
      body: JSON.stringify({ text: input.text, media: { media_ids: [mediaId] } }),
      creates: true,
    });
    const id = field(this.network, (tweet.body as { data?: { id?: unknown } })?.data?.id, 'post id');
    return { remoteId: id, url: `https://x.com/i/web/status/${id}` };
  }

  async findPublished(input: FindPublishedRequest): Promise<PublishedPost | null> {
    const url = withQuery(`${this.settings.apiUrl}/2/users/${encodeURIComponent(input.accountId)}/tweets`, {
      max_results: '50',
      'tweet.fields': 'created_at,attachments',
      start_time: input.since.toISOString(),
    });
    const found = await this.call({ method: 'GET', url, headers: { authorization: `Bearer ${input.accessToken}` } });
    const tweets = (found.body as { data?: XTweet[] })?.data ?? [];
    const match = tweets.find(
      (t) =>
        typeof t.id === 'string' &&
        Array.isArray(t.attachments?.media_keys) &&
        t.attachments.media_keys.includes(input.reference),
    );
    return match ? { remoteId: match.id as string, url: `https://x.com/i/web/status/${match.id as string}` } : null;
  }

  /** POST /2/oauth2/revoke (RFC 7009, Basic client authentication): the refresh token first (it would mint new access), then the access token. */
  async revoke(input: { accessToken: string; refreshToken: string | null }): Promise<RevokeOutcome> {
    const tokens: Array<[string, string]> = [
      ...(input.refreshToken ? [[input.refreshToken, 'refresh_token'] as [string, string]] : []),
      [input.accessToken, 'access_token'],
    ];
    for (const [token, hint] of tokens) {
      await this.call({
        method: 'POST',
        url: `${this.settings.apiUrl}/2/oauth2/revoke`,
        headers: { 'content-type': 'application/x-www-form-urlencoded', authorization: `Basic ${this.basic()}` },
        body: new URLSearchParams({ token, token_type_hint: hint, client_id: this.settings.clientId ?? '' }),
      });
    }
    return 'revoked';
  }

  private basic(): string {
    return Buffer.from(
      `${encodeURIComponent(this.settings.clientId ?? '')}:${encodeURIComponent(this.settings.clientSecret ?? '')}`,
    ).toString('base64');
  }

  private async token(params: Record<string, string>): Promise<SocialTokens> {
    const now = this.settings.now();
    const basic = this.basic();
    const answer = await this.call({
      method: 'POST',
      url: `${this.settings.apiUrl}/2/oauth2/token`,
      headers: { 'content-type': 'application/x-www-form-urlencoded', authorization: `Basic ${basic}` },
      body: new URLSearchParams({ ...params, client_id: this.settings.clientId ?? '' }),
    });
    const t = answer.body as { access_token?: unknown; expires_in?: unknown; refresh_token?: unknown };
    if (!t || typeof t !== 'object') throw new SocialUnavailable('x: unexpected token answer', this.network);
    return {
      accessToken: field(this.network, t.access_token, 'access token'),
      refreshToken: typeof t.refresh_token === 'string' && t.refresh_token ? t.refresh_token : null,
      expiresAt: expiryOf(t.expires_in, now),
      refreshExpiresAt: null,
    };
  }

  private call(call: Parameters<typeof socialRequest>[1]) {
    return socialRequest(this.network, call, this.settings.timeoutMs, this.settings.now);
  }
}
