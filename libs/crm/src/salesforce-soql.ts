import { CrmError, CrmRateLimited, CrmUnauthorized } from './crm-errors';
import { crmRetryAfter } from './crm-http';

/** The REST API version the engine speaks (Spring '24); every path names it. */
export const SALESFORCE_API_VERSION = 'v60.0';
/** When REQUEST_LIMIT_EXCEEDED names no wait: Salesforce counts its API limits over 24 hours, so a minute is a polite first wait. */
export const SALESFORCE_RETRY_AFTER_SECONDS = 60;

/** Lead fields Salesforce requires: a lead that gives none gets this (Salesforce's own wording for a blank). */
export const SALESFORCE_NOT_PROVIDED = '[not provided]';

/**
 * The standard Lead fields' lengths: a longer form answer would fail the whole Lead
 * (STRING_TOO_LONG), so it is cut. Email is never cut (a cut address is another person's).
 */
const LEAD_FIELD_LENGTHS: Readonly<Record<string, number>> = {
  FirstName: 40,
  LastName: 80,
  Company: 255,
  Title: 128,
  Country: 80,
  Phone: 40,
};

/** A Lead's fields from the mapped properties: standard fields cut to their length, the required ones filled. */
export function leadFields(properties: Record<string, string>): Record<string, string> {
  const fields = Object.fromEntries(
    Object.entries(properties).map(([name, value]) => [name, value.slice(0, LEAD_FIELD_LENGTHS[name] ?? value.length)]),
  );
  return {
    ...fields,
    LastName: fields.LastName || SALESFORCE_NOT_PROVIDED,
    Company: fields.Company || SALESFORCE_NOT_PROVIDED,
  };
}

/** Salesforce's Task Subject length. */
export const TASK_SUBJECT_MAX = 255;

/**
 * A Task's subject: the title, then the marker in brackets (the subject is the one text field
 * SOQL can search with LIKE); a long title is cut so the marker always stays whole.
 */
export function taskSubject(title: string, marker: string): string {
  return `${title.slice(0, TASK_SUBJECT_MAX - marker.length - 3)} [${marker}]`;
}

/** A SOQL string literal: quotes and backslashes escaped (SOQL's own escapes), so a lead's email cannot end the literal. */
export function soqlString(value: string): string {
  return `'${value.replace(/[\\']/g, (c) => `\\${c}`)}'`;
}

/** A SOQL dateTime literal (unquoted, whole seconds: Salesforce keeps no finer time on its records). */
export function soqlDateTime(at: Date): string {
  return at.toISOString().replace(/\.\d{3}Z$/, 'Z');
}

/** Salesforce's dateTime as it answers it ("2026-11-23T09:00:00.000+0000": no colon in the offset, which ISO parsing wants). */
export function salesforceDateTime(value: string): Date | null {
  const at = new Date(value.replace(/([+-]\d\d)(\d\d)$/, '$1:$2'));
  return Number.isNaN(at.getTime()) ? null : at;
}

/** A SOQL LIKE pattern that contains `value` literally (its quotes, backslashes, % and _ escaped). */
export function soqlContains(value: string): string {
  return `'%${value.replace(/[\\'%_]/g, (c) => `\\${c}`)}%'`;
}

/**
 * Salesforce's failures that its status code alone does not tell: REQUEST_LIMIT_EXCEEDED comes
 * as a 403 (rate limited, not refused), INVALID_SESSION_ID as a 401 (an expired session: the
 * caller refreshes once). Others are left to the status codes.
 */
export function salesforceErrorOf(
  status: number,
  body: unknown,
  message: string,
  headers: Headers,
  nowMs: number,
): CrmError | undefined {
  const codes = Array.isArray(body)
    ? body.map((e) => (e && typeof e === 'object' ? (e as { errorCode?: unknown }).errorCode : undefined))
    : [];
  if (codes.includes('REQUEST_LIMIT_EXCEEDED'))
    return new CrmRateLimited(message, crmRetryAfter(headers, nowMs, SALESFORCE_RETRY_AFTER_SECONDS));
  if (status === 401 || codes.includes('INVALID_SESSION_ID')) return new CrmUnauthorized(message);
  return undefined;
}
