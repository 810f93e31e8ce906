import { int } from './env-parsers';
import type { EnvReader } from './env-reader';
import { OAuthClientSettings, readOAuthClient } from './oauth-client-settings';

/** A call to a CRM (token, search, write) may take this long (CRM_TIMEOUT_MS). */
export const DEFAULT_CRM_TIMEOUT_MS = 30_000;
/** An access token is refreshed once less than this much of its life remains (CRM_REFRESH_AHEAD_MINUTES; HubSpot's live 30 minutes). */
export const DEFAULT_CRM_REFRESH_AHEAD_MINUTES = 5;
/** Each Salesforce connection's won opportunities are polled at most this often (CRM_REVENUE_POLL_MINUTES): Salesforce has no webhook for them. */
export const DEFAULT_CRM_REVENUE_POLL_MINUTES = 15;

/** The CRMs partners and vendors connect (README "CRM hand-off"); a CRM without a client id and secret cannot be connected. */
export interface CrmSettings {
  hubspot: OAuthClientSettings;
  /** Its authUrl serves authorization and tokens (login.salesforce.com, or test.salesforce.com for sandboxes); the API is each organisation's instance URL. */
  salesforce: OAuthClientSettings;
  revenuePollMs: number;
  timeoutMs: number;
  refreshAheadMs: number;
}

export function readCrm(r: EnvReader): CrmSettings {
  const { read } = r;
  return {
    hubspot: readOAuthClient(r, 'HUBSPOT', 'https://app.hubspot.com', 'https://api.hubapi.com'),
    salesforce: readOAuthClient(r, 'SALESFORCE', 'https://login.salesforce.com'),
    revenuePollMs: read('CRM_REVENUE_POLL_MINUTES', int(1, 1440), DEFAULT_CRM_REVENUE_POLL_MINUTES) * 60_000,
    timeoutMs: read('CRM_TIMEOUT_MS', int(100, 600_000), DEFAULT_CRM_TIMEOUT_MS),
    refreshAheadMs: read('CRM_REFRESH_AHEAD_MINUTES', int(1, 1440), DEFAULT_CRM_REFRESH_AHEAD_MINUTES) * 60_000,
  };
}
