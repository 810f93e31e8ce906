import { createHash, randomBytes } from 'node:crypto';
import http from 'node:http';
import type { AddressInfo } from 'node:net';

/**
 * In-process stand-ins of the three networks' OAuth and posting endpoints, answering with
 * the documented request and answer shapes: LinkedIn (OAuth 2 and its revocation, /v2/userinfo,
 * organizationAcls and organizations, Images API, Posts API), X API v2 (OAuth 2 with PKCE S256
 * and its revocation, /2/users/me, /2/media/upload, /2/tweets) and the Facebook Graph API
 * (dialog/oauth, oauth/access_token, me/accounts, /{page-id}/photos and /feed). Each records every call,
 * and can be told to answer the next calls with a 401, a 429 with a wait, its own throttle, a
 * 500, not at all (hang: the caller's timeout ends the call), or by closing the connection
 * unanswered (drop: the answer lost at once, with no timeout to wait for).
 */

/** `throttled`: the network's own rate-limit answer (a 429, except Facebook's 400 with a throttling code). */
export type StubFault = 'unauthorized' | 'rate_limited' | 'throttled' | 'server_error' | 'hang' | 'drop';

export interface StubCall {
  method: string;
  path: string;
  query: Record<string, string>;
  headers: http.IncomingHttpHeaders;
  /** JSON, form fields, multipart fields (files as { filename, type, size }), or the byte count of anything else. */
  body: unknown;
  /** The status answered; null when the stub did not answer (hang, drop). */
  status: number | null;
}

export interface StubAccount {
  id: string;
  name: string;
  /** X's @handle. */
  username?: string;
  /** LinkedIn: the organisations (company pages) this member administers. */
  organizations?: Array<{ id: string; name: string }>;
}

export interface StubPost {
  id: string;
  author: string;
  text: string;
  imageBytes: number;
  /** The media or image id the post carries. */
  media: string | null;
  createdAt: number;
}

interface Reply {
  status: number;
  headers?: Record<string, string>;
  body?: unknown;
}

interface PendingFault {
  fault: StubFault;
  remaining: number;
  path?: RegExp;
  retryAfterSeconds: number;
  /** 'after': the request takes effect first (a post is created), then the fault is the answer. */
  when: 'before' | 'after';
}

interface Grant {
  account: StubAccount;
  expiresAt: number | null;
  revoked: boolean;
}

type Parsed = Omit<StubCall, 'status'> & { raw: Buffer; url: URL };

const form = (body: unknown): Record<string, string> =>
  body && typeof body === 'object' ? (body as Record<string, string>) : {};

/** A minimal multipart/form-data reader: fields as text, files as their bytes. */
function parseMultipart(
  raw: Buffer,
  contentType: string,
): Record<string, string | { filename: string; type: string; size: number; bytes: Buffer }> {
  const boundary = /boundary=(?:"([^"]+)"|([^;]+))/i.exec(contentType);
  if (!boundary) return {};
  const text = raw.toString('latin1');
  const fields: Record<string, string | { filename: string; type: string; size: number; bytes: Buffer }> = {};
  for (const part of text.split(`--${boundary[1] ?? boundary[2]}`)) {
    const split = part.indexOf('\r\n\r\n');
    if (split < 0) continue;
    const head = part.slice(0, split);
    const content = part.slice(split + 4).replace(/\r\n$/, '');
    const name = /name="([^"]*)"/i.exec(head)?.[1];
    if (!name) continue;
    const filename = /filename="([^"]*)"/i.exec(head)?.[1];
    const bytes = Buffer.from(content, 'latin1');
    fields[name] =
      filename !== undefined
        ? { filename, type: /content-type:\s*([^\r\n]+)/i.exec(head)?.[1] ?? '', size: bytes.length, bytes }
        : bytes.toString('utf8');
  }
  return fields;
}

abstract class SocialStub {
  readonly calls: StubCall[] = [];
  readonly posts: StubPost[] = [];
  /** The accounts an authorization grants (Facebook: the user's pages). */
  accounts: StubAccount[];
  /** The stub's time (expiries): set it to a test's clock. */
  now: () => number = () => Date.now();
  /** Access-token lifetime in seconds (as the network's token answers give it). */
  accessTokenSeconds: number;
  /** The next authorization is refused by the user (error=access_denied). */
  denyNext = false;
  readonly clientId = `client-${randomBytes(4).toString('hex')}`;
  readonly clientSecret = randomBytes(16).toString('hex');
  protected readonly codes = new Map<
    string,
    { redirectUri: string; challenge: string | null; account: StubAccount[]; scope: string }
  >();
  protected readonly accessTokens = new Map<string, Grant>();
  protected readonly refreshTokens = new Map<string, Grant>();
  private readonly faults: PendingFault[] = [];
  private readonly hanging = new Set<http.ServerResponse>();
  private server?: http.Server;
  private seq = 0;

  constructor(accounts: StubAccount[], accessTokenSeconds: number) {
    this.accounts = accounts;
    this.accessTokenSeconds = accessTokenSeconds;
  }

