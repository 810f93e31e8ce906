import type { SlotDefinition } from '@tcma/campaign-model';
import type { Problem } from '@tcma/errors';
import { normalizeSlotValue } from './slot-values';
import { websiteHost } from './text-block';
import { textBlockDefault } from './text-block-default';

/** The brand-kit fields a partner fills once, for every campaign. */
export interface BrandValues {
  companyName: string | null;
  contactName: string | null;
  email: string | null;
  phone: string | null;
  website: string | null;
  address: string | null;
  primaryColor: string | null;
  secondaryColor: string | null;
  /** A URL of the partner's logo (for emails); renderers of files get the bytes separately. */
  logoUrl: string | null;
}

/**
 * Slots whose names match a brand-kit field are filled from it; any other slot takes a value
 * given with the launch. Vendors name slots after these fields to get them filled everywhere.
 */
export const BRAND_KIT_SLOT_NAMES: Readonly<Record<string, keyof BrandValues>> = {
  logo: 'logoUrl',
  company_name: 'companyName',
  contact_name: 'contactName',
  email: 'email',
  phone: 'phone',
  website: 'website',
  address: 'address',
  primary_color: 'primaryColor',
  secondary_color: 'secondaryColor',
};

export interface ResolvedSlotValues {
  values: Map<string, string | null>;
  /** Required slots that have neither a value nor a fallback. */
  missing: string[];
  /** Values present but not valid for the slot's type; they are treated as absent. */
  invalid: Problem[];
}

/**
 * The value of every slot for one partner: a launch value, else the brand-kit field of the
 * same name, else the slot's default: a text_block's for the readers of `language` (the email
 * variant's; omitted: the campaign's own, its fallback), any other slot's fallback. Every value
 * is normalised for its slot's type here, so renderers only ever see checked values.
 */
export function resolveSlotValues(
  slots: SlotDefinition[],
  brand: BrandValues,
  extra: Readonly<Record<string, string>> = {},
  language?: string | null,
): ResolvedSlotValues {
  const values = new Map<string, string | null>();
  const missing: string[] = [];
  const invalid: Problem[] = [];
  const context = { partnerHost: websiteHost(brand.website) };
  for (const slot of slots) {
    const field = BRAND_KIT_SLOT_NAMES[slot.name];
    const byDefault =
      slot.type === 'text_block' ? textBlockDefault(slot, language) : { language: null, text: slot.fallback };
    const candidates: Array<[string, string | null | undefined]> = [
      [`slots.${slot.name}`, Object.prototype.hasOwnProperty.call(extra, slot.name) ? extra[slot.name] : undefined],
      [`brandKit.${field ?? slot.name}`, field ? brand[field] : undefined],
      [
        byDefault.language ? `slots.${slot.name}.defaults.${byDefault.language}` : `slots.${slot.name}.fallback`,
        byDefault.text,
      ],
    ];
    let value: string | null = null;
    for (const [path, raw] of candidates) {
      if (raw === undefined || raw === null || raw === '') continue;
      const result = normalizeSlotValue(slot, raw, context);
      if (result.ok) {
        value = result.value;
        break;
      }
      invalid.push({ path, message: `${slot.name}: ${result.message}` });
    }
    values.set(slot.name, value);
    if (value === null && slot.required) missing.push(slot.name);
  }
  return { values, missing, invalid };
}
