/**
 * The field-mapping editor's state, kept apart from the page so it is tested without a browser:
 * the rows it shows (the default lead fields, then the connection's own form fields) and the body
 * it sends. Which CRM field a lead field may go to, and which names are valid, is the API's to say.
 */

/** The lead fields every connection maps, in the order the editor shows them (email is fixed). */
export const DEFAULT_LEAD_FIELDS = ['first_name', 'last_name', 'company', 'title', 'country', 'phone'] as const;
export type DefaultLeadField = (typeof DEFAULT_LEAD_FIELDS)[number];

export interface MappingRow {
  /** The lead field: a default one, or a form field's name. */
  field: string;
  /** The CRM field it is written to; '' leaves it out. */
  crmField: string;
  /** A form field the connection added (it can be removed); a default one cannot. */
  custom: boolean;
}

const isDefault = (field: string): field is DefaultLeadField =>
  (DEFAULT_LEAD_FIELDS as readonly string[]).includes(field);

/** The rows of a connection's mapping: each default field as in force, then its own form fields in their order. */
export function rowsOf(connection: {
  fieldMapping: Record<string, string>;
  effectiveMapping: Record<string, string>;
}): MappingRow[] {
  const own = connection.fieldMapping;
  const defaults = DEFAULT_LEAD_FIELDS.map((field) => ({
    field,
    crmField: field in own ? own[field] : (connection.effectiveMapping[field] ?? ''),
    custom: false,
  }));
  const custom = Object.keys(own)
    .filter((field) => field !== 'email' && !isDefault(field))
    .map((field) => ({ field, crmField: own[field], custom: true }));
  return [...defaults, ...custom];
}

/** The body's mapping: every row, a default field left out as ''. */
export function mappingOf(rows: MappingRow[]): Record<string, string> {
  return Object.fromEntries(rows.map((r) => [r.field, r.crmField]));
}

/** A form field's name as typed, trimmed; whether it is a valid name is the API's to say. */
export function newFieldName(typed: string): string {
  return typed.trim();
}

/** Whether a name may be added as a row: not empty, and not a row already (email included). */
export function canAdd(rows: MappingRow[], name: string): boolean {
  return name !== '' && name !== 'email' && !rows.some((r) => r.field === name);
}

/** The rows with one CRM field changed. */
export function withCrmField(rows: MappingRow[], field: string, crmField: string): MappingRow[] {
  return rows.map((r) => (r.field === field ? { ...r, crmField } : r));
}

/** The rows with a form field added (to no CRM field yet), or without one. */
export function withAdded(rows: MappingRow[], field: string): MappingRow[] {
  return canAdd(rows, field) ? [...rows, { field, crmField: '', custom: true }] : rows;
}

export function withRemoved(rows: MappingRow[], field: string): MappingRow[] {
  return rows.filter((r) => !(r.custom && r.field === field));
}

/** The API's path of a lead field's problem (`fieldMapping.<field>`). */
export const problemPath = (field: string): string => `fieldMapping.${field}`;

/**
 * The CRM fields a row may choose from: the CRM's own, and the row's current one when the CRM did
 * not list it (the list could not be read, or the field was removed there): the select shows what is saved.
 */
export function choicesFor(
  fields: Array<{ name: string; label: string }>,
  current: string,
): Array<{ value: string; label: string }> {
  const choices = fields.map((f) => ({ value: f.name, label: f.label === f.name ? f.name : `${f.label} (${f.name})` }));
  return current && !fields.some((f) => f.name === current)
    ? [...choices, { value: current, label: current }]
    : choices;
}
