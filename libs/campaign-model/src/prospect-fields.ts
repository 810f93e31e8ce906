/** Prospect fields a template may reference as {{prospect.<field>}}. */
export const PROSPECT_TEMPLATE_FIELDS = ['email', 'first_name', 'last_name', 'company', 'title', 'country'] as const;
export type ProspectTemplateField = (typeof PROSPECT_TEMPLATE_FIELDS)[number];

/** Custom prospect fields are referenced as {{prospect.custom.<key>}}. */
export const CUSTOM_FIELD_KEY_PATTERN = /^[a-z][a-z0-9_]{0,39}$/;
