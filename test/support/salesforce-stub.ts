import { createHash, randomBytes } from 'node:crypto';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { soqlAnswer } from './salesforce-soql-matcher';

/**
 * An in-process stand-in of Salesforce's OAuth 2 web server flow and the REST API (v60.0) calls
 * the engine makes, answering with their documented shapes: authorize (approves at once, as a
 * signed-in user would), token (code grant with its PKCE verifier checked against the S256
 * challenge; refresh grant, whose answer keeps the refresh token), the identity URL, Lead
 * describe, Lead and Task create, Opportunity read, and a SOQL matcher for exactly the queries
 * the adapter sends (anything else is MALFORMED_QUERY). Sessions can be expired on demand (the
 * next call is INVALID_SESSION_ID until refreshed). Every call is recorded; the next calls can be
 * answered with INVALID_SESSION_ID, REQUEST_LIMIT_EXCEEDED (403), a 500, not at all (hang), or by
 * dropping the connection, before or after the call takes effect.
 */
export type SalesforceFault = 'unauthorized' | 'rate_limited' | 'server_error' | 'hang' | 'drop';

export interface SalesforceCall {
  method: string;
  /** The Host header: which of the org's addresses (login or instance) the call went to. */
  host: string;
  path: string;
  query: Record<string, string>;
  body: unknown;
  status: number | null;
}

export interface SalesforceLead {
  Id: string;
  orgId: string;
  fields: Record<string, string>;
  CreatedDate: string;
  ConvertedOpportunityId: string | null;
  /** Merged into another Lead: deleted (only queryAll reads it), the kept Lead's id in MasterRecordId. */
  IsDeleted?: boolean;
  MasterRecordId?: string | null;
}

export interface SalesforceTask {
  Id: string;
  orgId: string;
  WhoId: string;
  Subject: string;
  Description: string;
  ActivityDate: string;
  Status: string;
}

export interface SalesforceOpportunity {
  Id: string;
  orgId: string;
  Amount: number | null;
  CloseDate: string | null;
  IsWon: boolean;
  LastModifiedDate: string;
  CurrencyIsoCode: string;
}

interface Fault {
  fault: SalesforceFault;
  remaining: number;
  path?: RegExp;
  when: 'before' | 'after';
}

export interface Reply {
  status: number;
  headers?: Record<string, string>;
  body?: unknown;
}

/** The Lead fields the stub's org has: createable ones, a custom one, and two it fills itself. */
const LEAD_FIELDS = [
  ['Email', 'Email', 'email'],
  ['FirstName', 'First Name', 'string'],
  ['LastName', 'Last Name', 'string'],
  ['Company', 'Company', 'string'],
  ['Title', 'Title', 'string'],
  ['Country', 'Country', 'string'],
  ['Phone', 'Phone', 'phone'],
  ['Annual_Budget__c', 'Annual budget', 'string'],
].map(([name, label, type]) => ({ name, label, type, createable: true }));
const READ_ONLY = [
  { name: 'Id', label: 'Lead ID', type: 'id', createable: false },
  { name: 'CreatedDate', label: 'Created Date', type: 'datetime', createable: false },
];
const V = '/services/data/v60.0';
/** Salesforce's dateTime answer format ("…T09:00:00.000+0000"). */
const sfTime = (ms: number) => new Date(Math.floor(ms / 1000) * 1000).toISOString().replace('Z', '+0000');

export class SalesforceStub {
  readonly calls: SalesforceCall[] = [];
  readonly leads: SalesforceLead[] = [];
  readonly tasks: SalesforceTask[] = [];
  readonly opportunities = new Map<string, SalesforceOpportunity>();
  readonly clientId = `3MVG9-${randomBytes(8).toString('hex')}`;
  readonly clientSecret = randomBytes(16).toString('hex');
  /** The organisation the next authorization grants. */
  orgId = `00D${randomBytes(6).toString('hex').toUpperCase().slice(0, 12)}`;
  username = 'owner@northwind.example';
  defaultCurrency = 'EUR';
  /** False: the org has one currency, its Opportunities carry no CurrencyIsoCode. */
  multiCurrency = false;
  now: () => number = () => Date.now();
  private readonly codes = new Map<string, { redirect: string; challenge: string }>();
  private readonly sessions = new Map<string, { orgId: string; expired: boolean }>();
  private readonly refreshTokens = new Map<string, { orgId: string }>();
  private readonly faults: Fault[] = [];
  private readonly hanging = new Set<http.ServerResponse>();
  private server?: http.Server;
  private seq = 1000;
  private instanceUrl: string | null = null;

  get url(): string {
    return `http://127.0.0.1:${(this.server?.address() as AddressInfo).port}`;
  }

  /** The settings that point the engine at this stub (its instance URL is this stub too). */
  env(): Record<string, string> {
    return {
      SALESFORCE_CLIENT_ID: this.clientId,
      SALESFORCE_CLIENT_SECRET: this.clientSecret,
      SALESFORCE_AUTH_URL: this.url,
    };
  }

