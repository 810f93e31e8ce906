import type { CrmSettings } from '@tcma/config';
import type { CrmAccount, CrmActivity, CrmAdapter, CrmCall, CrmDeal, CrmField, CrmTokens } from './crm-provider';
import { CrmRejected } from './crm-errors';
import { crmRequest, CrmHttpCall } from './crm-http';

/** What the engine asks HubSpot for: contacts read and written, deals read, the contact fields listed. */
export const HUBSPOT_SCOPES = [
  'oauth',
  'crm.objects.contacts.read',
  'crm.objects.contacts.write',
  'crm.objects.deals.read',
  'crm.schemas.contacts.read',
];
/** HubSpot's association type of a note to a contact (HUBSPOT_DEFINED). */
const NOTE_TO_CONTACT = 202;
/** HubSpot's answer to a contact create whose email exists names the existing contact. */
const EXISTING_ID = /Existing ID:\s*(\d+)/i;

interface TokenAnswer {
  access_token: string;
  refresh_token?: string;
  expires_in?: number;
}

/** HubSpot over its public REST API (CRM v3, OAuth v1), with no SDK: a handful of calls. */
export class HubspotAdapter implements CrmAdapter {
  readonly provider = 'hubspot' as const;

  constructor(
    private readonly settings: CrmSettings,
    private readonly nowMs: () => number,
  ) {}

  get configured(): boolean {
    return this.settings.hubspot.clientId !== undefined && this.settings.hubspot.clientSecret !== undefined;
  }

  authorizationUrl(input: { state: string; redirectUri: string }): string {
    const url = new URL(`${this.settings.hubspot.authUrl}/oauth/authorize`);
    url.searchParams.set('client_id', this.settings.hubspot.clientId ?? '');
    url.searchParams.set('redirect_uri', input.redirectUri);
    url.searchParams.set('scope', (this.settings.hubspot.scopes ?? HUBSPOT_SCOPES).join(' '));
    url.searchParams.set('state', input.state);
    return url.href;
  }

  async exchangeCode(input: { code: string; redirectUri: string }): Promise<CrmTokens & CrmAccount> {
    const tokens = await this.token({
      grant_type: 'authorization_code',
      code: input.code,
      redirect_uri: input.redirectUri,
    });
    const info = await this.call({
      method: 'GET',
      url: `${this.settings.hubspot.apiUrl}/oauth/v1/access-tokens/${encodeURIComponent(tokens.accessToken)}`,
    });
    const body = info.body as { hub_id?: number | string; hub_domain?: string };
    if (body.hub_id === undefined) throw new CrmRejected('hubspot: the token names no account');
    return {
      ...tokens,
      accountId: String(body.hub_id),
      accountName: body.hub_domain ?? String(body.hub_id),
      instanceUrl: null,
    };
  }

  refresh(refreshToken: string): Promise<CrmTokens> {
    return this.token({ grant_type: 'refresh_token', refresh_token: refreshToken });
  }

  async fields(call: CrmCall): Promise<CrmField[]> {
    const answer = await this.call(
      { method: 'GET', url: `${this.settings.hubspot.apiUrl}/crm/v3/properties/contacts` },
      call,
    );
    const results = (answer.body as { results?: Array<Record<string, unknown>> }).results ?? [];
    return results
      .filter((p) => (p.modificationMetadata as { readOnlyValue?: boolean } | undefined)?.readOnlyValue !== true)
      .filter((p) => p.hidden !== true && typeof p.name === 'string')
      .map((p) => ({
        name: String(p.name),
        label: typeof p.label === 'string' ? p.label : String(p.name),
        type: typeof p.type === 'string' ? p.type : 'string',
      }));
  }

  async findContact(call: CrmCall, email: string): Promise<string | null> {
    return this.search(call, 'contacts', [{ propertyName: 'email', operator: 'EQ', value: email }]);
  }

  async createContact(call: CrmCall, properties: Record<string, string>): Promise<string> {
    const answer = await this.call(
      {
        method: 'POST',
        url: `${this.settings.hubspot.apiUrl}/crm/v3/objects/contacts`,
        body: JSON.stringify({ properties }),
        writes: true,
        accept: [409],
      },
      call,
    );
    if (answer.status === 409) {
      // The email is already a contact there: that contact is the lead's record.
      const existing = EXISTING_ID.exec(String((answer.body as { message?: string }).message ?? ''));
      if (existing) return existing[1];
      const found = await this.findContact(call, properties.email ?? '');
      if (found) return found;
      throw new CrmRejected('hubspot: the contact exists but could not be found');
    }
    return String((answer.body as { id: string }).id);
  }

