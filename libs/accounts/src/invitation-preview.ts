import { Injectable, Logger } from '@nestjs/common';
import { BrandKitsService } from '@tcma/brand-kits';
import { CampaignsRepository } from '@tcma/campaigns';
import { Clock } from '@tcma/clock';
import { renderEmail, resolveSlotValues, SAMPLE_SLOT_VALUES } from '@tcma/cobrand';
import { AppConfig } from '@tcma/config';
import type { PartnerRow } from '@tcma/persistence';
import { EmailRenderService, sampleRecipient } from '@tcma/rendering';
import { scopeOfPartner } from '@tcma/tenancy';

/** A partner's first co-branded email, as its invitation shows it. */
export interface InvitationPreview {
  campaignName: string;
  subject: string;
  /** The body of the email's HTML. */
  html: string;
  /** The slots shown with sample values because the partner has not filled them yet (their labels). */
  sampled: string[];
}

/**
 * The campaign a newly invited partner's catalogue puts first (promoted first, then the newest
 * published), its first email rendered with what the engine knows of the partner (its company
 * name from the start; its logo, colours and details once its brand kit has them) and each
 * required slot it has not filled yet shown with its type's sample, so the invitation shows the
 * partner its own name in the vendor's campaign before it has done anything.
 */
@Injectable()
export class InvitationPreviews {
  private readonly logger = new Logger(InvitationPreviews.name);

  constructor(
    private readonly campaigns: CampaignsRepository,
    private readonly brandKits: BrandKitsService,
    private readonly emails: EmailRenderService,
    private readonly config: AppConfig,
    private readonly clock: Clock,
  ) {}

  /** Null when the partner has nothing to launch yet, or its first campaign opens with no email. */
  async forPartner(partner: PartnerRow): Promise<InvitationPreview | null> {
    const scope = scopeOfPartner(partner);
    const [version] = (
      await this.campaigns.catalogueForPartner(scope, partner, { limit: 1, offset: 0 }, this.clock.now())
    ).items;
    const firstStep = version?.content.sequence?.steps[0];
    const asset = version?.content.assets.find((a) => a.id === firstStep?.emailAssetId);
    if (!version || !asset || asset.kind !== 'email') return null;
    const brand = await this.brandKits.brandState(partner);
    const { missing } = resolveSlotValues(version.content.slots, brand.brand, {});
    const slots = version.content.slots.filter((s) => missing.includes(s.name));
    const samples = Object.fromEntries(slots.map((s) => [s.name, SAMPLE_SLOT_VALUES[s.type]]));
    try {
      const compiled = await this.emails.compiled(version.id, version.content, asset, brand, samples);
      const rendered = renderEmail(compiled, sampleRecipient(this.config.publicBaseUrl));
      const html = /<body[^>]*>([\s\S]*)<\/body>/i.exec(rendered.html)?.[1] ?? rendered.html;
      return {
        campaignName: version.content.name,
        subject: rendered.subject,
        html,
        sampled: slots.map((s) => s.label ?? s.name),
      };
    } catch (e) {
      // An invitation goes out whatever its preview does: without one, it is a plain invitation.
      this.logger.warn(`No invitation preview for partner ${partner.id}: ${(e as Error).message}`);
      return null;
    }
  }
}
