import type { CrmSettings } from '@tcma/config';
import type {
  CrmAccount,
  CrmActivity,
  CrmAdapter,
  CrmCall,
  CrmDeal,
  CrmField,
  CrmTokens,
  RevenueMark,
} from './crm-provider';
import { CrmRejected } from './crm-errors';
import { crmRequest, CrmHttpCall } from './crm-http';
import {
  leadFields,
  SALESFORCE_API_VERSION,
  salesforceDateTime,
  salesforceErrorOf,
  soqlContains,
  soqlDateTime,
  soqlString,
  taskSubject,
} from './salesforce-soql';

/** What the engine asks Salesforce for: the REST API, and a refresh token to keep it. */
export const SALESFORCE_SCOPES = ['api', 'refresh_token'];

/** How many merges deep a won deal's Leads are followed back (a Lead merged into one merged in turn, …). */
export const SALESFORCE_MERGE_DEPTH = 3;

interface TokenAnswer {
  access_token?: string;
  refresh_token?: string;
  instance_url?: string;
  id?: string;
}

interface QueryAnswer<T> {
  records?: T[];
}

const data = `/services/data/${SALESFORCE_API_VERSION}`;

/**
 * Salesforce over its REST API (no SDK): OAuth 2 web server flow with PKCE, Leads as the
 * contacts, completed Tasks as the activities, won Opportunities read by polling (Salesforce has
 * no webhook for them) and matched through the Leads converted into them.
 */
export class SalesforceAdapter implements CrmAdapter {
  readonly provider = 'salesforce' as const;

  constructor(
    private readonly settings: CrmSettings,
    private readonly nowMs: () => number,
  ) {}

  get configured(): boolean {
    return this.settings.salesforce.clientId !== undefined && this.settings.salesforce.clientSecret !== undefined;
  }

  authorizationUrl(input: { state: string; codeChallenge: string; redirectUri: string }): string {
    const url = new URL(`${this.settings.salesforce.authUrl}/services/oauth2/authorize`);
    url.searchParams.set('response_type', 'code');
    url.searchParams.set('client_id', this.settings.salesforce.clientId ?? '');
    url.searchParams.set('redirect_uri', input.redirectUri);
    url.searchParams.set('state', input.state);
    url.searchParams.set('code_challenge', input.codeChallenge);
    url.searchParams.set('code_challenge_method', 'S256');
    url.searchParams.set('scope', (this.settings.salesforce.scopes ?? SALESFORCE_SCOPES).join(' '));
    return url.href;
  }

  async exchangeCode(input: {
    code: string;
    codeVerifier: string;
    redirectUri: string;
  }): Promise<CrmTokens & CrmAccount> {
    const body = await this.token({
      grant_type: 'authorization_code',
      code: input.code,
      code_verifier: input.codeVerifier,
      redirect_uri: input.redirectUri,
    });
    // The tokens go to these hosts: never over plain HTTP when the login host itself is HTTPS (http only for a local stand-in).
    const secure = this.settings.salesforce.authUrl.startsWith('https:');
    const instanceUrl = httpUrl(body.instance_url, secure);
    const identity = httpUrl(body.id, secure);
    if (!instanceUrl || !identity) throw new CrmRejected('Salesforce: the token answer names no instance or identity');
    // The identity URL answers who granted access, and in which organisation.
    const who = (await this.call({ method: 'GET', url: identity }, { accessToken: body.access_token!, instanceUrl }))
      .body as { organization_id?: string; username?: string };
    if (!who.organization_id) throw new CrmRejected('Salesforce: the identity names no organisation');
    return {
      accessToken: body.access_token!,
      refreshToken: body.refresh_token ?? null,
      // Salesforce tells no lifetime: a session ends after the org's timeout, answered by a 401.
      expiresAt: null,
      accountId: who.organization_id,
      accountName: who.username ?? who.organization_id,
      instanceUrl,
    };
  }

  async refresh(refreshToken: string): Promise<CrmTokens> {
    const body = await this.token({ grant_type: 'refresh_token', refresh_token: refreshToken });
    // The org's API host may have moved (an instance migration): the answer names the current one.
    const instanceUrl = httpUrl(body.instance_url, this.settings.salesforce.authUrl.startsWith('https:'));
    // Salesforce keeps the refresh token: its answer has none.
    return {
      accessToken: body.access_token!,
      refreshToken: body.refresh_token ?? null,
      expiresAt: null,
      ...(instanceUrl ? { refreshedInstanceUrl: instanceUrl } : {}),
    };
  }

