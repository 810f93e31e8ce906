import type { SlotDefinition, SlotType } from '@tcma/campaign-model';
import { BrandValues, resolveSlotValues, SAMPLE_SLOT_VALUES } from '@tcma/cobrand';

const NO_BRAND: BrandValues = {
  companyName: null,
  contactName: null,
  email: null,
  phone: null,
  website: null,
  address: null,
  primaryColor: null,
  secondaryColor: null,
  logoUrl: null,
};

/** The partner a draft preview is rendered as when none is chosen: every slot its fallback, or its type's sample value. */
export const SAMPLE_PARTNER = { id: null, name: 'Sample partner', slug: 'sample-partner' } as const;

/**
 * The sample partner's slot values, as the draft checks render them: a slot with a fallback
 * shows it (as a partner without that value sees it), any other its type's sample (`sampleOf`).
 */
export function samplePartnerValues(
  slots: SlotDefinition[],
  sampleOf: (type: SlotType) => string = (type) => SAMPLE_SLOT_VALUES[type],
): Map<string, string | null> {
  const samples = Object.fromEntries(
    slots.filter((s) => s.fallback === undefined || s.fallback === null).map((s) => [s.name, sampleOf(s.type)]),
  );
  return resolveSlotValues(slots, NO_BRAND, samples).values;
}
