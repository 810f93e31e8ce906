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
  SocialRejected,
  SocialTokens,
} from './social-network';

interface FacebookAttachment {
  target?: { id?: unknown };
  subattachments?: { data?: FacebookAttachment[] };
}

interface FacebookPost {
  id?: unknown;
  attachments?: { data?: FacebookAttachment[] };
}

/** The ids of what a post carries (its attachments' targets, and theirs). */
function attachedIds(post: FacebookPost): string[] {
  const ids: string[] = [];
  const walk = (list: FacebookAttachment[] | undefined) => {
    for (const a of list ?? []) {
      if (typeof a.target?.id === 'string') ids.push(a.target.id);
      walk(a.subattachments?.data);
    }
  };
  walk(post.attachments?.data);
  return ids;
}

/** The Graph API version in every path. */
export const FACEBOOK_GRAPH_VERSION = 'v21.0';
/** Listing the user's pages and posting to them. */
export const FACEBOOK_SCOPES = ['pages_show_list', 'pages_manage_posts', 'pages_read_engagement'];

/**
 * Facebook Pages through the Graph API: the code exchanged for a user token, that for a
 * long-lived one, whose /me/accounts gives each page the user manages with a page access token
 * that does not expire (one connection per page). A post is its photo, uploaded unpublished,
 * then the post naming it (see publish). No PKCE, no refresh: a page token that stops working
 * (error 190) needs the partner to connect again.
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

  /**
   * Two calls, so that the engine holds an id of the post before it is created: the photo is
   * uploaded unpublished (POST /{page-id}/photos, published=false: nothing shows on the page),
   * then the post is created with it (POST /{page-id}/feed, attached_media), and the Graph API
   * gives the photo back as the post's attachment target.
   */
  async publish(input: PublishRequest): Promise<PublishedPost> {
    const form = new FormData();
    form.set(
      'source',
      new Blob([new Uint8Array(input.image)], { type: input.mimeType }),
      `post.${input.mimeType.split('/')[1] ?? 'png'}`,
    );
    form.set('published', 'false');
    form.set('access_token', input.accessToken);
    const photo = await this.call({
      method: 'POST',
      url: `${this.graph}/${encodeURIComponent(input.accountId)}/photos`,
      body: form,
    });
    const photoId = field(this.network, (photo.body as { id?: unknown })?.id, 'photo id');
    await input.prepared(photoId);
    const answer = await this.call({
      method: 'POST',
      url: `${this.graph}/${encodeURIComponent(input.accountId)}/feed`,
      body: new URLSearchParams({
        message: input.text,
        attached_media: JSON.stringify([{ media_fbid: photoId }]),
        published: 'true',
        access_token: input.accessToken,
      }),
      creates: true,
    });
    const remoteId = field(this.network, (answer.body as { id?: unknown })?.id, 'post id');
    return { remoteId, url: `https://www.facebook.com/${remoteId}` };
  }

  async findPublished(input: FindPublishedRequest): Promise<PublishedPost | null> {
    const url = withQuery(`${this.graph}/${encodeURIComponent(input.accountId)}/published_posts`, {
      fields: 'id,created_time,attachments{target,subattachments}',
      since: String(Math.floor(input.since.getTime() / 1000)),
      limit: '50',
      access_token: input.accessToken,
    });
    const found = await this.call({ method: 'GET', url });
    const posts = (found.body as { data?: FacebookPost[] })?.data ?? [];
    const match = posts.find((p) => typeof p.id === 'string' && attachedIds(p).includes(input.reference));
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
