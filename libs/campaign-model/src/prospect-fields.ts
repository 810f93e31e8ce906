/**
 * A prospect's own fields besides its email and its custom fields, as the API and the
 * database name them; each is optional text. The one list that prospect checks, merges,
 * edits and writes go by. In the order their checks run (the first bad one is reported).
 */
export const PROSPECT_FIELDS = [
  'firstName',
  'lastName',
  'company',
  'title',
  'country',
  'consentSource',
  'timezone',
  'language',
] as const;
export type ProspectField = (typeof PROSPECT_FIELDS)[number];

/** An object with one value per prospect field. */
export function perProspectField<T>(value: (field: ProspectField) => T): Record<ProspectField, T> {
  return Object.fromEntries(PROSPECT_FIELDS.map((field) => [field, value(field)])) as Record<ProspectField, T>;
}

/** Prospect fields a template may reference as {{prospect.<field>}}. */
export const PROSPECT_TEMPLATE_FIELDS = ['email', 'first_name', 'last_name', 'company', 'title', 'country'] as const;
export type ProspectTemplateField = (typeof PROSPECT_TEMPLATE_FIELDS)[number];

/** Custom prospect fields are referenced as {{prospect.custom.<key>}}. */
export const CUSTOM_FIELD_KEY_PATTERN = /^[a-z][a-z0-9_]{0,39}$/;