  get url(): string {
    return `http://127.0.0.1:${(this.server?.address() as AddressInfo).port}`;
  }

  /** The settings that point the engine at this stub (both hosts of the network are the stub). */
  abstract env(): Record<string, string>;

  /** Answer the next `times` calls (whose path matches `path`, when given) with this fault. */
  failNext(
    fault: StubFault,
    options: { times?: number; path?: RegExp; retryAfterSeconds?: number; when?: 'before' | 'after' } = {},
  ): void {
    this.faults.push({
      fault,
      remaining: options.times ?? 1,
      path: options.path,
      retryAfterSeconds: options.retryAfterSeconds ?? 30,
      when: options.when ?? 'before',
    });
  }

  /** The tokens revoked through the network's revocation endpoint, in order. */
  readonly revokedTokens: string[] = [];

  /** The user revokes the app: every token it holds stops working. */
  revokeAll(): void {
    for (const grant of [...this.accessTokens.values(), ...this.refreshTokens.values()]) grant.revoked = true;
  }

  callsTo(path: string | RegExp, method?: string): StubCall[] {
    return this.calls.filter(
      (c) => (typeof path === 'string' ? c.path === path : path.test(c.path)) && (!method || c.method === method),
    );
  }

  async start(): Promise<this> {
    this.server = http.createServer((req, res) => void this.handle(req, res));
    await new Promise<void>((resolve) => this.server!.listen(0, '127.0.0.1', resolve));
    return this;
  }

  async stop(): Promise<void> {
    for (const res of this.hanging) res.destroy();
    this.hanging.clear();
    this.server?.closeAllConnections();
    await new Promise((resolve) => this.server?.close(resolve));
  }

  protected id(prefix: string): string {
    this.seq += 1;
    return `${prefix}${Date.now().toString(36)}${this.seq}`;
  }

  protected token(prefix: string): string {
    return `${prefix}${randomBytes(18).toString('base64url')}`;
  }

  /** A code for the authorize redirect. */
  protected issueCode(redirectUri: string, challenge: string | null, scope = ''): string {
    const code = this.token('code-');
    this.codes.set(code, { redirectUri, challenge, account: this.accounts, scope });
    return code;
  }

  /** A new access token (and refresh token) for an account. */
  protected issue(
    account: StubAccount,
    withRefresh: boolean,
    seconds: number | null = this.accessTokenSeconds,
  ): { access: string; refresh: string | null } {
    const access = this.token('at-');
    this.accessTokens.set(access, {
      account,
      expiresAt: seconds === null ? null : this.now() + seconds * 1000,
      revoked: false,
    });
    const refresh = withRefresh ? this.token('rt-') : null;
    if (refresh) this.refreshTokens.set(refresh, { account, expiresAt: null, revoked: false });
    return { access, refresh };
  }

  /** The account of a usable access token, or null. */
  protected holder(token: string | undefined): StubAccount | null {
    const grant = token ? this.accessTokens.get(token) : undefined;
    if (!grant || grant.revoked || (grant.expiresAt !== null && grant.expiresAt <= this.now())) return null;
    return grant.account;
  }

  protected bearer(call: Parsed): StubAccount | null {
    const auth = call.headers.authorization ?? '';
    return this.holder(auth.startsWith('Bearer ') ? auth.slice(7) : undefined);
  }

  protected redirect(location: string): Reply {
    return { status: 302, headers: { location }, body: '' };
  }

  /** The network's answer to a call, before any fault. */
  protected abstract route(call: Parsed): Reply | Promise<Reply>;
  /** The network's own 401 body. */
  protected abstract unauthorizedBody(): unknown;
  /** The headers of a 429 telling to wait `seconds`. */
  protected rateLimitHeaders(seconds: number): Record<string, string> {
    return { 'retry-after': String(seconds) };
  }

  /** The network's own rate-limit answer: a 429 unless the network says it otherwise. */
  protected throttledReply(seconds: number): Reply {
    return { status: 429, headers: this.rateLimitHeaders(seconds), body: { message: 'Too Many Requests' } };
  }

  /** Revokes a token (access or refresh) and the grant it belongs to: its tokens stop working. True when the token was known. */
  protected revokeToken(token: string): boolean {
    const grant = this.accessTokens.get(token) ?? this.refreshTokens.get(token);
    if (!grant) return false;
    this.revokedTokens.push(token);
    for (const g of [...this.accessTokens.values(), ...this.refreshTokens.values()])
      if (g.account === grant.account) g.revoked = true;
    return true;
  }

