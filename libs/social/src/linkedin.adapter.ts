import { expiryOf, field, socialRequest } from './social-http';
import type { AdapterSettings } from './adapter-settings';
import { withQuery } from './adapter-settings';
import {
  FindPublishedRequest,
  PublishedPost,
  PublishRequest,
  RevokeOutcome,
  SocialGrant,
  SocialNetworkAdapter,
  SocialRejected,
  SocialTokens,
  SocialUnavailable,
} from './social-network';

/** The LinkedIn-Version header (YYYYMM) of the versioned /rest APIs. */
export const LINKEDIN_VERSION = '202501';
/** Sign in with LinkedIn (OpenID: the member's id and name) and posting as the member. */
export const LINKEDIN_MEMBER_SCOPES = ['openid', 'profile', 'w_member_social'];
/**
 * The Community Management API: posting as (and reading the posts of) the organisations the
 * member administers, and listing them (organizationAcls needs rw_organization_admin).
 */
export const LINKEDIN_ORGANIZATION_SCOPES = ['w_organization_social', 'r_organization_social', 'rw_organization_admin'];
/** What the authorization asks for unless the settings name other scopes (an app without the Community Management API: the member scopes only). */
export const LINKEDIN_SCOPES = [...LINKEDIN_MEMBER_SCOPES, ...LINKEDIN_ORGANIZATION_SCOPES];
/** The most organisations one authorization connects (an agency may administer many; LinkedIn pages ACLs by 10 by default). */
const MAX_ORGANIZATIONS = 50;
const ORGANIZATION_URN = /^urn:li:organization:(\d+)$/;

/**
 * The commentary of the Posts API is "little text": these characters are markup unless
 * escaped with a backslash.
 */
