import { CUSTOM_FIELD_KEY_PATTERN } from '@tcma/campaign-model';
import { normalizeSlotValue } from '@tcma/cobrand';
import { isValidTimeZone } from '@tcma/sequences';

/** A prospect as given (API body or CSV row), before checks. */
export interface ProspectInput {
  email: string;
  firstName?: string | null;
  lastName?: string | null;
  company?: string | null;
  title?: string | null;
  country?: string | null;
  timezone?: string | null;
  consentSource?: string | null;
  custom?: Record<string, string> | null;
}

export interface NormalizedProspect {
  email: string;
  emailLower: string;
  firstName: string | null;
  lastName: string | null;
  company: string | null;
  title: string | null;
  country: string | null;
  timezone: string | null;
  consentSource: string | null;
  custom: Record<string, string>;
}

export type ProspectCheck = { ok: true; prospect: NormalizedProspect } | { ok: false; field: string; reason: string };

export const FIELD_MAX_LENGTH = 200;
export const CUSTOM_VALUE_MAX_LENGTH = 1000;
export const MAX_CUSTOM_FIELDS = 50;

type Field = Exclude<keyof ProspectInput, 'custom'>;

const ALIASES: Record<string, Field> = {
  email: 'email',
  e_mail: 'email',
  email_address: 'email',
  mail: 'email',
  first_name: 'firstName',
  firstname: 'firstName',
  given_name: 'firstName',
  last_name: 'lastName',
  lastname: 'lastName',
  surname: 'lastName',
  family_name: 'lastName',
  company: 'company',
  company_name: 'company',
  organization: 'company',
  organisation: 'company',
  title: 'title',
  job_title: 'title',
  country: 'country',
  timezone: 'timezone',
  time_zone: 'timezone',
  tz: 'timezone',
  consent_source: 'consentSource',
  consent: 'consentSource',
};

export type ColumnTarget = { field: Field } | { custom: string } | null;

export const headerKey = (header: string) =>
  header
    .replace(/^\uFEFF/, '')
    .trim()
    .toLowerCase()
    .replace(/[\s\-.]+/g, '_')
    .replace(/[^a-z0-9_]/g, '');

/**
 * Maps a CSV header row to prospect fields: known names and common aliases to fields,
 * other valid names to custom fields (`custom_` is optional), the rest ignored and reported.
 */
export function mapHeader(headers: string[]): { columns: ColumnTarget[]; ignored: string[]; missingEmail: boolean } {
  const ignored: string[] = [];
  const seen = new Set<string>();
  const columns = headers.map((header): ColumnTarget => {
    const key = headerKey(header);
    const field = ALIASES[key];
    const target: ColumnTarget = field ? { field } : CUSTOM_FIELD_KEY_PATTERN.test(key.replace(/^custom_/, '')) ? { custom: key.replace(/^custom_/, '') } : null;
    const id = target && ('field' in target ? target.field : `custom.${target.custom}`);
    if (!target || !id || seen.has(id)) {
      ignored.push(header);
      return null;
    }
    seen.add(id);
    return target;
  });
  return { columns, ignored, missingEmail: !columns.some((c) => c && 'field' in c && c.field === 'email') };
}

export function rowToInput(columns: ColumnTarget[], cells: string[]): ProspectInput {
  const input: ProspectInput = { email: '', custom: {} };
  columns.forEach((target, i) => {
    const value = cells[i];
    if (!target || value === undefined) return;
    if ('field' in target) input[target.field] = value;
    else (input.custom as Record<string, string>)[target.custom] = value;
  });
  return input;
}

const text = (field: string, raw: string | null | undefined, max = FIELD_MAX_LENGTH): { ok: true; value: string | null } | { ok: false; field: string; reason: string } => {
  const value = (raw ?? '').trim();
  if (!value) return { ok: true, value: null };
  // eslint-disable-next-line no-control-regex
  if (/[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/.test(value)) return { ok: false, field, reason: `${field} contains control characters` };
  if ([...value].length > max) return { ok: false, field, reason: `${field} is longer than ${max} characters` };
  return { ok: true, value };
};

/** Checks and normalises a prospect; the reason names the first bad field. */
export function checkProspect(input: ProspectInput): ProspectCheck {
  const email = normalizeSlotValue({ type: 'email' }, (input.email ?? '').trim());
  if (!(input.email ?? '').trim()) return { ok: false, field: 'email', reason: 'email is missing' };
  if (!email.ok) return { ok: false, field: 'email', reason: `email ${email.message}` };
  const out: NormalizedProspect = { email: input.email.trim(), emailLower: email.value, firstName: null, lastName: null, company: null, title: null, country: null, timezone: null, consentSource: null, custom: {} };
  for (const field of ['firstName', 'lastName', 'company', 'title', 'country', 'consentSource'] as const) {
    const checked = text(field, input[field]);
    if (!checked.ok) return checked;
    out[field] = checked.value;
  }
  const tz = (input.timezone ?? '').trim();
  if (tz) {
    if (!isValidTimeZone(tz)) return { ok: false, field: 'timezone', reason: `timezone "${tz.slice(0, 50)}" is not an IANA time zone` };
    out.timezone = tz;
  }
  const custom = Object.entries(input.custom ?? {});
  if (custom.length > MAX_CUSTOM_FIELDS) return { ok: false, field: 'custom', reason: `more than ${MAX_CUSTOM_FIELDS} custom fields` };
  for (const [key, raw] of custom) {
    if (!CUSTOM_FIELD_KEY_PATTERN.test(key)) return { ok: false, field: `custom.${key}`, reason: `custom field name "${key}" must be lower-case letters, digits and _` };
    const checked = text(`custom.${key}`, raw, CUSTOM_VALUE_MAX_LENGTH);
    if (!checked.ok) return checked;
    if (checked.value !== null) out.custom[key] = checked.value;
  }
  return { ok: true, prospect: out };
}

/** Later non-empty values win; custom fields are merged key by key. */
export function mergeProspects(a: NormalizedProspect, b: NormalizedProspect): NormalizedProspect {
  const pick = <T>(x: T | null, y: T | null) => (y !== null ? y : x);
  return {
    email: b.email,
    emailLower: a.emailLower,
    firstName: pick(a.firstName, b.firstName),
    lastName: pick(a.lastName, b.lastName),
    company: pick(a.company, b.company),
    title: pick(a.title, b.title),
    country: pick(a.country, b.country),
    timezone: pick(a.timezone, b.timezone),
    consentSource: pick(a.consentSource, b.consentSource),
    custom: { ...a.custom, ...b.custom },
  };
}
