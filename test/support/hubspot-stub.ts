import { createHmac, randomBytes } from 'node:crypto';
import http from 'node:http';
import type { AddressInfo } from 'node:net';

/**
 * An in-process stand-in of HubSpot's OAuth (v1) and CRM (v3) endpoints the engine calls,
 * answering with their documented shapes: authorize (approves at once, as a signed-in user
 * would), token (code and refresh grants), access-token info (hub id and domain), contact
 * properties, contact and note search and create (a contact whose email exists answers 409
 * "Contact already exists. Existing ID: …", as HubSpot does), deals with their contact
 * associations, account details. Every call is recorded; the next calls can be answered with a
 * 401, a 429 with a wait, a 500, not at all (hang), or by dropping the connection, before or
 * after the call takes effect. `latencyMs` delays every answer (the benchmark's slow CRM).
 */
export type HubspotFault = 'unauthorized' | 'rate_limited' | 'bad_request' | 'server_error' | 'hang' | 'drop';

export interface HubspotCall {
  method: string;
  path: string;
  query: Record<string, string>;
  headers: http.IncomingHttpHeaders;
  body: unknown;
  status: number | null;
}

export interface HubspotContact {
  id: string;
  /** The portal (hub) it was written to. */
  hubId: string;
  properties: Record<string, string>;
}

export interface HubspotNote {
  id: string;
  body: string;
  timestamp: string;
  contactIds: string[];
}

export interface HubspotDeal {
  id: string;
  amount: string | null;
  currency: string | null;
  stage: string;
  closedate: string | null;
  contactIds: string[];
}

interface Fault {
  fault: HubspotFault;
  remaining: number;
  path?: RegExp;
  retryAfterSeconds: number;
  when: 'before' | 'after';
}

interface Reply {
  status: number;
  headers?: Record<string, string>;
  body?: unknown;
}

/** The contact properties the stub's portal has (two read-only, one custom). */
const PROPERTIES = [
  { name: 'email', label: 'Email', type: 'string' },
  { name: 'firstname', label: 'First name', type: 'string' },
  { name: 'lastname', label: 'Last name', type: 'string' },
  { name: 'company', label: 'Company name', type: 'string' },
  { name: 'jobtitle', label: 'Job title', type: 'string' },
  { name: 'country', label: 'Country/Region', type: 'string' },
  { name: 'phone', label: 'Phone number', type: 'string' },
  { name: 'annual_budget', label: 'Annual budget', type: 'string' },
  { name: 'hs_object_id', label: 'Record ID', type: 'number', modificationMetadata: { readOnlyValue: true } },
  { name: 'createdate', label: 'Create date', type: 'datetime', modificationMetadata: { readOnlyValue: true } },
];

export class HubspotStub {
  readonly calls: HubspotCall[] = [];
  readonly contacts: HubspotContact[] = [];
  readonly notes: HubspotNote[] = [];
  readonly deals = new Map<string, HubspotDeal>();
  readonly clientId = `hubspot-${randomBytes(4).toString('hex')}`;
  readonly clientSecret = randomBytes(16).toString('hex');
  /** The portal the next authorization grants (a partner's, then the vendor's: set it between). */
  hubId = String(10_000_000 + Math.floor(Math.random() * 80_000_000));
  hubDomain = 'northwind-partner.hubspot.example';
  companyCurrency = 'EUR';
  /** The stub's time (token expiries): set it to a test's clock. */
  now: () => number = () => Date.now();
  accessTokenSeconds = 1800;
  /** Every answer waits this long first. */
  latencyMs = 0;
  private readonly codes = new Map<string, string>();
  private readonly accessTokens = new Map<
    string,
    { expiresAt: number; revoked: boolean; hubId: string; hubDomain: string }
  >();
  private readonly refreshTokens = new Map<string, { hubId: string; hubDomain: string }>();
  private readonly faults: Fault[] = [];
  private readonly hanging = new Set<http.ServerResponse>();
  private server?: http.Server;
  private seq = 1000;

  get url(): string {
    return `http://127.0.0.1:${(this.server?.address() as AddressInfo).port}`;
  }