  private async handle(req: http.IncomingMessage, res: http.ServerResponse): Promise<void> {
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const raw = Buffer.concat(chunks);
    const url = new URL(req.url ?? '/', 'http://stub');
    const type = req.headers['content-type'] ?? '';
    let body: unknown = raw.length;
    if (type.includes('application/json')) body = raw.length ? JSON.parse(raw.toString('utf8')) : null;
    else if (type.includes('application/x-www-form-urlencoded'))
      body = Object.fromEntries(new URLSearchParams(raw.toString('utf8')));
    else if (type.includes('multipart/form-data')) body = parseMultipart(raw, type);
    const call: Parsed = {
      method: req.method ?? 'GET',
      path: url.pathname,
      query: Object.fromEntries(url.searchParams),
      headers: req.headers,
      body,
      raw,
      url,
    };
    const recorded: StubCall = {
      method: call.method,
      path: call.path,
      query: call.query,
      headers: call.headers,
      body: this.recordable(body),
      status: null,
    };
    this.calls.push(recorded);

    const fault = this.faults.find((f) => f.remaining > 0 && (!f.path || f.path.test(call.path)));
    if (fault) fault.remaining -= 1;
    let reply: Reply | null = null;
    if (!fault || fault.when === 'after') reply = await this.route(call);
    if (fault) {
      if (fault.fault === 'hang') {
        this.hanging.add(res);
        res.on('close', () => this.hanging.delete(res));
        return;
      }
      if (fault.fault === 'drop') {
        res.socket?.destroy();
        return;
      }
      reply =
        fault.fault === 'unauthorized'
          ? { status: 401, body: this.unauthorizedBody() }
          : fault.fault === 'rate_limited'
            ? {
                status: 429,
                headers: this.rateLimitHeaders(fault.retryAfterSeconds),
                body: { message: 'Too Many Requests' },
              }
            : fault.fault === 'throttled'
              ? this.throttledReply(fault.retryAfterSeconds)
              : { status: 500, body: { message: 'Internal Server Error' } };
    }
    const answer = reply!;
    recorded.status = answer.status;
    const isJson = answer.body !== undefined && typeof answer.body !== 'string';
    res.writeHead(answer.status, {
      ...(isJson ? { 'content-type': 'application/json' } : { 'content-type': 'text/html; charset=utf-8' }),
      ...answer.headers,
    });
    res.end(isJson ? JSON.stringify(answer.body) : ((answer.body as string | undefined) ?? ''));
  }

  /** Files recorded by size, not bytes. */
  private recordable(body: unknown): unknown {
    if (!body || typeof body !== 'object' || Buffer.isBuffer(body)) return body;
    return Object.fromEntries(
      Object.entries(body as Record<string, unknown>).map(([k, v]) => {
        if (!v || typeof v !== 'object' || !('bytes' in v)) return [k, v];
        const file = v as unknown as { filename: string; type: string; size: number };
        return [k, { filename: file.filename, type: file.type, size: file.size }];
      }),
    );
  }
}

/** The LinkedIn-Version the stub names in its errors. */
const LINKEDIN_STUB_VERSION = '20250101';

/** LinkedIn: www.linkedin.com (OAuth, revocation) and api.linkedin.com (userinfo, organization ACLs and names, Images, Posts) in one server. */
export class LinkedInStub extends SocialStub {
  private readonly uploads = new Map<string, { owner: string; bytes: number | null }>();

  constructor(accounts: StubAccount[] = [{ id: 'abc123', name: 'Pat Partner' }]) {
    // 60 days, as LinkedIn issues them.
    super(accounts, 60 * 86_400);
  }

  env(): Record<string, string> {
    return {
      LINKEDIN_CLIENT_ID: this.clientId,
      LINKEDIN_CLIENT_SECRET: this.clientSecret,
      LINKEDIN_AUTH_URL: this.url,
      LINKEDIN_API_URL: this.url,
    };
  }

  protected unauthorizedBody(): unknown {
    return { status: 401, serviceErrorCode: 65600, code: 'INVALID_ACCESS_TOKEN', message: 'Invalid access token' };
  }

