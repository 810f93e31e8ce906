import { Injectable } from '@nestjs/common';
import type { CampaignContent, EmailAsset } from '@tcma/campaign-model';
import { RenderedEmail, renderEmail } from '@tcma/cobrand';
import { PreferenceLinks, UnsubscribeLinks } from '@tcma/delivery';
import { SendRefs } from '@tcma/signing';
import { EmailRenderService } from '@tcma/rendering';
import { TrackingLinks } from '@tcma/tracking';
import type { SendContext } from './enrollments.repository';
import { PartnerProfile, SendProfiles } from './send-profiles';

export interface SentEmail {
  email: RenderedEmail;
  unsubscribe: { url: string; mailto: string };
  /** How the send is named to its recipient (Message-ID, X-TCMA-Send): opaque, never the ledger id. */
  ref: string;
}

/**
 * One send's email exactly as the prospect gets it: co-branded, personalised, with its
 * signed tracking, unsubscribe, preference-page and view-in-browser links. The same for SMTP and the browser.
 */
@Injectable()
export class SentEmailRenderer {
  constructor(
    private readonly emails: EmailRenderService,
    private readonly unsubscribe: UnsubscribeLinks,
    private readonly preferences: PreferenceLinks,
    private readonly links: TrackingLinks,
    private readonly refs: SendRefs,
    private readonly profiles: SendProfiles,
  ) {}

  async render(
    ctx: SendContext,
    content: CampaignContent,
    /** The email in the language it is sent in (emailInLanguage): the variant's copy in place. */
    localised: { email: EmailAsset; language: string },
    profile: PartnerProfile,
    sendId: string,
  ): Promise<SentEmail> {
    const unsubscribe = this.unsubscribe.both(sendId, profile.vendorDomain);
    const pageUrl = content.assets.some((a) => a.kind === 'page')
      ? await this.profiles.landingPage(ctx.partnerId, ctx.campaignId)
      : null;
    const compiled = await this.emails.compiled(
      ctx.campaignVersionId,
      content,
      localised.email,
      profile.brand,
      ctx.slotValues,
      pageUrl,
      localised.language,
    );
    const p = ctx.prospect;
    const email = renderEmail(compiled, {
      prospect: {
        email: p.email,
        first_name: p.firstName,
        last_name: p.lastName,
        company: p.company,
        title: p.title,
        country: p.country,
        custom: p.custom,
      },
      unsubscribeUrl: unsubscribe.url,
      viewInBrowserUrl: this.links.viewInBrowser(sendId),
      preferencesUrl: this.preferences.url(sendId),
      linkUrl: (link) => this.links.click(sendId, link),
      openPixelUrl: this.links.openPixel(sendId),
    });
    return { email, unsubscribe, ref: this.refs.of(sendId) };
  }
}
