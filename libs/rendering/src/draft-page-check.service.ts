import { Injectable, Logger } from '@nestjs/common';
import type { CampaignContent, PageAsset } from '@tcma/campaign-model';
import { CampaignDraftsService, PageAssetInput } from '@tcma/campaigns';
import { compilePage, PageCompileError, renderPage } from '@tcma/cobrand';
import { AppConfig } from '@tcma/config';
import type { Problem } from '@tcma/errors';
import { Actor } from '@tcma/tenancy';
import { DraftPreviewPartners, PreviewPartnerValues } from './draft-preview-partners';
import { landingPageUrl } from './email-render.service';

export interface DraftPageCheckInput extends PageAssetInput {
  /** The page of the draft being edited; without it the page is checked as one being added. */
  assetId?: string;
  /** A partner of the vendor to render the preview as; without it, the sample partner. */
  partnerId?: string;
}

export interface DraftPageCheck {
  valid: boolean;
  problems: Problem[];
  /** Null only when the page cannot be compiled at all. */
  preview: {
    /** The whole document a visitor would be served, its form blank. */
    html: string;
    /** The address it would have for that partner. */
    url: string;
    partner: PreviewPartnerValues['partner'];
    sampleSlots: string[];
  } | null;
}

/**
 * The editor's check of a landing page as it is typed: the problems saving it would answer 422
 * with, and the page rendered here as a partner (or the sample partner) would serve it, its form
 * blank, in the campaign's language. Nothing is stored or cached.
 */
@Injectable()
export class DraftPageCheckService {
  private readonly logger = new Logger(DraftPageCheckService.name);

  constructor(
    private readonly drafts: CampaignDraftsService,
    private readonly previewPartners: DraftPreviewPartners,
    private readonly config: AppConfig,
  ) {}

  async check(actor: Actor, campaignId: string, input: DraftPageCheckInput): Promise<DraftPageCheck> {
    const { campaign, content, asset, problems } = await this.drafts.tryPage(actor, campaignId, input, input.assetId);
    const as = await this.previewPartners.valuesFor(actor, content.slots, input.partnerId);
    const url = landingPageUrl(this.config.publicBaseUrl, as.slug, campaign.slug);
    return {
      valid: problems.length === 0,
      problems,
      preview: this.preview(content, asset, as, url, problems.length > 0),
    };
  }

  private preview(
    content: CampaignContent,
    asset: PageAsset,
    as: PreviewPartnerValues,
    url: string,
    invalid: boolean,
  ): DraftPageCheck['preview'] {
    try {
      const social = content.assets.some((a) => a.kind === 'social');
      const compiled = compilePage(asset, content, as.values, {
        pageUrl: url,
        ogImageUrl: social ? `${url}/og.png` : null,
      });
      return { html: renderPage(compiled), url, partner: as.partner, sampleSlots: as.sampleSlots };
    } catch (e) {
      // A page with problems may not compile: its problems say why. One without must.
      if (!invalid || !(e instanceof PageCompileError))
        this.logger.warn(`A draft page could not be previewed: ${(e as Error).message}`);
      if (!invalid && !(e instanceof PageCompileError)) throw e;
      return null;
    }
  }
}