  protected route(call: Parsed): Reply {
    const { method, path, query } = call;
    if (method === 'GET' && path === '/oauth/v2/authorization') {
      if (query.response_type !== 'code' || query.client_id !== this.clientId || !query.redirect_uri)
        return { status: 400, body: '<p>Invalid request</p>' };
      const back = new URL(query.redirect_uri);
      if (this.denyNext) {
        this.denyNext = false;
        back.searchParams.set('error', 'user_cancelled_authorize');
        back.searchParams.set('error_description', 'The user cancelled the authorization');
      } else back.searchParams.set('code', this.issueCode(query.redirect_uri, null, query.scope ?? ''));
      if (query.state) back.searchParams.set('state', query.state);
      return this.redirect(back.href);
    }
    if (method === 'POST' && path === '/oauth/v2/accessToken') return this.accessToken(form(call.body));
    if (method === 'POST' && path === '/oauth/v2/revoke') {
      // Token revocation (RFC 7009): the app's credentials and the token, form encoded; 200 with no body.
      const params = form(call.body);
      if (params.client_id !== this.clientId || params.client_secret !== this.clientSecret)
        return { status: 401, body: { error: 'invalid_client', error_description: 'Client authentication failed' } };
      if (!params.token) return { status: 400, body: { error: 'invalid_request', error_description: 'Missing token' } };
      this.revokeToken(params.token);
      return { status: 200, body: '' };
    }
    if (method === 'GET' && path === '/v2/userinfo') {
      const account = this.bearer(call);
      if (!account) return { status: 401, body: this.unauthorizedBody() };
      return {
        status: 200,
        body: { sub: account.id, name: account.name, email_verified: true, locale: { country: 'US', language: 'en' } },
      };
    }
    if (path.startsWith('/rest/')) {
      const account = this.bearer(call);
      if (!account) return { status: 401, body: this.unauthorizedBody() };
      if (!/^\d{6}$/.test(String(call.headers['linkedin-version'] ?? '')))
        return {
          status: 400,
          body: {
            status: 400,
            code: 'VERSION_MISSING',
            message: 'A version must be present. Please specify a version by adding the LinkedIn-Version header.',
          },
        };
      if (call.headers['x-restli-protocol-version'] !== '2.0.0')
        return { status: 400, body: { status: 400, message: 'X-Restli-Protocol-Version 2.0.0 expected' } };
      const urn = `urn:li:person:${account.id}`;
      // The member posts as itself or as an organisation it administers.
      const authors = new Set([urn, ...(account.organizations ?? []).map((o) => `urn:li:organization:${o.id}`)]);
      if (method === 'GET' && path === '/rest/organizationAcls' && query.q === 'roleAssignee') {
        const orgs =
          query.role && query.role !== 'ADMINISTRATOR'
            ? []
            : query.state && query.state !== 'APPROVED'
              ? []
              : (account.organizations ?? []);
        const elements = orgs.map((o) => ({
          roleAssignee: urn,
          state: 'APPROVED',
          role: 'ADMINISTRATOR',
          organization: `urn:li:organization:${o.id}`,
          lastModified: { actor: urn, time: this.now() },
          created: { actor: urn, time: this.now() },
        }));
        return { status: 200, body: { paging: { start: 0, count: 10, links: [], total: elements.length }, elements } };
      }
      const organization = /^\/rest\/organizations\/(\d+)$/.exec(path);
      if (method === 'GET' && organization) {
        const org = (account.organizations ?? []).find((o) => o.id === organization[1]);
        if (!org)
          return {
            status: 403,
            body: {
              status: 403,
              serviceErrorCode: 100,
              code: 'ACCESS_DENIED',
              message: `Not enough permissions to access: organizations.GET.${LINKEDIN_STUB_VERSION}`,
            },
          };
        return {
          status: 200,
          body: {
            id: Number(org.id),
            localizedName: org.name,
            name: { localized: { en_US: org.name }, preferredLocale: { country: 'US', language: 'en' } },
            vanityName: org.name.toLowerCase().replace(/\W+/g, '-'),
            primaryOrganizationType: 'NONE',
            organizationType: 'PRIVATELY_HELD',
            $URN: `urn:li:organization:${org.id}`,
          },
        };
      }
      if (method === 'POST' && path === '/rest/images' && query.action === 'initializeUpload') {
        const owner = (call.body as { initializeUploadRequest?: { owner?: string } })?.initializeUploadRequest?.owner;
        if (!owner || !authors.has(owner))
          return {
            status: 403,
            body: { status: 403, message: `Not enough permissions to upload for ${String(owner)}` },
          };
        const image = `urn:li:image:${this.id('D4E')}`;
        this.uploads.set(image, { owner, bytes: null });
        return {
          status: 200,
          body: {
            value: {
              uploadUrlExpiresAt: this.now() + 86_400_000,
              uploadUrl: `${this.url}/dms-uploads/${encodeURIComponent(image)}/uploadedImage/0`,
              image,
            },
          },
        };
      }
      if (method === 'POST' && path === '/rest/posts') {
        const post = call.body as {
          author?: string;
          commentary?: string;
          visibility?: string;
          lifecycleState?: string;
          distribution?: { feedDistribution?: string };
          content?: { media?: { id?: string } };
        };
        if (
          !post?.author ||
          !authors.has(post.author) ||
          this.uploads.get(post.content?.media?.id ?? '')?.owner !== post.author
        )
          return { status: 403, body: { status: 403, message: 'Not enough permissions to post as this author' } };
        const image = post.content?.media?.id;
        const upload = image ? this.uploads.get(image) : undefined;
        if (
          typeof post.commentary !== 'string' ||
          post.visibility !== 'PUBLIC' ||
          post.lifecycleState !== 'PUBLISHED' ||
          post.distribution?.feedDistribution !== 'MAIN_FEED'
        )
          return { status: 422, body: { status: 422, message: 'Invalid post' } };
        if (!upload || upload.bytes === null)
          return { status: 422, body: { status: 422, message: `Image ${String(image)} was not uploaded` } };
        const id = `urn:li:share:${this.id('7')}`;
        this.posts.push({
          id,
          author: post.author,
          text: post.commentary,
          imageBytes: upload.bytes,
          media: image ?? null,
          createdAt: this.now(),
        });
        return { status: 201, headers: { 'x-restli-id': id, 'x-linkedin-id': id } };
      }
      if (method === 'GET' && path === '/rest/posts' && query.q === 'author') {
        const elements = this.posts
          .filter((p) => p.author === query.author)
          .reverse()
          .slice(0, Number(query.count ?? 10))
          .map((p) => ({
            id: p.id,
            author: p.author,
            commentary: p.text,
            createdAt: p.createdAt,
            publishedAt: p.createdAt,
            lifecycleState: 'PUBLISHED',
            visibility: 'PUBLIC',
            ...(p.media ? { content: { media: { id: p.media } } } : {}),
          }));
        return { status: 200, body: { paging: { start: 0, count: elements.length, links: [] }, elements } };
      }
    }
    if (method === 'PUT' && path.startsWith('/dms-uploads/')) {
      if (!this.bearer(call)) return { status: 401, body: this.unauthorizedBody() };
      const image = decodeURIComponent(path.split('/')[2] ?? '');
      const upload = this.uploads.get(image);
      if (!upload) return { status: 404, body: { message: 'Unknown upload' } };
      upload.bytes = call.raw.length;
      return { status: 201, body: '' };
    }
    return { status: 404, body: { status: 404, message: `No route ${method} ${path}` } };
  }

