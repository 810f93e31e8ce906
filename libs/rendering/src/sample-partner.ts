import type { SlotDefinition } from '@tcma/campaign-model';
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

/**
 * The sample partner's slot values, as the draft email check renders them: a slot with a
 * fallback shows it (as a partner without that value sees it), any other its type's sample.
 */
export function samplePartnerValues(slots: SlotDefinition[]): Map<string, string | null> {
  const samples = Object.fromEntries(
    slots
      .filter((s) => s.fallback === undefined || s.fallback === null)
      .map((s) => [s.name, SAMPLE_SLOT_VALUES[s.type]]),
  );
  return resolveSlotValues(slots, NO_BRAND, samples).values;
}
