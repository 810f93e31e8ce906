import { Injectable } from '@nestjs/common';
import { ConflictError, InvalidError, NotFoundError } from '@tcma/errors';
import type { Problem } from '@tcma/errors';
import { Actor, scopeOf } from '@tcma/tenancy';
import { checkCampaignContent } from './campaign-rules';
import { CampaignVersionView, versionView } from './campaign-views';
import { CampaignsRepository } from './campaigns.repository';
import { CampaignsService } from './campaigns.service';

export interface ValidationReport {
  valid: boolean;
  problems: Problem[];
}

/** Checks a draft for publication and freezes it as the next numbered, immutable version. */
@Injectable()
export class CampaignPublishingService {
  constructor(
    private readonly campaigns: CampaignsRepository,
    private readonly campaignsService: CampaignsService,
  ) {}

  async validate(actor: Actor, id: string): Promise<ValidationReport> {
    const campaign = await this.campaignsService.findForVendor(actor, id);
    const content = campaign.draft ?? (campaign.latestVersion ? (await this.campaigns.findVersion(scopeOf(actor), campaign.id, campaign.latestVersion))?.content : null);
    if (!content) throw new NotFoundError('Campaign content');
    const problems = await checkCampaignContent(content, 'publish');
    return { valid: problems.length === 0, problems };
  }

  async publish(actor: Actor, id: string): Promise<CampaignVersionView> {
    const found = await this.campaignsService.findForVendor(actor, id);
    if (found.status === 'archived') throw new ConflictError('The campaign is archived; restore it before publishing');
    if (!found.draft) throw new ConflictError('There is no draft to publish; the latest version is already published');
    const problems = await checkCampaignContent(found.draft, 'publish');
    if (problems.length) throw new InvalidError('The draft cannot be published', problems);
    const saved = await this.campaigns.publishDraft(scopeOf(actor), found.id, found.draftRevision, actor.userId);
    // Someone changed the draft while it was being checked: only what was checked is published.
    if (!saved) throw new ConflictError('The draft changed while it was being published; try again');
    return versionView(saved);
  }
}