  private accessToken(params: Record<string, string>): Reply {
    if (params.client_id !== this.clientId || params.client_secret !== this.clientSecret)
      return { status: 401, body: { error: 'invalid_client', error_description: 'Client authentication failed' } };
    if (params.grant_type === 'authorization_code') {
      const code = this.codes.get(params.code ?? '');
      this.codes.delete(params.code ?? '');
      if (!code || code.redirectUri !== params.redirect_uri)
        return {
          status: 400,
          body: {
            error: 'invalid_request',
            error_description:
              'Unable to retrieve access token: appid/redirect uri/code verifier does not match authorization code. Or authorization code expired.',
          },
        };
      const { access, refresh } = this.issue(code.account[0], true);
      return {
        status: 200,
        body: {
          access_token: access,
          expires_in: this.accessTokenSeconds,
          refresh_token: refresh,
          refresh_token_expires_in: 365 * 86_400,
          scope: code.scope.split(' ').join(','),
        },
      };
    }
    if (params.grant_type === 'refresh_token') {
      const grant = this.refreshTokens.get(params.refresh_token ?? '');
      if (!grant || grant.revoked)
        return {
          status: 400,
          body: {
            error: 'invalid_grant',
            error_description: 'The provided authorization grant or refresh token is invalid, expired or revoked.',
          },
        };
      const access = this.token('at-');
      this.accessTokens.set(access, {
        account: grant.account,
        expiresAt: this.now() + this.accessTokenSeconds * 1000,
        revoked: false,
      });
      // LinkedIn keeps the refresh token (its life does not restart).
      return {
        status: 200,
        body: {
          access_token: access,
          expires_in: this.accessTokenSeconds,
          refresh_token: params.refresh_token,
          refresh_token_expires_in: 300 * 86_400,
        },
      };
    }
    return { status: 400, body: { error: 'unsupported_grant_type' } };
  }
}

/** X: x.com (authorize) and api.x.com (token, users/me, media upload, tweets) in one server. */
export class XStub extends SocialStub {
  private readonly media = new Map<string, { owner: string; bytes: number }>();

  constructor(accounts: StubAccount[] = [{ id: '1460000000000000001', name: 'Pat Partner', username: 'patpartner' }]) {
    // Two hours, as X issues them.
    super(accounts, 7200);
  }

  env(): Record<string, string> {
    return {
      X_CLIENT_ID: this.clientId,
      X_CLIENT_SECRET: this.clientSecret,
      X_AUTH_URL: this.url,
      X_API_URL: this.url,
    };
  }

  protected unauthorizedBody(): unknown {
    return { title: 'Unauthorized', type: 'about:blank', status: 401, detail: 'Unauthorized' };
  }

  protected override rateLimitHeaders(seconds: number): Record<string, string> {
    return {
      'x-rate-limit-limit': '100',
      'x-rate-limit-remaining': '0',
      'x-rate-limit-reset': String(Math.floor(this.now() / 1000) + seconds),
    };
  }

