import { Injectable, Logger } from '@nestjs/common';
import { BrandKitsService } from '@tcma/brand-kits';
import type { CampaignContent, EmailAsset, SlotDefinition, SlotType } from '@tcma/campaign-model';
import { CampaignDraftsService, EmailAssetInput } from '@tcma/campaigns';
import {
  BrandValues,
  compileEmail,
  EmailCompileError,
  renderEmail,
  resolveSlotValues,
  SAMPLE_SLOT_VALUES,
} from '@tcma/cobrand';
import { AppConfig } from '@tcma/config';
import type { Problem } from '@tcma/errors';
import { Actor, PartnersService } from '@tcma/tenancy';
import { landingPageUrl } from './email-render.service';
import { samplePartnerLogoUrl } from './sample-partner-logo';
import { sampleRecipient } from './sample-recipient';

/** The partner a draft preview is rendered as when none is chosen: every slot its fallback, or its type's sample value. */
export const SAMPLE_PARTNER = { id: null, name: 'Sample partner', slug: 'sample-partner' } as const;

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

export interface DraftEmailCheckInput extends EmailAssetInput {
  /** The email of the draft being edited; without it the email is checked as one being added. */
  assetId?: string;
  /** A partner of the vendor to render the preview as; without it, the sample partner. */
  partnerId?: string;
}

export interface DraftEmailPreview {
  subject: string;
  preheader: string;
  html: string;
  text: string;
  /** Who it was rendered as (id null: the sample partner). */
  partner: { id: string | null; name: string };
  /** Required slots the partner has no value for, shown with their type's sample value. */
  sampleSlots: string[];
}

export interface DraftEmailCheck {
  valid: boolean;
  problems: Problem[];
  /** Null only when the template cannot be compiled at all. */
  preview: DraftEmailPreview | null;
}

/**
 * The editor's check of an email as it is typed: the same problems saving it would answer 422
 * with, and a preview rendered here in the API (no worker round-trip), as a partner and the
 * sample prospect. Nothing is stored and nothing is cached: the draft changes at every key.
 */
@Injectable()
export class DraftEmailCheckService {
  private readonly logger = new Logger(DraftEmailCheckService.name);

  constructor(
    private readonly drafts: CampaignDraftsService,
    private readonly partners: PartnersService,
    private readonly brandKits: BrandKitsService,
    private readonly config: AppConfig,
  ) {}

  async check(actor: Actor, campaignId: string, input: DraftEmailCheckInput): Promise<DraftEmailCheck> {
    const { campaign, content, asset, problems } = await this.drafts.tryEmail(actor, campaignId, input, input.assetId);
    const as = await this.renderAs(actor, content.slots, input.partnerId);
    const preview = await this.preview(content, asset, as, campaign.slug, problems.length > 0);
    return { valid: problems.length === 0, problems, preview };
  }

  /** A slot type's sample value; a logo's is the placeholder the engine serves, so the preview shows no broken image. */
  private sampleOf(type: SlotType): string {
    return type === 'logo' ? samplePartnerLogoUrl(this.config.publicBaseUrl) : SAMPLE_SLOT_VALUES[type];
  }

  /** The chosen partner's slot values (required ones it lacks filled with samples), or the sample partner's. */
  private async renderAs(
    actor: Actor,
    slots: SlotDefinition[],
    partnerId?: string,
  ): Promise<{
    partner: DraftEmailPreview['partner'];
    slug: string;
    values: Map<string, string | null>;
    sampleSlots: string[];
  }> {
    if (!partnerId) {
      // A slot with a fallback shows it (as a partner without that value sees it); any other its type's sample.
      const samples = Object.fromEntries(
        slots
          .filter((s) => s.fallback === undefined || s.fallback === null)
          .map((s) => [s.name, this.sampleOf(s.type)]),
      );
      const values = resolveSlotValues(slots, NO_BRAND, samples).values;
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

  private async preview(
    content: CampaignContent,
    asset: EmailAsset,
    as: Awaited<ReturnType<DraftEmailCheckService['renderAs']>>,
    campaignSlug: string,
    invalid: boolean,
  ): Promise<DraftEmailPreview | null> {
    const links = content.assets.some((a) => a.kind === 'page')
      ? [...content.links, { name: 'page', url: landingPageUrl(this.config.publicBaseUrl, as.slug, campaignSlug) }]
      : content.links;
    try {
      const compiled = await compileEmail(asset, { ...content, links }, as.values);
      const email = renderEmail(compiled, sampleRecipient(this.config.publicBaseUrl));
      return {
        subject: email.subject,
        preheader: email.preheader,
        html: email.html,
        text: email.text,
        partner: as.partner,
        sampleSlots: as.sampleSlots,
      };
    } catch (e) {
      // A template with problems may not compile: its problems say why. One without must.
      if (!invalid || !(e instanceof EmailCompileError))
        this.logger.warn(`A draft email could not be previewed: ${(e as Error).message}`);
      if (!invalid && !(e instanceof EmailCompileError)) throw e;
      return null;
    }
  }
}
