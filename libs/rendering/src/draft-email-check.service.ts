import { Injectable, Logger } from '@nestjs/common';
import type { CampaignContent, EmailAsset } from '@tcma/campaign-model';
import { CampaignDraftsService, EmailAssetInput } from '@tcma/campaigns';
import { compileEmail, EmailCompileError, renderEmail } from '@tcma/cobrand';
import { AppConfig } from '@tcma/config';
import type { Problem } from '@tcma/errors';
import { Actor } from '@tcma/tenancy';
import { DraftPreviewPartners, PreviewPartnerValues } from './draft-preview-partners';
import { landingPageUrl } from './email-render.service';
import { sampleRecipient } from './sample-recipient';

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
    private readonly previewPartners: DraftPreviewPartners,
    private readonly config: AppConfig,
  ) {}

  async check(actor: Actor, campaignId: string, input: DraftEmailCheckInput): Promise<DraftEmailCheck> {
    const { campaign, content, asset, problems } = await this.drafts.tryEmail(actor, campaignId, input, input.assetId);
    const as = await this.previewPartners.valuesFor(actor, content.slots, input.partnerId);
    const preview = await this.preview(content, asset, as, campaign.slug, problems.length > 0);
    return { valid: problems.length === 0, problems, preview };
  }

  private async preview(
    content: CampaignContent,
    asset: EmailAsset,
    as: PreviewPartnerValues,
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