  protected route(call: Parsed): Reply {
    const { method, path, query } = call;
    if (method === 'GET' && path === '/i/oauth2/authorize') {
      if (
        query.response_type !== 'code' ||
        query.client_id !== this.clientId ||
        !query.redirect_uri ||
        !query.code_challenge ||
        query.code_challenge_method !== 'S256'
      )
        return { status: 400, body: '<p>Something went wrong: the request is missing a parameter.</p>' };
      const back = new URL(query.redirect_uri);
      if (this.denyNext) {
        this.denyNext = false;
        back.searchParams.set('error', 'access_denied');
      } else back.searchParams.set('code', this.issueCode(query.redirect_uri, query.code_challenge));
      if (query.state) back.searchParams.set('state', query.state);
      return this.redirect(back.href);
    }
    if (method === 'POST' && path === '/2/oauth2/token') return this.oauthToken(call);
    if (method === 'POST' && path === '/2/oauth2/revoke') {
      // A confidential client authenticates with Basic, as at the token endpoint.
      const basic = Buffer.from(`${this.clientId}:${this.clientSecret}`).toString('base64');
      if (call.headers.authorization !== `Basic ${basic}`)
        return {
          status: 401,
          body: { error: 'unauthorized_client', error_description: 'Missing valid authorization header' },
        };
      const params = form(call.body);
      if (!params.token)
        return {
          status: 400,
          body: { error: 'invalid_request', error_description: 'Missing required parameter [token].' },
        };
      this.revokeToken(params.token);
      return { status: 200, body: { revoked: true } };
    }
    const account = this.bearer(call);
    if (!account) return { status: 401, body: this.unauthorizedBody() };
    if (method === 'GET' && path === '/2/users/me')
      return {
        status: 200,
        body: { data: { id: account.id, name: account.name, username: account.username ?? account.id } },
      };
    if (method === 'POST' && path === '/2/media/upload') {
      const body = call.body as { media?: string; media_category?: string; media_type?: string } | null;
      if (!body?.media || body.media_category !== 'tweet_image')
        return {
          status: 400,
          body: {
            title: 'Invalid Request',
            detail: 'One or more parameters to your request was invalid.',
            type: 'https://api.twitter.com/2/problems/invalid-request',
          },
        };
      const id = this.id('18');
      this.media.set(id, { owner: account.id, bytes: Buffer.from(body.media, 'base64').length });
      return {
        status: 200,
        body: {
          data: {
            id,
            media_key: `3_${id}`,
            size: this.media.get(id)!.bytes,
            expires_after_secs: 86_400,
            image: { image_type: body.media_type ?? 'image/png' },
          },
        },
      };
    }
    if (method === 'POST' && path === '/2/tweets') {
      const body = call.body as { text?: string; media?: { media_ids?: string[] } } | null;
      const mediaId = body?.media?.media_ids?.[0];
      const media = mediaId ? this.media.get(mediaId) : undefined;
      if (typeof body?.text !== 'string' || (mediaId && (!media || media.owner !== account.id)))
        return {
          status: 400,
          body: {
            title: 'Invalid Request',
            detail: 'Your media IDs are invalid.',
            type: 'https://api.twitter.com/2/problems/invalid-request',
          },
        };
      const id = this.id('19');
      this.posts.push({
        id,
        author: account.id,
        text: body.text,
        imageBytes: media?.bytes ?? 0,
        media: mediaId ?? null,
        createdAt: this.now(),
      });
      return { status: 201, body: { data: { id, text: body.text, edit_history_tweet_ids: [id] } } };
    }
    const timeline = /^\/2\/users\/([^/]+)\/tweets$/.exec(path);
    if (method === 'GET' && timeline) {
      const since = query.start_time ? Date.parse(query.start_time) : 0;
      const data = this.posts
        .filter((p) => p.author === timeline[1] && p.createdAt >= since)
        .reverse()
        .slice(0, Number(query.max_results ?? 10))
        .map((p) => ({
          id: p.id,
          text: p.text,
          created_at: new Date(p.createdAt).toISOString(),
          edit_history_tweet_ids: [p.id],
          ...(p.media && query['tweet.fields']?.split(',').includes('attachments')
            ? { attachments: { media_keys: [`3_${p.media}`] } }
            : {}),
        }));
      return {
        status: 200,
        body: data.length ? { data, meta: { result_count: data.length } } : { meta: { result_count: 0 } },
      };
    }
    return {
      status: 404,
      body: {
        title: 'Not Found Error',
        detail: `No route ${method} ${path}`,
        type: 'https://api.twitter.com/2/problems/resource-not-found',
      },
    };
  }

  private oauthToken(call: Parsed): Reply {
    const params = form(call.body);
    const basic = Buffer.from(`${this.clientId}:${this.clientSecret}`).toString('base64');
    if (call.headers.authorization !== `Basic ${basic}`)
      return {
        status: 401,
        body: { error: 'unauthorized_client', error_description: 'Missing valid authorization header' },
      };
    if (params.grant_type === 'authorization_code') {
      const code = this.codes.get(params.code ?? '');
      this.codes.delete(params.code ?? '');
      if (!code || code.redirectUri !== params.redirect_uri)
        return {
          status: 400,
          body: { error: 'invalid_request', error_description: 'Value passed for the authorization code was invalid.' },
        };
      const challenge = createHash('sha256')
        .update(params.code_verifier ?? '')
        .digest('base64url');
      if (!params.code_verifier || challenge !== code.challenge)
        return {
          status: 400,
          body: {
            error: 'invalid_request',
            error_description: 'Value passed for the code verifier did not match the code challenge.',
          },
        };
      const { access, refresh } = this.issue(code.account[0], true);
      return {
        status: 200,
        body: {
          token_type: 'bearer',
          expires_in: this.accessTokenSeconds,
          access_token: access,
          scope: 'tweet.read tweet.write users.read media.write offline.access',
          refresh_token: refresh,
        },
      };
    }
    if (params.grant_type === 'refresh_token') {
      const grant = this.refreshTokens.get(params.refresh_token ?? '');
      if (!grant || grant.revoked)
        return {
          status: 400,
          body: { error: 'invalid_request', error_description: 'Value passed for the token was invalid.' },
        };
      // Refresh tokens are single use: the next one comes with the answer.
      this.refreshTokens.delete(params.refresh_token ?? '');
      const { access, refresh } = this.issue(grant.account, true);
      return {
        status: 200,
        body: {
          token_type: 'bearer',
          expires_in: this.accessTokenSeconds,
          access_token: access,
          scope: 'tweet.read tweet.write users.read media.write offline.access',
          refresh_token: refresh,
        },
      };
    }
    return { status: 400, body: { error: 'invalid_request', error_description: 'Unsupported grant type' } };
  }
}