export function littleText(text: string): string {
  return text.replace(/[\\|{}@[\]()<>#*_~]/g, (c) => `\\${c}`);
}

/**
 * LinkedIn: OAuth 2 authorization code (no PKCE for server apps: the state alone ties the
 * answer to the request), the member from /v2/userinfo and the organisations (company pages)
 * it administers from /rest/organizationAcls: one grant each, all on the member's token.
 * Images uploaded first (Images API initializeUpload, then a PUT of the bytes), then POST
 * /rest/posts, as the member (urn:li:person) or an organisation (urn:li:organization).
 */
export class LinkedInAdapter implements SocialNetworkAdapter {
  readonly network = 'linkedin' as const;
  readonly usesPkce = false;
  readonly refreshable = true;

  constructor(private readonly settings: AdapterSettings) {}

  get configured(): boolean {
    return !!this.settings.clientId && !!this.settings.clientSecret;
  }

  authorizationUrl(input: { state: string; codeChallenge: string; redirectUri: string }): string {
    return withQuery(`${this.settings.authUrl}/oauth/v2/authorization`, {
      response_type: 'code',
      client_id: this.settings.clientId ?? '',
      redirect_uri: input.redirectUri,
      state: input.state,
      scope: this.scopes.join(' '),
    });
  }

  async exchangeCode(input: { code: string; codeVerifier: string; redirectUri: string }): Promise<SocialGrant[]> {
    const tokens = await this.token({
      grant_type: 'authorization_code',
      code: input.code,
      redirect_uri: input.redirectUri,
    });
    const me = await this.call({
      method: 'GET',
      url: `${this.settings.apiUrl}/v2/userinfo`,
      headers: { authorization: `Bearer ${tokens.accessToken}` },
    });
    const user = me.body as { sub?: unknown; name?: unknown };
    const sub = field(this.network, user?.sub, 'member id');
    const member: SocialGrant = {
      ...tokens,
      accountId: `urn:li:person:${sub}`,
      accountName: typeof user.name === 'string' && user.name ? user.name : sub,
    };
    if (!this.scopes.includes('rw_organization_admin')) return [member];
    const organizations = await this.administeredOrganizations(tokens.accessToken);
    return [
      member,
      ...organizations.map((o) => ({ ...tokens, accountId: `urn:li:organization:${o.id}`, accountName: o.name })),
    ];
  }

  /** LinkedIn's token revocation: POST /oauth/v2/revoke with the app's credentials and the token, form encoded. */
  async revoke(input: { accessToken: string; refreshToken: string | null }): Promise<RevokeOutcome> {
    const body = new URLSearchParams({
      client_id: this.settings.clientId ?? '',
      client_secret: this.settings.clientSecret ?? '',
      token: input.accessToken,
    });
    await this.call({
      method: 'POST',
      url: `${this.settings.authUrl}/oauth/v2/revoke`,
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body,
    });
    return 'revoked';
  }

  private get scopes(): readonly string[] {
    return this.settings.scopes ?? LINKEDIN_SCOPES;
  }

  /**
   * The organisations the member administers (approved ADMINISTRATOR roles), with their names.
   * An app LinkedIn has not granted the Community Management API answers 403: the member alone is connected.
   */
  private async administeredOrganizations(accessToken: string): Promise<Array<{ id: string; name: string }>> {
    const url = withQuery(`${this.settings.apiUrl}/rest/organizationAcls`, {
      q: 'roleAssignee',
      role: 'ADMINISTRATOR',
      state: 'APPROVED',
      count: String(MAX_ORGANIZATIONS),
    });
    let acls;
    try {
      acls = await this.call({ method: 'GET', url, headers: this.restHeaders(accessToken) });
    } catch (e) {
      if (e instanceof SocialRejected) return [];
      throw e;
    }
    const elements = (acls.body as { elements?: Array<{ organization?: unknown }> })?.elements ?? [];
    const ids = [
      ...new Set(
        elements
          .map((e) => (typeof e.organization === 'string' ? ORGANIZATION_URN.exec(e.organization)?.[1] : undefined))
          .filter((id): id is string => !!id),
      ),
    ].slice(0, MAX_ORGANIZATIONS);
    const organizations: Array<{ id: string; name: string }> = [];
    for (const id of ids) {
      const org = await this.call({
        method: 'GET',
        url: `${this.settings.apiUrl}/rest/organizations/${id}`,
        headers: this.restHeaders(accessToken),
      });
      const name = (org.body as { localizedName?: unknown })?.localizedName;
      organizations.push({ id, name: typeof name === 'string' && name ? name : `Organization ${id}` });
    }
    return organizations;
  }

  refresh(input: { refreshToken: string }): Promise<SocialTokens> {
    return this.token({ grant_type: 'refresh_token', refresh_token: input.refreshToken });
  }

  async publish(input: PublishRequest): Promise<PublishedPost> {
    const headers = this.restHeaders(input.accessToken);
    const init = await this.call({
      method: 'POST',
      url: `${this.settings.apiUrl}/rest/images?action=initializeUpload`,
      headers: { ...headers, 'content-type': 'application/json' },
      body: JSON.stringify({ initializeUploadRequest: { owner: input.accountId } }),
    });
    const value = (init.body as { value?: { uploadUrl?: unknown; image?: unknown } })?.value;
    const uploadUrl = field(this.network, value?.uploadUrl, 'upload URL');
    const image = field(this.network, value?.image, 'image URN');
    await this.call({
      method: 'PUT',
      url: uploadUrl,
      headers: { authorization: `Bearer ${input.accessToken}`, 'content-type': input.mimeType },
      body: input.image,
    });
    // The image is this post's alone, and LinkedIn gives it back with the post (content.media.id).
    await input.prepared(image);
    const post = await this.call({
      method: 'POST',
      url: `${this.settings.apiUrl}/rest/posts`,
      headers: { ...headers, 'content-type': 'application/json' },
      body: JSON.stringify({
        author: input.accountId,
        commentary: littleText(input.text),
        visibility: 'PUBLIC',
        distribution: { feedDistribution: 'MAIN_FEED', targetEntities: [], thirdPartyDistributionChannels: [] },
        content: { media: { id: image } },
        lifecycleState: 'PUBLISHED',
        isReshareDisabledByAuthor: false,
      }),
      creates: true,
    });
    // 201 with the post's URN in x-restli-id and no body.
    const remoteId = post.headers.get('x-restli-id');
    if (!remoteId)
      throw new SocialRejected(
        this.network,
        'linkedin: the post was created without an id (no x-restli-id)',
        post.status,
      );
    return { remoteId, url: `https://www.linkedin.com/feed/update/${remoteId}` };
  }

  async findPublished(input: FindPublishedRequest): Promise<PublishedPost | null> {
    const url = withQuery(`${this.settings.apiUrl}/rest/posts`, {
      author: input.accountId,
      q: 'author',
      count: '50',
      sortBy: 'LAST_MODIFIED',
    });
    const found = await this.call({
      method: 'GET',
      url,
      headers: { ...this.restHeaders(input.accessToken), 'X-RestLi-Method': 'FINDER' },
    });
    const elements =
      (
        found.body as {
          elements?: Array<{ id?: unknown; content?: { media?: { id?: unknown } } }>;
        }
      )?.elements ?? [];
    const match = elements.find((e) => e.content?.media?.id === input.reference);
    return match && typeof match.id === 'string'
      ? { remoteId: match.id, url: `https://www.linkedin.com/feed/update/${match.id}` }
      : null;
  }

  private restHeaders(accessToken: string): Record<string, string> {
    return {
      authorization: `Bearer ${accessToken}`,
      'LinkedIn-Version': LINKEDIN_VERSION,
      'X-Restli-Protocol-Version': '2.0.0',
    };
  }

  private async token(params: Record<string, string>): Promise<SocialTokens> {
    const now = this.settings.now();
    const body = new URLSearchParams({
      ...params,
      client_id: this.settings.clientId ?? '',
      client_secret: this.settings.clientSecret ?? '',
    });
    const answer = await this.call({
      method: 'POST',
      url: `${this.settings.authUrl}/oauth/v2/accessToken`,
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body,
    });
    const t = answer.body as {
      access_token?: unknown;
      expires_in?: unknown;
      refresh_token?: unknown;
      refresh_token_expires_in?: unknown;
    };
    if (!t || typeof t !== 'object') throw new SocialUnavailable('linkedin: unexpected token answer', this.network);
    return {
      accessToken: field(this.network, t.access_token, 'access token'),
      refreshToken: typeof t.refresh_token === 'string' && t.refresh_token ? t.refresh_token : null,
      expiresAt: expiryOf(t.expires_in, now),
      refreshExpiresAt: expiryOf(t.refresh_token_expires_in, now),
    };
  }

  private call(call: Parameters<typeof socialRequest>[1]) {
    return socialRequest(this.network, call, this.settings.timeoutMs, this.settings.now);
  }
}