  failNext(fault: SalesforceFault, options: { times?: number; path?: RegExp; when?: 'before' | 'after' } = {}): void {
    this.faults.push({ fault, remaining: options.times ?? 1, path: options.path, when: options.when ?? 'before' });
  }

  /** Every session times out (as the org's session timeout does): the next call needs a refresh. */
  expireSessions(): void {
    for (const session of this.sessions.values()) session.expired = true;
  }

  /**
   * The org moves to another instance (a Salesforce instance migration): token answers from now
   * on name `instanceUrl` (this stub under another address, so calls can be told apart by host).
   */
  moveInstanceTo(instanceUrl: string): void {
    this.instanceUrl = instanceUrl;
  }

  /** The connected app's access is revoked: sessions and refresh tokens stop working. */
  revokeAll(): void {
    this.expireSessions();
    this.refreshTokens.clear();
  }

  callsTo(path: RegExp, method?: string): SalesforceCall[] {
    return this.calls.filter((c) => path.test(c.path) && (!method || c.method === method));
  }

  /** The SOQL queries sent, in order. */
  queries(): string[] {
    return this.callsTo(/\/query(All)?$/).map((c) => c.query.q);
  }

  /** A won Opportunity the Lead was converted into (modified now, by the stub's clock). */
  addWonOpportunity(lead: SalesforceLead, o: { amount: number | null; closeDate?: string; currency?: string }) {
    const opportunity: SalesforceOpportunity = {
      Id: this.nextId('006'),
      orgId: lead.orgId,
      Amount: o.amount,
      CloseDate: o.closeDate ?? null,
      IsWon: true,
      LastModifiedDate: sfTime(this.now()),
      CurrencyIsoCode: o.currency ?? this.defaultCurrency,
    };
    this.opportunities.set(opportunity.Id, opportunity);
    lead.ConvertedOpportunityId = opportunity.Id;
    return opportunity;
  }

  /**
   * A salesperson merges the Lead into another (Salesforce's "Merge Leads"): the merged one is
   * deleted, keeps the kept one's id in MasterRecordId, and its activities move to the kept one.
   */
  mergeLead(merged: SalesforceLead, into: SalesforceLead): void {
    merged.IsDeleted = true;
    merged.MasterRecordId = into.Id;
    for (const task of this.tasks) if (task.WhoId === merged.Id) task.WhoId = into.Id;
  }

