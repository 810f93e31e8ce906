import type { CampaignContent } from '@tcma/campaign-model';
import { BrandValues, resolveSlotValues } from '@tcma/cobrand';

/** One thing missing before a partner launches a campaign, with the field the portal links to. */
export interface ReadinessItem {
  /** Stable machine code, e.g. `brand_kit.logo_missing`. */
  code: ReadinessCode;
  /** Where to fix it: `brandKit.logo`, `brandKit.address`, `brandKit.sender`, `slots.<name>`, `campaignId`. */
  path: string;
  message: string;
  /** A blocking item stops the launch (422 naming it); the others are advice the portal shows. */
  blocking: boolean;
}

/** Every readiness code, for the API's document. */
export const READINESS_CODES = [
  'brand_kit.logo_missing',
  'brand_kit.address_missing',
  'brand_kit.sender_missing',
  'brand_kit.sender_not_used',
  'slot.value_missing',
  'slot.value_invalid',
  'campaign.unavailable',
  'campaign.no_sequence',
] as const;

export type ReadinessCode = (typeof READINESS_CODES)[number];

export interface Readiness {
  ready: boolean;
  items: ReadinessItem[];
}

export interface ReadinessInput {
  content: CampaignContent;
  brand: BrandValues;
  hasSender: boolean;
  /** Why the partner's own From address is not used yet (unconfirmed, no DKIM key of its domain), if it is not. */
  senderWarning?: string | null;
  slotValues?: Readonly<Record<string, string>>;
  /** Why the campaign is outside its catalogue dates now, if it is. */
  unavailable?: string | null;
}

/**
 * The brand-kit items that stop a launch by themselves. Empty: the engine sends without them
 * (no logo slot filled, From "<Partner> via <Vendor>", no footer address line) unless a required
 * slot of the campaign needs them, which then blocks as that slot. Adding a code here makes it
 * block every launch.
 */
const BLOCKING_BRAND_ITEMS: ReadonlySet<ReadinessCode> = new Set<ReadinessCode>();

/**
 * Everything a partner is missing to launch one campaign version: the brand kit's logo, postal
 * address and sender identity, every required slot without a value, invalid values, and the
 * campaign's own state. One function answers both the readiness endpoint and the launch's 422.
 */
export function launchReadiness(input: ReadinessInput): Readiness {
  const items: ReadinessItem[] = [];
  if (input.unavailable)
    items.push({ code: 'campaign.unavailable', path: 'campaignId', message: input.unavailable, blocking: true });
  if (!input.content.sequence?.steps.length)
    items.push({
      code: 'campaign.no_sequence',
      path: 'campaignId',
      message: 'this campaign version has no nurture sequence to run',
      blocking: true,
    });

  const resolved = resolveSlotValues(input.content.slots, input.brand, input.slotValues ?? {});
  const missingSlots = new Set(resolved.missing);
  const brandItem = (code: ReadinessCode, path: string, message: string, slotName: string | null) => {
    // A required slot filled from this brand field makes the field itself blocking (reported once).
    const neededBySlot = slotName !== null && missingSlots.delete(slotName);
    items.push({ code, path, message, blocking: neededBySlot || BLOCKING_BRAND_ITEMS.has(code) });
  };
  if (!input.brand.logoUrl)
    brandItem('brand_kit.logo_missing', 'brandKit.logo', 'Upload a logo to the brand kit', 'logo');
  if (!input.brand.address?.trim())
    brandItem(
      'brand_kit.address_missing',
      'brandKit.address',
      'Add a postal address to the brand kit (commercial email must carry one)',
      'address',
    );
  if (!input.hasSender)
    brandItem(
      'brand_kit.sender_missing',
      'brandKit.sender',
      'Set a sender identity (from name and address) in the brand kit',
      null,
    );
  if (input.senderWarning) brandItem('brand_kit.sender_not_used', 'brandKit.sender', input.senderWarning, null);

  for (const slot of missingSlots)
    items.push({
      code: 'slot.value_missing',
      path: `slots.${slot}`,
      message: 'is required: fill it in the brand kit or give it in slotValues',
      blocking: true,
    });
  for (const p of resolved.invalid.filter((i) => i.path.startsWith('slots.')))
    items.push({ code: 'slot.value_invalid', path: p.path, message: p.message, blocking: true });
  return { ready: !items.some((i) => i.blocking), items };
}
