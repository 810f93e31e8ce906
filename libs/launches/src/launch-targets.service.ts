import { Injectable } from '@nestjs/common';
import { BrandKitsService } from '@tcma/brand-kits';
import { availabilityProblem, CampaignsRepository } from '@tcma/campaigns';
import { Clock } from '@tcma/clock';
import { NotFoundError } from '@tcma/errors';
import { CampaignRow, CampaignVersionRow, PartnerRow } from '@tcma/persistence';
import { PartnerSendersService } from '@tcma/senders';
import { scopeOfPartner } from '@tcma/tenancy';
import { launchReadiness, Readiness } from './launch-readiness';

export interface LaunchTarget {
  campaign: CampaignRow;
  version: CampaignVersionRow;
}

/**
 * What a partner would launch (the campaign and its version, latest published unless pinned)
 * and what it misses to launch it: shared by readiness, the dry run, the editable-block brief
 * and the launch itself, so all four judge alike.
 */
@Injectable()
export class LaunchTargets {
  constructor(
    private readonly campaigns: CampaignsRepository,
    private readonly brandKits: BrandKitsService,
    private readonly senders: PartnerSendersService,
    private readonly clock: Clock,
  ) {}

  async find(partner: PartnerRow, campaignId: string, version?: number): Promise<LaunchTarget> {
    const scope = scopeOfPartner(partner);
    const [latest, campaign] = await Promise.all([
      this.campaigns.findPublishedForPartner(scope, partner, campaignId),
      this.campaigns.find(scope, campaignId),
    ]);
    if (!latest || !campaign) throw new NotFoundError('Campaign');
    const pinned =
      version && version !== latest.version ? await this.campaigns.findVersion(scope, campaignId, version) : latest;
    if (!pinned) throw new NotFoundError('Campaign version');
    return { campaign, version: pinned };
  }

  async readinessOf(
    partner: PartnerRow,
    target: LaunchTarget,
    slotValues?: Record<string, string>,
  ): Promise<Readiness> {
    const brand = await this.brandKits.brandState(partner);
    const unavailable = availabilityProblem(target.campaign, this.clock.now())?.message ?? null;
    const senderWarning = await this.senders.warningFor(partner, brand);
    return launchReadiness({
      content: target.version.content,
      brand: brand.brand,
      hasSender: brand.sender !== null,
      senderWarning,
      slotValues,
      unavailable,
    });
  }
}