  async fields(call: CrmCall): Promise<CrmField[]> {
    const answer = await this.call({ method: 'GET', url: this.api(call, '/sobjects/Lead/describe') }, call);
    const fields = (answer.body as { fields?: Array<Record<string, unknown>> }).fields ?? [];
    return fields
      .filter((f) => f.createable === true && typeof f.name === 'string')
      .map((f) => ({
        name: String(f.name),
        label: typeof f.label === 'string' ? f.label : String(f.name),
        type: typeof f.type === 'string' ? f.type : 'string',
      }));
  }

  async findContact(call: CrmCall, email: string): Promise<string | null> {
    const [lead] = await this.query<{ Id: string }>(
      call,
      `SELECT Id FROM Lead WHERE Email = ${soqlString(email)} ORDER BY CreatedDate LIMIT 1`,
    );
    return lead?.Id ?? null;
  }

  /** Salesforce takes a second Lead with the same email: searched first, so the email's Lead is the one. */
  async createContact(call: CrmCall, properties: Record<string, string>): Promise<string> {
    const found = await this.findContact(call, properties.Email ?? '');
    if (found) return found;
    const answer = await this.call(
      {
        method: 'POST',
        url: this.api(call, '/sobjects/Lead'),
        body: JSON.stringify(leadFields(properties)),
        writes: true,
      },
      call,
    );
    return String((answer.body as { id: string }).id);
  }

  async findActivity(call: CrmCall, contactId: string, marker: string): Promise<string | null> {
    const [task] = await this.query<{ Id: string }>(
      call,
      `SELECT Id FROM Task WHERE WhoId = ${soqlString(contactId)} AND Subject LIKE ${soqlContains(marker)} LIMIT 1`,
    );
    return task?.Id ?? null;
  }

  async createActivity(call: CrmCall, contactId: string, activity: CrmActivity): Promise<string> {
    const answer = await this.call(
      {
        method: 'POST',
        url: this.api(call, '/sobjects/Task'),
        body: JSON.stringify({
          WhoId: contactId,
          Subject: taskSubject(activity.title, activity.marker),
          Description: activity.body,
          ActivityDate: activity.at.toISOString().slice(0, 10),
          Status: 'Completed',
        }),
        writes: true,
      },
      call,
    );
    return String((answer.body as { id: string }).id);
  }

  async deal(call: CrmCall, dealId: string): Promise<CrmDeal | null> {
    const answer = await this.call(
      { method: 'GET', url: this.api(call, `/sobjects/Opportunity/${encodeURIComponent(dealId)}`), accept: [404] },
      call,
    );
    if (answer.status === 404) return null;
    const o = answer.body as OpportunityRow & { CurrencyIsoCode?: string };
    const [deal] = await this.withLeads(call, [o]);
    return { ...deal, currency: o.CurrencyIsoCode ?? null };
  }

  /** The Opportunity's own currency in a multi-currency org (its record has CurrencyIsoCode), else the org's. */
  async dealCurrency(call: CrmCall, dealId: string): Promise<string | null> {
    const answer = await this.call(
      { method: 'GET', url: this.api(call, `/sobjects/Opportunity/${encodeURIComponent(dealId)}`) },
      call,
    );
    const own = (answer.body as { CurrencyIsoCode?: unknown }).CurrencyIsoCode;
    if (typeof own === 'string' && own) return own;
    const [org] = await this.query<{ DefaultCurrencyIsoCode?: string }>(
      call,
      'SELECT DefaultCurrencyIsoCode FROM Organization',
    );
    return org?.DefaultCurrencyIsoCode ?? null;
  }

  /**
   * Ordered by modification time then id, and read on past the last id at the mark's time: a bulk
   * update stamps hundreds of Opportunities with one second, and a page may end among them.
   */
  async wonDealsSince(
    call: CrmCall,
    after: RevenueMark,
    limit: number,
  ): Promise<{ deals: CrmDeal[]; mark: RevenueMark | null }> {
    const at = soqlDateTime(after.at);
    const since =
      after.id === null
        ? `LastModifiedDate > ${at}`
        : `(LastModifiedDate > ${at} OR (LastModifiedDate = ${at} AND Id > ${soqlString(after.id)}))`;
    const rows = await this.query<OpportunityRow>(
      call,
      `SELECT Id, Amount, CloseDate, LastModifiedDate FROM Opportunity WHERE IsWon = true AND ${since} ORDER BY LastModifiedDate ASC, Id ASC LIMIT ${limit}`,
    );
    const last = rows.at(-1);
    const lastAt = last?.LastModifiedDate ? salesforceDateTime(last.LastModifiedDate) : null;
    return { deals: await this.withLeads(call, rows), mark: last && lastAt ? { at: lastAt, id: last.Id } : null };
  }