  /** Someone edits the Opportunity: modified now, so a poll reads it again. */
  touch(opportunity: SalesforceOpportunity): void {
    opportunity.LastModifiedDate = sfTime(this.now());
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

  private nextId(prefix: string): string {
    this.seq += 1;
    return `${prefix}${String(this.seq).padStart(12, '0')}AAA`;
  }

  private issue(orgId: string, withRefresh: boolean): Record<string, unknown> {
    const access = `${orgId}!${randomBytes(24).toString('base64url')}`;
    this.sessions.set(access, { orgId, expired: false });
    const answer: Record<string, unknown> = {
      access_token: access,
      instance_url: this.instanceUrl ?? this.url,
      id: `${this.url}/id/${orgId}/005000000000001AAA`,
      token_type: 'Bearer',
      issued_at: String(this.now()),
      signature: randomBytes(16).toString('base64'),
      scope: 'api refresh_token',
    };
    if (withRefresh) {
      const refresh = `5Aep${randomBytes(24).toString('base64url')}`;
      this.refreshTokens.set(refresh, { orgId });
      answer.refresh_token = refresh;
    }
    return answer;
  }

  private token(form: Record<string, string>): Reply {
    const refuse = (error: string, description: string): Reply => ({
      status: 400,
      body: { error, error_description: description },
    });
    if (form.client_id !== this.clientId || form.client_secret !== this.clientSecret)
      return refuse('invalid_client_id', 'client identifier invalid');
    if (form.grant_type === 'authorization_code') {
      const code = this.codes.get(form.code);
      this.codes.delete(form.code);
      if (!code || code.redirect !== form.redirect_uri) return refuse('invalid_grant', 'authentication failure');
      const challenge = createHash('sha256')
        .update(form.code_verifier ?? '')
        .digest('base64url');
      if (challenge !== code.challenge) return refuse('invalid_grant', 'invalid code verifier');
      return { status: 200, body: this.issue(this.orgId, true) };
    }
    if (form.grant_type === 'refresh_token') {
      const grant = this.refreshTokens.get(form.refresh_token);
      if (!grant) return refuse('invalid_grant', 'expired access/refresh token');
      return { status: 200, body: this.issue(grant.orgId, false) };
    }
    return refuse('unsupported_grant_type', 'grant type not supported');
  }

  private route(method: string, url: URL, headers: http.IncomingHttpHeaders, body: unknown): Reply {
    const path = url.pathname;
    const q = url.searchParams;
    if (method === 'GET' && path === '/services/oauth2/authorize') {
      if (q.get('client_id') !== this.clientId || q.get('response_type') !== 'code')
        return { status: 400, body: 'error=invalid_client_id' };
      if (q.get('code_challenge_method') !== 'S256' || !q.get('code_challenge'))
        return { status: 400, body: 'error=invalid_request (PKCE S256 expected)' };
      const redirect = new URL(q.get('redirect_uri') ?? '');
      const code = `aPrx${randomBytes(18).toString('base64url')}`;
      this.codes.set(code, { redirect: redirect.href, challenge: q.get('code_challenge')! });
      redirect.searchParams.set('code', code);
      redirect.searchParams.set('state', q.get('state') ?? '');
      return { status: 302, headers: { location: redirect.href }, body: '' };
    }
    if (method === 'POST' && path === '/services/oauth2/token') return this.token(body as Record<string, string>);
    const auth = headers.authorization ?? '';
    const session = auth.startsWith('Bearer ') ? this.sessions.get(auth.slice(7)) : undefined;
    if (!session || session.expired)
      return { status: 401, body: [{ message: 'Session expired or invalid', errorCode: 'INVALID_SESSION_ID' }] };
    const org = session.orgId;
    const identity = /^\/id\/(\w+)\/(\w+)$/.exec(path);
    if (method === 'GET' && identity)
      return {
        status: 200,
        body: { id: `${this.url}${path}`, organization_id: org, user_id: identity[2], username: this.username },
      };
    if (method === 'GET' && path === `${V}/sobjects/Lead/describe`)
      return { status: 200, body: { name: 'Lead', fields: [...READ_ONLY, ...LEAD_FIELDS] } };
    if (method === 'GET' && path === `${V}/query`) return soqlAnswer(this, org, q.get('q') ?? '', false);
    if (method === 'GET' && path === `${V}/queryAll`) return soqlAnswer(this, org, q.get('q') ?? '', true);
    const json = (body ?? {}) as Record<string, string>;
    if (method === 'POST' && path === `${V}/sobjects/Lead`) {
      const unknown = Object.keys(json).find((k) => !LEAD_FIELDS.some((f) => f.name === k));
      if (unknown)
        return { status: 400, body: [{ errorCode: 'INVALID_FIELD', message: `No such column '${unknown}' on Lead` }] };
      const missing = ['LastName', 'Company'].filter((k) => !json[k]);
      if (missing.length)
        return {
          status: 400,
          body: [
            { errorCode: 'REQUIRED_FIELD_MISSING', message: `Required fields are missing: [${missing.join(', ')}]` },
          ],
        };
      const lead = {
        Id: this.nextId('00Q'),
        orgId: org,
        fields: json,
        CreatedDate: sfTime(this.now()),
        ConvertedOpportunityId: null,
      };
      this.leads.push(lead);
      return { status: 201, body: { id: lead.Id, success: true, errors: [] } };
    }
    if (method === 'POST' && path === `${V}/sobjects/Task` && (json.Subject ?? '').length > 255)
      return { status: 400, body: [{ errorCode: 'STRING_TOO_LONG', message: 'Subject: data value too large' }] };
    if (method === 'POST' && path === `${V}/sobjects/Task`) {
      const task = { Id: this.nextId('00T'), orgId: org, ...(json as Omit<SalesforceTask, 'Id' | 'orgId'>) };
      this.tasks.push(task);
      return { status: 201, body: { id: task.Id, success: true, errors: [] } };
    }
    const opportunity = new RegExp(`^${V}/sobjects/Opportunity/(\\w+)$`).exec(path);
    if (method === 'GET' && opportunity) {
      const found = this.opportunities.get(opportunity[1]);
      if (!found || found.orgId !== org)
        return { status: 404, body: [{ errorCode: 'NOT_FOUND', message: 'The requested resource does not exist' }] };
      const { orgId: _org, CurrencyIsoCode, ...fields } = found;
      void _org;
      return {
        status: 200,
        body: { attributes: { type: 'Opportunity' }, ...fields, ...(this.multiCurrency ? { CurrencyIsoCode } : {}) },
      };
    }
    return { status: 404, body: [{ errorCode: 'NOT_FOUND', message: `no route ${method} ${path}` }] };
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
    const recorded: SalesforceCall = {
      method,
      host: req.headers.host ?? '',
      path: url.pathname,
      query: Object.fromEntries(url.searchParams),
      body,
      status: null,
    };
    this.calls.push(recorded);
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
          ? { status: 401, body: [{ message: 'Session expired or invalid', errorCode: 'INVALID_SESSION_ID' }] }
          : fault.fault === 'rate_limited'
            ? {
                status: 403,
                body: [{ message: 'TotalRequests Limit exceeded.', errorCode: 'REQUEST_LIMIT_EXCEEDED' }],
              }
            : { status: 500, body: [{ message: 'An unexpected error occurred', errorCode: 'UNKNOWN_EXCEPTION' }] };
    }
    const answer = reply!;
    recorded.status = answer.status;
    const isJson = answer.body !== undefined && typeof answer.body !== 'string';
    res.writeHead(answer.status, {
      'content-type': isJson ? 'application/json;charset=UTF-8' : 'text/html;charset=UTF-8',
      ...answer.headers,
    });
    res.end(isJson ? JSON.stringify(answer.body) : ((answer.body as string | undefined) ?? ''));
  }
}

export async function startSalesforceStub(): Promise<SalesforceStub> {
  return new SalesforceStub().start();
}
