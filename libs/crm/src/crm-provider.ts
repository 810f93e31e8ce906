import type { CrmProvider } from '@tcma/persistence';

/** What a code exchange or a refresh gives. */
export interface CrmTokens {
  accessToken: string;
  refreshToken: string | null;
  /** Null: the CRM does not say (the token lives until revoked). */
  expiresAt: Date | null;
  /** A refresh's answer naming the account's API host (Salesforce: it moves when the org is migrated). */
  refreshedInstanceUrl?: string;
}

/** The CRM account a grant belongs to. */
export interface CrmAccount {
  /** HubSpot's hub id: webhooks name it. */
  accountId: string;
  /** What its owner recognises: HubSpot's hub domain. */
  accountName: string;
  /** The account's own API host, for CRMs that have one per account (Salesforce); else null. */
  instanceUrl: string | null;
}

/** A contact field of the CRM, as its API lists it (the field mapping's choices). */
export interface CrmField {
  name: string;
  label: string;
  type: string;
}

/** A deal (HubSpot) or opportunity (Salesforce) as revenue needs it. */
export interface CrmDeal {
  id: string;
  won: boolean;
  /** As the CRM writes it ("1250.50"); null when the deal has no amount. */
  amount: string | null;
  currency: string | null;
  closedAt: Date | null;
  contactIds: string[];
}

/** A timeline activity on a contact, naming the campaign, step and partner. */
export interface CrmActivity {
  /** A word no person writes, so the activity can be found again after a lost answer. */
  marker: string;
  title: string;
  body: string;
  at: Date;
}

/** What each call needs: the access token and the account's API host. */
export interface CrmCall {
  accessToken: string;
  instanceUrl: string | null;
}

/**
 * One CRM's API. Calls throw the typed CRM errors (crm-errors.ts). `createContact` answers the
 * existing contact's id when the CRM already holds one with the email (it never makes a second).
 */
export interface CrmAdapter {
  readonly provider: CrmProvider;
  /** False when the installation has no OAuth client for it: it cannot be connected. */
  readonly configured: boolean;
  authorizationUrl(input: { state: string; codeChallenge: string; redirectUri: string }): string;
  exchangeCode(input: { code: string; codeVerifier: string; redirectUri: string }): Promise<CrmTokens & CrmAccount>;
  refresh(refreshToken: string): Promise<CrmTokens>;
  fields(call: CrmCall): Promise<CrmField[]>;
  findContact(call: CrmCall, email: string): Promise<string | null>;
  createContact(call: CrmCall, properties: Record<string, string>): Promise<string>;
  findActivity(call: CrmCall, contactId: string, marker: string): Promise<string | null>;
  createActivity(call: CrmCall, contactId: string, activity: CrmActivity): Promise<string>;
  deal(call: CrmCall, dealId: string): Promise<CrmDeal | null>;
  /**
   * The currency (ISO 4217) of a deal whose reading named none: the deal's own where only a
   * second read shows it (a multi-currency Salesforce org), else the account's.
   */
  dealCurrency(call: CrmCall, dealId: string): Promise<string | null>;
  /**
   * For CRMs that send no webhook for won deals (Salesforce): the won deals after the mark (modified
   * later, or at the same time with a greater id), oldest then by id, at most `limit`, and the mark
   * of the last one read (null when none was).
   */
  wonDealsSince?(
    call: CrmCall,
    after: RevenueMark,
    limit: number,
  ): Promise<{ deals: CrmDeal[]; mark: RevenueMark | null }>;
}

/** Where a poll for won deals stands: the last modification time read, and the last deal's id at that time. */
export interface RevenueMark {
  at: Date;
  /** Null: every deal modified at `at` was read (or none at all, at the start). */
  id: string | null;
}
