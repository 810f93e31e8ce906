import type { CrmProvider } from '@tcma/persistence';
import type { LeadForCrm } from './crm-records.repository';

/** The most mapped fields a connection keeps. */
export const MAX_MAPPED_FIELDS = 100;
const SOURCE = /^[a-z][a-z0-9_]{0,99}$/;
const TARGET = /^[A-Za-z][A-Za-z0-9_]{0,99}$/;

/**
 * Lead fields (the form's field names, the prospect's columns) → HubSpot contact properties,
 * used where the connection's own mapping says nothing of a field. `email` is always written.
 */
export const DEFAULT_HUBSPOT_MAPPING: Readonly<Record<string, string>> = {
  email: 'email',
  first_name: 'firstname',
  last_name: 'lastname',
  company: 'company',
  title: 'jobtitle',
  country: 'country',
  phone: 'phone',
};

/** The same lead fields → Salesforce Lead fields (LastName and Company are required there: the adapter fills a blank). */
export const DEFAULT_SALESFORCE_MAPPING: Readonly<Record<string, string>> = {
  email: 'Email',
  first_name: 'FirstName',
  last_name: 'LastName',
  company: 'Company',
  title: 'Title',
  country: 'Country',
  phone: 'Phone',
};

export const DEFAULT_MAPPINGS: Readonly<Record<CrmProvider, Readonly<Record<string, string>>>> = {
  hubspot: DEFAULT_HUBSPOT_MAPPING,
  salesforce: DEFAULT_SALESFORCE_MAPPING,
};

/** The mapping in force: the CRM's defaults, overridden field by field; an empty target leaves the field out. */
export function effectiveMapping(provider: CrmProvider, own: Record<string, string>): Record<string, string> {
  const defaults = DEFAULT_MAPPINGS[provider];
  const merged: Record<string, string> = { ...defaults, ...own, email: defaults.email };
  return Object.fromEntries(Object.entries(merged).filter(([, target]) => target !== ''));
}

/** The contact's properties for a lead: its form answers first, else the prospect's columns. */
export function contactProperties(
  lead: LeadForCrm,
  provider: CrmProvider,
  own: Record<string, string>,
): Record<string, string> {
  const columns: Record<string, string | null> = {
    email: lead.email,
    first_name: lead.firstName,
    last_name: lead.lastName,
    company: lead.company,
    title: lead.title,
    country: lead.country,
  };
  const properties: Record<string, string> = {};
  for (const [source, target] of Object.entries(effectiveMapping(provider, own))) {
    // An empty answer leaves what the prospect already has.
    const value = lead.fields[source] || columns[source];
    if (value) properties[target] = value;
  }
  properties[DEFAULT_MAPPINGS[provider].email] = lead.email;
  return properties;
}

/** Problems of a mapping as given, by field path (`fieldMapping.<source>`); empty when it can be kept. */
export function mappingProblems(
  mapping: Record<string, unknown>,
  crmFields: ReadonlySet<string> | null,
): Array<{ path: string; message: string }> {
  const problems: Array<{ path: string; message: string }> = [];
  const entries = Object.entries(mapping);
  if (entries.length > MAX_MAPPED_FIELDS)
    problems.push({ path: 'fieldMapping', message: `maps at most ${MAX_MAPPED_FIELDS} fields` });
  for (const [source, target] of entries) {
    const path = `fieldMapping.${source}`;
    if (!SOURCE.test(source))
      problems.push({ path, message: 'must name a form field: lower-case letters, digits and _' });
    else if (source === 'email') problems.push({ path, message: 'is always written to the CRM email field' });
    else if (typeof target !== 'string') problems.push({ path, message: 'must be a CRM field name or empty' });
    else if (target !== '' && !TARGET.test(target)) problems.push({ path, message: 'is not a CRM field name' });
    else if (target !== '' && crmFields && !crmFields.has(target))
      problems.push({ path, message: `"${target}" is not a writable contact field of this CRM` });
  }
  return problems;
}