  findActivity(call: CrmCall, contactId: string, marker: string): Promise<string | null> {
    return this.search(call, 'notes', [
      { propertyName: 'hs_note_body', operator: 'CONTAINS_TOKEN', value: marker },
      { propertyName: 'associations.contact', operator: 'EQ', value: contactId },
    ]);
  }

  async createActivity(call: CrmCall, contactId: string, activity: CrmActivity): Promise<string> {
    const body = `<p><strong>${escapeHtml(activity.title)}</strong></p><p>${escapeHtml(activity.body)}</p><p style="color:#888">${activity.marker}</p>`;
    const answer = await this.call(
      {
        method: 'POST',
        url: `${this.settings.hubspot.apiUrl}/crm/v3/objects/notes`,
        body: JSON.stringify({
          properties: { hs_timestamp: activity.at.toISOString(), hs_note_body: body },
          associations: [
            {
              to: { id: contactId },
              types: [{ associationCategory: 'HUBSPOT_DEFINED', associationTypeId: NOTE_TO_CONTACT }],
            },
          ],
        }),
        writes: true,
      },
      call,
    );
    return String((answer.body as { id: string }).id);
  }

  async deal(call: CrmCall, dealId: string): Promise<CrmDeal | null> {
    const url = new URL(`${this.settings.hubspot.apiUrl}/crm/v3/objects/deals/${encodeURIComponent(dealId)}`);
    url.searchParams.set('properties', 'amount,deal_currency_code,hs_is_closed_won,dealstage,closedate');
    url.searchParams.set('associations', 'contacts');
    const answer = await this.call({ method: 'GET', url: url.href, accept: [404] }, call);
    if (answer.status === 404) return null;
    const deal = answer.body as {
      id: string;
      properties: Record<string, string | null>;
      associations?: { contacts?: { results?: Array<{ id: string }> } };
    };
    const p = deal.properties;
    return {
      id: String(deal.id),
      won: p.hs_is_closed_won === 'true' || p.dealstage === 'closedwon',
      amount: p.amount ?? null,
      currency: p.deal_currency_code ?? null,
      closedAt: p.closedate ? new Date(p.closedate) : null,
      contactIds: (deal.associations?.contacts?.results ?? []).map((c) => String(c.id)),
    };
  }

  /** HubSpot's deal read names its currency when it has one of its own: the others are in the account's. */
  async dealCurrency(call: CrmCall): Promise<string | null> {
    const answer = await this.call(
      { method: 'GET', url: `${this.settings.hubspot.apiUrl}/account-info/v3/details` },
      call,
    );
    const currency = (answer.body as { companyCurrency?: unknown }).companyCurrency;
    return typeof currency === 'string' ? currency : null;
  }

  private async search(
    call: CrmCall,
    object: 'contacts' | 'notes',
    filters: Array<{ propertyName: string; operator: string; value: string }>,
  ): Promise<string | null> {
    const answer = await this.call(
      {
        method: 'POST',
        url: `${this.settings.hubspot.apiUrl}/crm/v3/objects/${object}/search`,
        body: JSON.stringify({ filterGroups: [{ filters }], limit: 1 }),
      },
      call,
    );
    const results = (answer.body as { results?: Array<{ id: string }> }).results ?? [];
    return results.length ? String(results[0].id) : null;
  }

  private async token(params: Record<string, string>): Promise<CrmTokens> {
    const answer = await this.call({
      method: 'POST',
      url: `${this.settings.hubspot.apiUrl}/oauth/v1/token`,
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({
        ...params,
        client_id: this.settings.hubspot.clientId ?? '',
        client_secret: this.settings.hubspot.clientSecret ?? '',
      }),
    });
    const body = answer.body as TokenAnswer;
    if (typeof body?.access_token !== 'string') throw new CrmRejected('hubspot: the token answer has no access token');
    return {
      accessToken: body.access_token,
      refreshToken: body.refresh_token ?? null,
      expiresAt: body.expires_in ? new Date(this.nowMs() + body.expires_in * 1000) : null,
    };
  }

  private call(http: CrmHttpCall, auth?: CrmCall) {
    return crmRequest(
      'HubSpot',
      {
        ...http,
        headers: {
          accept: 'application/json',
          ...(http.body && typeof http.body === 'string' ? { 'content-type': 'application/json' } : {}),
          ...(auth ? { authorization: `Bearer ${auth.accessToken}` } : {}),
          ...http.headers,
        },
      },
      this.settings.timeoutMs,
      this.nowMs,
    );
  }
}

function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}