/** Facebook: www.facebook.com (dialog) and graph.facebook.com (tokens, pages, photos) in one server. */
export class FacebookStub extends SocialStub {
  constructor(pages: StubAccount[] = [{ id: '104500000000001', name: 'Partner Page' }]) {
    // Short-lived user tokens: about an hour.
    super(pages, 3600);
  }

  env(): Record<string, string> {
    return {
      FACEBOOK_CLIENT_ID: this.clientId,
      FACEBOOK_CLIENT_SECRET: this.clientSecret,
      FACEBOOK_AUTH_URL: this.url,
      FACEBOOK_API_URL: this.url,
    };
  }

  protected unauthorizedBody(): unknown {
    return {
      error: {
        message:
          'Error validating access token: The session has been invalidated because the user changed their password or Facebook has changed the session for security reasons.',
        type: 'OAuthException',
        code: 190,
        error_subcode: 460,
        fbtrace_id: 'AbCdEf',
      },
    };
  }

  private user = new Map<string, StubAccount[]>();
  /** Photos uploaded with published=false, by id. */
  private readonly unpublished = new Map<string, { page: string; bytes: number }>();

  /** Page tokens are subject to Business Use Case limits: a 400 with code 80001 and the wait, in minutes, in X-Business-Use-Case-Usage. */
  protected override throttledReply(seconds: number): Reply {
    const usage = {
      [this.accounts[0]?.id ?? '0']: [
        {
          type: 'pages',
          call_count: 100,
          total_cputime: 12,
          total_time: 15,
          estimated_time_to_regain_access: Math.ceil(seconds / 60),
        },
      ],
    };
    return {
      status: 400,
      headers: { 'x-business-use-case-usage': JSON.stringify(usage) },
      body: {
        error: {
          message:
            '(#80001) There have been too many calls to this Page account. Wait a bit and try again. For more info, please refer to https://developers.facebook.com/docs/graph-api/overview/rate-limiting.',
          type: 'OAuthException',
          code: 80001,
          fbtrace_id: 'AbCdEf',
        },
      },
    };
  }

