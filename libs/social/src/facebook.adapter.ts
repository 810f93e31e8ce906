import type { AdapterSettings } from './adapter-settings';
import { withQuery } from './adapter-settings';
import { expiryOf, field, sameText, socialRequest } from './social-http';
import {
  FindPublishedRequest,
  PublishedPost,
  PublishRequest,
  RevokeOutcome,
  SocialGrant,
  SocialNetworkAdapter,
  SocialRejected,
  SocialTokens,
} from './social-network';

/** The Graph API version in every path. */
export const FACEBOOK_GRAPH_VERSION = 'v21.0';
/** Listing the user's pages and posting to them. */
export const FACEBOOK_SCOPES = ['pages_show_list', 'pages_manage_posts', 'pages_read_engagement'];

/**
 * Facebook Pages through the Graph API: the code exchanged for a user token, that for a
 * long-lived one, whose /me/accounts gives each page the user manages with a page access token
 * that does not expire (one connection per page). A page photo with its message is one call:
 * POST /{page-id}/photos. No PKCE, no refresh: a page token that stops working (error 190) needs
 * the partner to connect again.
 */
export class FacebookAdapter implements SocialNetworkAdapter {
  readonly network = 'facebook' as const;
  readonly usesPkce = false;
  readonly refreshable = false;

  constructor(private readonly settings: AdapterSettings) {}

  get configured(): boolean {
    return !!this.settings.clientId && !!this.settings.clientSecret;
  }

  private get graph(): string {
    return `${this.settings.apiUrl}/${FACEBOOK_GRAPH_VERSION}`;
  }

  authorizationUrl(input: { state: string; codeChallenge: string; redirectUri: string }): string {
    return withQuery(`${this.settings.authUrl}/${FACEBOOK_GRAPH_VERSION}/dialog/oauth`, {
      client_id: this.settings.clientId ?? '',
      redirect_uri: input.redirectUri,
      state: input.state,
      response_type: 'code',
      scope: (this.settings.scopes ?? FACEBOOK_SCOPES).join(','),
    });
  }

  async exchangeCode(input: { code: string; codeVerifier: string; redirectUri: string }): Promise<SocialGrant[]> {
    const app = { client_id: this.settings.clientId ?? '', client_secret: this.settings.clientSecret ?? '' };
    const short = await this.call({
      method: 'GET',
      url: withQuery(`${this.graph}/oauth/access_token`, { ...app, redirect_uri: input.redirectUri, code: input.code }),
    });
    const shortToken = field(this.network, (short.body as { access_token?: unknown })?.access_token, 'access token');
    const long = await this.call({
      method: 'GET',
      url: withQuery(`${this.graph}/oauth/access_token`, {
        ...app,
        grant_type: 'fb_exchange_token',
        fb_exchange_token: shortToken,
      }),
    });
    const userToken = field(
      this.network,
      (long.body as { access_token?: unknown })?.access_token,
      'long-lived access token',
    );
    const pages = await this.call({
      method: 'GET',
      url: withQuery(`${this.graph}/me/accounts`, { fields: 'id,name,access_token,tasks', access_token: userToken }),
    });
    const data =
      (pages.body as { data?: Array<{ id?: unknown; name?: unknown; access_token?: unknown; tasks?: unknown }> })
        ?.data ?? [];
    // Pages the user may post to (CREATE_CONTENT); a page without tasks listed is kept.
    const postable = data.filter((p) => !Array.isArray(p.tasks) || p.tasks.includes('CREATE_CONTENT'));
    if (!postable.length)
      throw new SocialRejected(this.network, 'facebook: the account manages no page it may post to', null);
    return postable.map((p) => ({
      accessToken: field(this.network, p.access_token, 'page access token'),
      refreshToken: null,
      // Page tokens obtained from a long-lived user token do not expire.
      expiresAt: expiryOf(undefined, this.settings.now()),
      refreshExpiresAt: null,
      accountId: field(this.network, p.id, 'page id'),
      accountName: typeof p.name === 'string' && p.name ? p.name : String(p.id),
    }));
  }

  refresh(): Promise<SocialTokens> {
    return Promise.reject(
      new SocialRejected(this.network, 'facebook: page tokens are not refreshed; connect the page again', null),
    );
  }

  async publish(input: PublishRequest): Promise<PublishedPost> {
    const form = new FormData();
    form.set(
      'source',
      new Blob([new Uint8Array(input.image)], { type: input.mimeType }),
      `post.${input.mimeType.split('/')[1] ?? 'png'}`,
    );
    form.set('message', input.text);
    form.set('published', 'true');
    form.set('access_token', input.accessToken);
    const answer = await this.call({
      method: 'POST',
      url: `${this.graph}/${encodeURIComponent(input.accountId)}/photos`,
      body: form,
      creates: true,
    });
    const b = answer.body as { id?: unknown; post_id?: unknown };
    const remoteId = field(this.network, b?.post_id ?? b?.id, 'post id');
    return { remoteId, url: `https://www.facebook.com/${remoteId}` };
  }

  async findPublished(input: FindPublishedRequest): Promise<PublishedPost | null> {
    const url = withQuery(`${this.graph}/${encodeURIComponent(input.accountId)}/published_posts`, {
      fields: 'id,message,created_time',
      since: String(Math.floor(input.since.getTime() / 1000)),
      limit: '50',
      access_token: input.accessToken,
    });
    const found = await this.call({ method: 'GET', url });
    const posts = (found.body as { data?: Array<{ id?: unknown; message?: unknown }> })?.data ?? [];
    const match = posts.find(
      (p) => typeof p.id === 'string' && typeof p.message === 'string' && sameText(p.message, input.text),
    );
    return match ? { remoteId: match.id as string, url: `https://www.facebook.com/${match.id as string}` } : null;
  }

  /**
   * The Graph API revokes a login with DELETE /{user-id}/permissions, made with the user's
   * access token or the app's, naming the user. The engine keeps page tokens only (no user
   * token, no user id), and a page token cannot revoke the user's login: nothing is called,
   * and the partner removes the app in Facebook's Business Integrations settings.
   */
  revoke(): Promise<RevokeOutcome> {
    return Promise.resolve('unsupported');
  }

  private call(call: Parameters<typeof socialRequest>[1]) {
    return socialRequest(this.network, call, this.settings.timeoutMs, this.settings.now);
  }
}
