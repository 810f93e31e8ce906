import { Injectable } from '@nestjs/common';
import { BrandKitsService } from '@tcma/brand-kits';
import type { SlotDefinition, SlotType } from '@tcma/campaign-model';
import { resolveSlotValues, SAMPLE_SLOT_VALUES } from '@tcma/cobrand';
import { AppConfig } from '@tcma/config';
import { Actor, PartnersService } from '@tcma/tenancy';
import { SAMPLE_PARTNER, samplePartnerValues } from './sample-partner';
import { samplePartnerLogoUrl } from './sample-partner-logo';

/** Who a draft's email or page is previewed as, and the slot values it is rendered with. */
export interface PreviewPartnerValues {
  /** id null: the sample partner. */
  partner: { id: string | null; name: string };
  slug: string;
  values: Map<string, string | null>;
  /** Required slots the partner has no value for, shown with their type's sample value. */
  sampleSlots: string[];
}

/** The slot values a draft's previews (the email check, the page check) are rendered with. */
@Injectable()
export class DraftPreviewPartners {
  constructor(
    private readonly partners: PartnersService,
    private readonly brandKits: BrandKitsService,
    private readonly config: AppConfig,
  ) {}

  /** The chosen partner's slot values (required ones it lacks filled with samples), or the sample partner's. */
  async valuesFor(actor: Actor, slots: SlotDefinition[], partnerId?: string): Promise<PreviewPartnerValues> {
    if (!partnerId) {
      const values = samplePartnerValues(slots, (type) => this.sampleOf(type));
      return {
        partner: { id: SAMPLE_PARTNER.id, name: SAMPLE_PARTNER.name },
        slug: SAMPLE_PARTNER.slug,
        values,
        sampleSlots: [],
      };
    }
    const partner = await this.partners.get(actor, partnerId);
    const brand = await this.brandKits.brandState(partner);
    const resolved = resolveSlotValues(slots, brand.brand);
    const bySlot = new Map(slots.map((s) => [s.name, s]));
    for (const name of resolved.missing) resolved.values.set(name, this.sampleOf(bySlot.get(name)?.type ?? 'text'));
    return {
      partner: { id: partner.id, name: partner.companyName },
      slug: partner.slug,
      values: resolved.values,
      sampleSlots: resolved.missing,
    };
  }

  /** A slot type's sample value; a logo's is the placeholder the engine serves, so the preview shows no broken image. */
  private sampleOf(type: SlotType): string {
    return type === 'logo' ? samplePartnerLogoUrl(this.config.publicBaseUrl) : SAMPLE_SLOT_VALUES[type];
  }
}