  /** The settings that point the engine at this stub. */
  env(): Record<string, string> {
    return {
      HUBSPOT_CLIENT_ID: this.clientId,
      HUBSPOT_CLIENT_SECRET: this.clientSecret,
      HUBSPOT_AUTH_URL: this.url,
      HUBSPOT_API_URL: this.url,
    };
  }

  failNext(
    fault: HubspotFault,
    options: { times?: number; path?: RegExp; retryAfterSeconds?: number; when?: 'before' | 'after' } = {},
  ): void {
    this.faults.push({
      fault,
      remaining: options.times ?? 1,
      path: options.path,
      retryAfterSeconds: options.retryAfterSeconds ?? 10,
      when: options.when ?? 'before',
    });
  }

  /** The app is uninstalled from the portal: every token stops working. */
  revokeAll(): void {
    for (const grant of this.accessTokens.values()) grant.revoked = true;
    this.refreshTokens.clear();
  }

  callsTo(path: RegExp, method?: string): HubspotCall[] {
    return this.calls.filter((c) => path.test(c.path) && (!method || c.method === method));
  }

  /** A deal sold to these contacts. */
  addDeal(deal: Omit<HubspotDeal, 'id' | 'closedate'> & { closedate?: string | null }): HubspotDeal {
    const made = { closedate: null, ...deal, id: this.nextId() };
    this.deals.set(made.id, made);
    return made;
  }

