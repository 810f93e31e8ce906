import { CUSTOM_FIELD_KEY_PATTERN, perProspectField, PROSPECT_FIELDS, ProspectField } from '@tcma/campaign-model';
import { normalizeEmailAddress } from '@tcma/email-address';
import { isValidTimeZone } from '@tcma/sequences';
import { canonicalLanguage } from '@tcma/translation';

/** A prospect as given (API body or CSV row), before checks. */
export type ProspectInput = { email: string; custom?: Record<string, string> | null } & {
  [F in ProspectField]?: string | null;
};

export type NormalizedProspect = { email: string; emailLower: string; custom: Record<string, string> } & Record<
  ProspectField,
  string | null
>;

export type ProspectCheck = { ok: true; prospect: NormalizedProspect } | { ok: false; field: string; reason: string };

export const FIELD_MAX_LENGTH = 200;
/** BCP 47's practical longest tag (RFC 5646 §4.4.1 asks implementations to take at least 35 characters). */
export const LANGUAGE_MAX_LENGTH = 35;
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
  language: 'language',
  lang: 'language',
  locale: 'language',
  preferred_language: 'language',
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
    const target: ColumnTarget = field
      ? { field }
      : CUSTOM_FIELD_KEY_PATTERN.test(key.replace(/^custom_/, ''))
        ? { custom: key.replace(/^custom_/, '') }
        : null;
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

/**
 * Why a row's fields do not line up with the header, or null when they do. A row with fewer
 * fields is refused (its values may sit under the wrong names: a line break in an unquoted
 * value splits a row in two), and so is one with more, unless those are empty (spreadsheets
 * pad rows with trailing commas).
 */
export function fieldCountProblem(headerFields: number, cells: string[]): string | null {
  const extra = cells.slice(headerFields);
  if (cells.length >= headerFields && extra.every((cell) => !cell.trim())) return null;
  return `the row has ${cells.length} fields where the header has ${headerFields}`;
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

// Typed as text, but an API body can hold anything: a number or an object is refused by name.
const text = (
  field: string,
  raw: unknown,
  max = FIELD_MAX_LENGTH,
): { ok: true; value: string | null } | { ok: false; field: string; reason: string } => {
  if (raw !== null && raw !== undefined && typeof raw !== 'string')
    return { ok: false, field, reason: `${field} must be text` };
  const value = (raw ?? '').trim();
  if (!value) return { ok: true, value: null };
  // eslint-disable-next-line no-control-regex
  if (/[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/.test(value))
    return { ok: false, field, reason: `${field} contains control characters` };
  if ([...value].length > max) return { ok: false, field, reason: `${field} is longer than ${max} characters` };
  return { ok: true, value };
};

/** A BCP 47 tag, kept in its canonical form (`pt-br` → `pt-BR`): the key a campaign's language variant is chosen by. */
function language(raw: unknown): { ok: true; value: string | null } | { ok: false; field: string; reason: string } {
  const checked = text('language', raw, LANGUAGE_MAX_LENGTH);
  if (!checked.ok || checked.value === null) return checked;
  const tag = canonicalLanguage(checked.value);
  if (!tag)
    return {
      ok: false,
      field: 'language',
      reason: `language "${checked.value.slice(0, 50)}" is not a BCP 47 language tag (such as de, fr-CA or pt-BR)`,
    };
  return { ok: true, value: tag };
}

/** Checks and normalises a prospect; the reason names the first bad field. */
export function checkProspect(input: ProspectInput): ProspectCheck {
  if (typeof (input.email ?? '') !== 'string') return { ok: false, field: 'email', reason: 'email must be text' };
  if (
    input.custom !== null &&
    input.custom !== undefined &&
    (typeof input.custom !== 'object' || Array.isArray(input.custom))
  )
    return { ok: false, field: 'custom', reason: 'custom must be an object of text values' };
  const email = normalizeEmailAddress((input.email ?? '').trim());
  if (!(input.email ?? '').trim()) return { ok: false, field: 'email', reason: 'email is missing' };
  if (!email.ok) return { ok: false, field: 'email', reason: `email ${email.message}` };
  const out: NormalizedProspect = {
    email: input.email.trim(),
    emailLower: email.value,
    ...perProspectField(() => null),
    custom: {},
  };
  for (const field of PROSPECT_FIELDS) {
    if (field === 'timezone') {
      const tz = (input.timezone ?? '').trim();
      if (tz && !isValidTimeZone(tz))
        return { ok: false, field: 'timezone', reason: `timezone "${tz.slice(0, 50)}" is not an IANA time zone` };
      out.timezone = tz || null;
      continue;
    }
    if (field === 'language') {
      const checked = language(input.language);
      if (!checked.ok) return checked;
      out.language = checked.value;
      continue;
    }
    const checked = text(field, input[field]);
    if (!checked.ok) return checked;
    out[field] = checked.value;
  }
  const custom = Object.entries(input.custom ?? {});
  if (custom.length > MAX_CUSTOM_FIELDS)
    return { ok: false, field: 'custom', reason: `more than ${MAX_CUSTOM_FIELDS} custom fields` };
  for (const [key, raw] of custom) {
    if (!CUSTOM_FIELD_KEY_PATTERN.test(key))
      return {
        ok: false,
        field: `custom.${key}`,
        reason: `custom field name "${key}" must be lower-case letters, digits and _`,
      };
    const checked = text(`custom.${key}`, raw, CUSTOM_VALUE_MAX_LENGTH);
    if (!checked.ok) return checked;
    if (checked.value !== null) out.custom[key] = checked.value;
  }
  return { ok: true, prospect: out };
}

/** Later non-empty values win; custom fields are merged key by key. */
export function mergeProspects(a: NormalizedProspect, b: NormalizedProspect): NormalizedProspect {
  return {
    email: b.email,
    emailLower: a.emailLower,
    ...perProspectField((field) => b[field] ?? a[field]),
    custom: { ...a.custom, ...b.custom },
  };
}