  /**
   * The deals with the Leads converted into them (the engine wrote Leads: they are its "contacts"),
   * and the Leads merged into those before: a salesperson who merges the engine's Lead into one of
   * their own and converts that one keeps the deal the engine's. Salesforce deletes a merged Lead
   * and names the kept one in its MasterRecordId; only queryAll reads it, while it is in the
   * recycle bin (15 days by default), and merges are followed SALESFORCE_MERGE_DEPTH deep.
   */
  private async withLeads(call: CrmCall, rows: OpportunityRow[]): Promise<CrmDeal[]> {
    if (!rows.length) return [];
    const converted = await this.query<{ Id: string; ConvertedOpportunityId: string }>(
      call,
      `SELECT Id, ConvertedOpportunityId FROM Lead WHERE ConvertedOpportunityId IN (${rows.map((r) => soqlString(r.Id)).join(', ')})`,
    );
    const dealOf = new Map(converted.map((l) => [l.Id, l.ConvertedOpportunityId]));
    let kept = [...dealOf.keys()];
    for (let depth = 0; depth < SALESFORCE_MERGE_DEPTH && kept.length; depth += 1) {
      const merged = await this.query<{ Id: string; MasterRecordId: string }>(
        call,
        `SELECT Id, MasterRecordId FROM Lead WHERE IsDeleted = true AND MasterRecordId IN (${kept.map(soqlString).join(', ')})`,
        'queryAll',
      );
      kept = [];
      for (const lead of merged) {
        const deal = dealOf.get(lead.MasterRecordId);
        if (deal === undefined || dealOf.has(lead.Id)) continue;
        dealOf.set(lead.Id, deal);
        kept.push(lead.Id);
      }
    }
    return rows.map((r) => ({
      id: r.Id,
      won: r.IsWon !== false,
      amount: r.Amount === null || r.Amount === undefined ? null : String(r.Amount),
      currency: null,
      closedAt: r.CloseDate ? new Date(`${r.CloseDate}T00:00:00Z`) : null,
      contactIds: [...dealOf].filter(([, deal]) => deal === r.Id).map(([lead]) => lead),
    }));
  }

  /** `queryAll` reads deleted records too (merged Leads). */
  private async query<T>(call: CrmCall, soql: string, resource: 'query' | 'queryAll' = 'query'): Promise<T[]> {
    const url = new URL(this.api(call, `/${resource}`));
    url.searchParams.set('q', soql);
    const answer = await this.call({ method: 'GET', url: url.href }, call);
    return (answer.body as QueryAnswer<T>).records ?? [];
  }

  private api(call: CrmCall, path: string): string {
    if (!call.instanceUrl) throw new CrmRejected('Salesforce: the connection has no instance URL: connect it again');
    return `${call.instanceUrl}${data}${path}`;
  }

  private async token(params: Record<string, string>): Promise<TokenAnswer> {
    const answer = await this.call({
      method: 'POST',
      url: `${this.settings.salesforce.authUrl}/services/oauth2/token`,
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({
        ...params,
        client_id: this.settings.salesforce.clientId ?? '',
        client_secret: this.settings.salesforce.clientSecret ?? '',
      }),
    });
    const body = answer.body as TokenAnswer;
    if (typeof body?.access_token !== 'string')
      throw new CrmRejected('Salesforce: the token answer has no access token');
    return body;
  }

  private call(http: CrmHttpCall, auth?: CrmCall) {
    return crmRequest(
      'Salesforce',
      {
        ...http,
        headers: {
          accept: 'application/json',
          ...(http.body && typeof http.body === 'string' ? { 'content-type': 'application/json' } : {}),
          ...(auth ? { authorization: `Bearer ${auth.accessToken}` } : {}),
          ...http.headers,
        },
        classify: (status, body, message, headers) => salesforceErrorOf(status, body, message, headers, this.nowMs()),
      },
      this.settings.timeoutMs,
      this.nowMs,
    );
  }
}

interface OpportunityRow {
  Id: string;
  Amount?: number | null;
  CloseDate?: string | null;
  LastModifiedDate?: string;
  IsWon?: boolean;
}

/** An https (or, unless `secure`, http) URL from an answer, trailing slashes gone; else null. */
function httpUrl(value: unknown, secure: boolean): string | null {
  if (typeof value !== 'string') return null;
  try {
    const url = new URL(value);
    return url.protocol === 'https:' || (!secure && url.protocol === 'http:') ? url.href.replace(/\/+$/, '') : null;
  } catch {
    return null;
  }
}