  /**
   * HubSpot's webhook request for deal events as it would call `url` (the engine's public
   * address): its body and headers, signed (v3) with the app's secret unless told otherwise.
   */
  dealEvents(
    url: string,
    dealIds: string[],
    options: { secret?: string; timestamp?: number; tamper?: boolean; portalId?: string } = {},
  ): { body: string; headers: Record<string, string> } {
    const body = JSON.stringify(
      dealIds.map((id, i) => ({
        eventId: Number(this.nextId()),
        subscriptionId: 4242,
        portalId: Number(options.portalId ?? this.hubId),
        appId: 1234,
        occurredAt: this.now(),
        subscriptionType: 'deal.propertyChange',
        attemptNumber: 0,
        objectId: Number(id),
        propertyName: 'dealstage',
        propertyValue: this.deals.get(id)?.stage ?? 'closedwon',
        changeSource: 'CRM_UI',
        sourceId: `userId:${i}`,
      })),
    );
    const timestamp = String(options.timestamp ?? this.now());
    const signature = createHmac('sha256', options.secret ?? this.clientSecret)
      .update(`POST${url}${body}${timestamp}`)
      .digest('base64');
    return {
      body: options.tamper ? body.replace(/"attemptNumber":0/g, '"attemptNumber":1') : body,
      headers: {
        'content-type': 'application/json',
        'x-hubspot-signature-v3': signature,
        'x-hubspot-request-timestamp': timestamp,
      },
    };
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

  private nextId(): string {
    this.seq += 1;
    return String(this.seq);
  }

  private token(prefix: string): string {
    return `${prefix}${randomBytes(18).toString('base64url')}`;
  }

  /** The portal of a usable bearer token, or null. */
  private hubOf(headers: http.IncomingHttpHeaders): string | null {
    const auth = headers.authorization ?? '';
    const grant = auth.startsWith('Bearer ') ? this.accessTokens.get(auth.slice(7)) : undefined;
    return grant && !grant.revoked && grant.expiresAt > this.now() ? grant.hubId : null;
  }

  private issue(hub = { hubId: this.hubId, hubDomain: this.hubDomain }): Record<string, unknown> {
    const access = this.token('at-');
    const refresh = this.token('rt-');
    this.accessTokens.set(access, { ...hub, expiresAt: this.now() + this.accessTokenSeconds * 1000, revoked: false });
    this.refreshTokens.set(refresh, hub);
    return { token_type: 'bearer', access_token: access, refresh_token: refresh, expires_in: this.accessTokenSeconds };
  }

  private route(method: string, url: URL, headers: http.IncomingHttpHeaders, body: unknown): Reply {
    const path = url.pathname;
    const json = (body ?? {}) as Record<string, unknown>;
    if (method === 'GET' && path === '/oauth/authorize') {
      const redirect = new URL(url.searchParams.get('redirect_uri') ?? '');
      if (url.searchParams.get('client_id') !== this.clientId) return { status: 400, body: { message: 'bad client' } };
      const code = this.token('code-');
      this.codes.set(code, redirect.href);
      redirect.searchParams.set('code', code);
      redirect.searchParams.set('state', url.searchParams.get('state') ?? '');
      return { status: 302, headers: { location: redirect.href }, body: '' };
    }
    if (method === 'POST' && path === '/oauth/v1/token') {
      const form = json as Record<string, string>;
      if (form.client_id !== this.clientId || form.client_secret !== this.clientSecret)
        return { status: 400, body: { status: 'BAD_CLIENT_ID', message: 'missing or unknown client id' } };
      if (form.grant_type === 'authorization_code') {
        const redirect = this.codes.get(form.code);
        this.codes.delete(form.code);
        if (!redirect || redirect !== form.redirect_uri)
          return { status: 400, body: { status: 'BAD_AUTH_CODE', message: 'auth code not found' } };
        return { status: 200, body: this.issue() };
      }
      if (form.grant_type === 'refresh_token') {
        const hub = this.refreshTokens.get(form.refresh_token);
        if (!hub)
          return { status: 400, body: { status: 'BAD_REFRESH_TOKEN', message: 'missing or unknown refresh token' } };
        const issued = this.issue(hub);
        // HubSpot keeps the refresh token: the new one is the same.
        this.refreshTokens.delete(issued.refresh_token as string);
        return { status: 200, body: { ...issued, refresh_token: form.refresh_token } };
      }
      return { status: 400, body: { message: 'unsupported grant' } };
    }
    const info = /^\/oauth\/v1\/access-tokens\/(.+)$/.exec(path);
    if (method === 'GET' && info) {
      const grant = this.accessTokens.get(decodeURIComponent(info[1]));
      if (!grant || grant.revoked) return { status: 404, body: { message: 'token not found' } };
      return {
        status: 200,
        body: { token: info[1], hub_id: Number(grant.hubId), hub_domain: grant.hubDomain, app_id: 1234 },
      };
    }
    const hubId = this.hubOf(headers);
    if (hubId === null)
      return {
        status: 401,
        body: { status: 'error', message: 'Authentication credentials not found.', category: 'INVALID_AUTHENTICATION' },
      };
    if (method === 'GET' && path === '/crm/v3/properties/contacts')
      return { status: 200, body: { results: PROPERTIES } };
    if (method === 'GET' && path === '/account-info/v3/details')
      return { status: 200, body: { portalId: Number(hubId), companyCurrency: this.companyCurrency } };
    if (method === 'POST' && path === '/crm/v3/objects/contacts/search') {
      const filters = this.filtersOf(json);
      const email = filters.find((f) => f.propertyName === 'email')?.value?.toLowerCase();
      const found = this.contacts.filter((c) => c.hubId === hubId && c.properties.email?.toLowerCase() === email);
      return {
        status: 200,
        body: { total: found.length, results: found.map((c) => ({ id: c.id, properties: c.properties })) },
      };
    }
    if (method === 'POST' && path === '/crm/v3/objects/contacts') {
      const properties = (json.properties ?? {}) as Record<string, string>;
      const writable = new Set(PROPERTIES.filter((p) => !p.modificationMetadata).map((p) => p.name));
      const unknown = Object.keys(properties).find((k) => !writable.has(k));
      if (unknown)
        return {
          status: 400,
          body: { status: 'error', message: `Property "${unknown}" does not exist`, category: 'VALIDATION_ERROR' },
        };
      const existing = this.contacts.find(
        (c) => c.hubId === hubId && c.properties.email?.toLowerCase() === properties.email?.toLowerCase(),
      );
      if (existing)
        return {
          status: 409,
          body: {
            status: 'error',
            message: `Contact already exists. Existing ID: ${existing.id}`,
            category: 'CONFLICT',
          },
        };
      const contact = { id: this.nextId(), hubId, properties };
      this.contacts.push(contact);
      return { status: 201, body: { id: contact.id, properties, createdAt: new Date(this.now()).toISOString() } };
    }
    if (method === 'POST' && path === '/crm/v3/objects/notes/search') {
      const filters = this.filtersOf(json);
      const token = filters.find((f) => f.propertyName === 'hs_note_body')?.value ?? '';
      const contact = filters.find((f) => f.propertyName === 'associations.contact')?.value;
      const found = this.notes.filter((n) => n.body.includes(token) && (!contact || n.contactIds.includes(contact)));
      return { status: 200, body: { total: found.length, results: found.map((n) => ({ id: n.id })) } };
    }
    if (method === 'POST' && path === '/crm/v3/objects/notes') {
      const properties = (json.properties ?? {}) as Record<string, string>;
      const associations = (json.associations ?? []) as Array<{ to: { id: string } }>;
      const note = {
        id: this.nextId(),
        body: properties.hs_note_body ?? '',
        timestamp: properties.hs_timestamp ?? '',
        contactIds: associations.map((a) => String(a.to.id)),
      };
      this.notes.push(note);
      return { status: 201, body: { id: note.id, properties } };
    }
    const deal = /^\/crm\/v3\/objects\/deals\/(\d+)$/.exec(path);
    if (method === 'GET' && deal) {
      const found = this.deals.get(deal[1]);
      if (!found)
        return { status: 404, body: { status: 'error', message: 'Object not found', category: 'OBJECT_NOT_FOUND' } };
      return {
        status: 200,
        body: {
          id: found.id,
          properties: {
            amount: found.amount,
            deal_currency_code: found.currency,
            dealstage: found.stage,
            hs_is_closed_won: String(found.stage === 'closedwon'),
            closedate: found.closedate,
          },
          associations: {
            contacts: { results: found.contactIds.map((id) => ({ id, type: 'deal_to_contact' })) },
          },
        },
      };
    }
    return { status: 404, body: { message: `no route ${method} ${path}` } };
  }

  private filtersOf(json: Record<string, unknown>): Array<{ propertyName: string; value?: string }> {
    const groups = (json.filterGroups ?? []) as Array<{ filters?: Array<{ propertyName: string; value?: string }> }>;
    return groups.flatMap((g) => g.filters ?? []);
  }

  private async handle(req: http.IncomingMessage, res: http.ServerResponse): Promise<void> {
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const raw = Buffer.concat(chunks).toString('utf8');
    const url = new URL(req.url ?? '/', 'http://stub');
    const type = req.headers['content-type'] ?? '';
    let body: unknown = null;
    if (type.includes('application/json') && raw) body = JSON.parse(raw);
    else if (type.includes('application/x-www-form-urlencoded')) body = Object.fromEntries(new URLSearchParams(raw));
    const method = req.method ?? 'GET';
    const recorded: HubspotCall = {
      method,
      path: url.pathname,
      query: Object.fromEntries(url.searchParams),
      headers: req.headers,
      body,
      status: null,
    };
    this.calls.push(recorded);
    if (this.latencyMs) await new Promise((resolve) => setTimeout(resolve, this.latencyMs));
    const fault = this.faults.find((f) => f.remaining > 0 && (!f.path || f.path.test(url.pathname)));
    if (fault) fault.remaining -= 1;
    let reply: Reply | null = null;
    if (!fault || fault.when === 'after') reply = this.route(method, url, req.headers, body);
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
          ? {
              status: 401,
              body: {
                status: 'error',
                message: 'The OAuth token used to make this call expired',
                category: 'EXPIRED_AUTHENTICATION',
              },
            }
          : fault.fault === 'rate_limited'
            ? {
                status: 429,
                headers: { 'retry-after': String(fault.retryAfterSeconds) },
                body: { status: 'error', message: 'You have reached your secondly limit.', category: 'RATE_LIMITS' },
              }
            : fault.fault === 'bad_request'
              ? {
                  status: 400,
                  body: { status: 'error', message: 'Property values were not valid', category: 'VALIDATION_ERROR' },
                }
              : { status: 500, body: { status: 'error', message: 'internal error' } };
    }
    const answer = reply!;
    recorded.status = answer.status;
    const isJson = answer.body !== undefined && typeof answer.body !== 'string';
    res.writeHead(answer.status, {
      'content-type': isJson ? 'application/json;charset=utf-8' : 'text/html; charset=utf-8',
      ...answer.headers,
    });
    res.end(isJson ? JSON.stringify(answer.body) : ((answer.body as string | undefined) ?? ''));
  }
}

export async function startHubspotStub(): Promise<HubspotStub> {
  return new HubspotStub().start();
}