  protected route(call: Parsed): Reply {
    const { method, path, query } = call;
    const v = '/v21.0';
    if (method === 'GET' && path === `${v}/dialog/oauth`) {
      if (query.client_id !== this.clientId || !query.redirect_uri)
        return { status: 400, body: '<p>Invalid App ID</p>' };
      const back = new URL(query.redirect_uri);
      if (this.denyNext) {
        this.denyNext = false;
        back.searchParams.set('error', 'access_denied');
        back.searchParams.set('error_reason', 'user_denied');
      } else back.searchParams.set('code', this.issueCode(query.redirect_uri, null));
      if (query.state) back.searchParams.set('state', query.state);
      return this.redirect(back.href);
    }
    const oauthError = (message: string, code = 100): Reply => ({
      status: 400,
      body: { error: { message, type: 'OAuthException', code, fbtrace_id: 'AbCdEf' } },
    });
    if (method === 'GET' && path === `${v}/oauth/access_token`) {
      if (query.client_id !== this.clientId || query.client_secret !== this.clientSecret)
        return oauthError('Error validating client secret.', 1);
      if (query.grant_type === 'fb_exchange_token') {
        const pages = this.user.get(query.fb_exchange_token ?? '');
        if (!pages) return oauthError('Invalid OAuth access token.', 190);
        const long = this.token('EAAL');
        this.user.set(long, pages);
        return { status: 200, body: { access_token: long, token_type: 'bearer', expires_in: 5_183_944 } };
      }
      const code = this.codes.get(query.code ?? '');
      this.codes.delete(query.code ?? '');
      if (!code || code.redirectUri !== query.redirect_uri) return oauthError('Invalid verification code format.');
      const short = this.token('EAAS');
      this.user.set(short, code.account);
      return { status: 200, body: { access_token: short, token_type: 'bearer', expires_in: this.accessTokenSeconds } };
    }
    if (method === 'GET' && path === `${v}/me/accounts`) {
      const pages = this.user.get(query.access_token ?? '');
      if (!pages) return oauthError('Invalid OAuth access token.', 190);
      // Page tokens from a long-lived user token do not expire.
      return {
        status: 200,
        body: {
          data: pages.map((p) => ({
            id: p.id,
            name: p.name,
            category: 'Software',
            access_token: this.issue(p, false, null).access,
            tasks: ['ADVERTISE', 'ANALYZE', 'CREATE_CONTENT', 'MODERATE', 'MANAGE'],
          })),
          paging: { cursors: { before: 'a', after: 'b' } },
        },
      };
    }
    const photos = new RegExp(`^${v}/([^/]+)/photos$`).exec(path);
    if (method === 'POST' && photos) {
      const fields = (call.body ?? {}) as Record<string, unknown>;
      const token = typeof fields.access_token === 'string' ? fields.access_token : query.access_token;
      const page = this.holder(token);
      if (!page) return { status: 400, body: this.unauthorizedBody() };
      if (page.id !== photos[1])
        return oauthError('(#200) The permission(s) pages_manage_posts are not available.', 200);
      const source = fields.source as { size?: number } | undefined;
      if (!source?.size && typeof fields.url !== 'string') return oauthError('(#324) Requires upload file', 324);
      const photoId = this.id('1220');
      if (fields.published === 'false') {
        // Unpublished: nothing shows on the page; a post may carry it (attached_media).
        this.unpublished.set(photoId, { page: page.id, bytes: source?.size ?? 0 });
        return { status: 200, body: { id: photoId } };
      }
      const postId = `${page.id}_${this.id('1221')}`;
      this.posts.push({
        id: postId,
        author: page.id,
        text: typeof fields.message === 'string' ? fields.message : '',
        imageBytes: source?.size ?? 0,
        media: photoId,
        createdAt: this.now(),
      });
      return { status: 200, body: { id: photoId, post_id: postId } };
    }
    const pageFeed = new RegExp(`^${v}/([^/]+)/feed$`).exec(path);
    if (method === 'POST' && pageFeed) {
      const fields = form(call.body);
      const page = this.holder(fields.access_token ?? query.access_token);
      if (!page) return { status: 400, body: this.unauthorizedBody() };
      if (page.id !== pageFeed[1])
        return oauthError('(#200) The permission(s) pages_manage_posts are not available.', 200);
      let attached: Array<{ media_fbid?: string }> = [];
      try {
        attached = fields.attached_media ? (JSON.parse(fields.attached_media) as typeof attached) : [];
      } catch {
        return oauthError('(#100) attached_media must be an array of objects with media_fbid');
      }
      const photoId = attached[0]?.media_fbid;
      const photo = photoId ? this.unpublished.get(photoId) : undefined;
      if (photoId && (!photo || photo.page !== page.id)) return oauthError(`(#100) Invalid media_fbid ${photoId}`);
      const postId = `${page.id}_${this.id('1221')}`;
      this.posts.push({
        id: postId,
        author: page.id,
        text: fields.message ?? '',
        imageBytes: photo?.bytes ?? 0,
        media: photoId ?? null,
        createdAt: this.now(),
      });
      return { status: 200, body: { id: postId } };
    }
    const feed = new RegExp(`^${v}/([^/]+)/published_posts$`).exec(path);
    if (method === 'GET' && feed) {
      if (!this.holder(query.access_token)) return { status: 400, body: this.unauthorizedBody() };
      const since = query.since ? Number(query.since) * 1000 : 0;
      const data = this.posts
        .filter((p) => p.author === feed[1] && p.createdAt >= since)
        .reverse()
        .map((p) => ({
          id: p.id,
          message: p.text,
          created_time: new Date(p.createdAt).toISOString().replace(/\.\d{3}Z$/, '+0000'),
          ...(p.media && (query.fields ?? '').includes('attachments')
            ? {
                attachments: {
                  data: [
                    {
                      type: 'photo',
                      target: { id: p.media, url: `https://www.facebook.com/photo.php?fbid=${p.media}` },
                      url: `https://www.facebook.com/photo.php?fbid=${p.media}`,
                    },
                  ],
                },
              }
            : {}),
        }));
      return { status: 200, body: { data } };
    }
    return oauthError(`Unsupported ${method} request.`, 100);
  }
}

export interface SocialStubs {
  linkedin: LinkedInStub;
  x: XStub;
  facebook: FacebookStub;
  /** The settings pointing the engine at all three. */
  env(): Record<string, string>;
  stop(): Promise<void>;
}

export async function startSocialStubs(): Promise<SocialStubs> {
  const linkedin = await new LinkedInStub().start();
  const x = await new XStub().start();
  const facebook = await new FacebookStub().start();
  return {
    linkedin,
    x,
    facebook,
    env: () => ({ ...linkedin.env(), ...x.env(), ...facebook.env() }),
    stop: async () => {
      await Promise.all([linkedin.stop(), x.stop(), facebook.stop()]);
    },
  };
}
