import { Injectable } from '@nestjs/common';
import { CampaignContent, emptyContent, Eligibility } from '@tcma/campaign-model';
import { Clock } from '@tcma/clock';
import { ConflictError, InvalidError, NotFoundError } from '@tcma/errors';
import { CampaignEntity, CampaignStatus } from '@tcma/persistence';
import { Actor, PartnersRepository } from '@tcma/tenancy';
import { checkCampaignContent } from './campaign-rules';
import { CampaignVersionView, CampaignView, campaignView, PublishedCampaignView, publishedView, versionView } from './campaign-views';
import { CampaignsRepository } from './campaigns.repository';

export interface CreateCampaignInput {
  name: string;
  description?: string;
  tags?: string[];
  language?: string;
  eligibility?: Partial<Eligibility>;
}

export interface ListCampaignsInput {
  status?: CampaignStatus;
  search?: string;
  limit: number;
  offset: number;
}

/** Campaign lifecycle apart from draft editing: create, read, list, archive, delete. */
@Injectable()
export class CampaignsService {
  constructor(
    private readonly campaigns: CampaignsRepository,
    private readonly partners: PartnersRepository,
    private readonly clock: Clock,
  ) {}

  async create(actor: Actor, input: CreateCampaignInput): Promise<CampaignView> {
    const draft: CampaignContent = {
      ...emptyContent(input.name.trim()),
      description: input.description ?? '',
      tags: input.tags ?? [],
      language: input.language ?? 'en',
      eligibility: { tiers: input.eligibility?.tiers ?? [], regions: input.eligibility?.regions ?? [] },
    };
    const problems = await checkCampaignContent(draft, 'save');
    if (problems.length) throw new InvalidError('The campaign is invalid', problems);
    return campaignView(await this.campaigns.insert({ vendorId: actor.vendorId, name: draft.name, draft, createdBy: actor.userId }));
  }

  /** A vendor user's campaign, or 404. */
  async findForVendor(actor: Actor, id: string): Promise<CampaignEntity> {
    const campaign = actor.role === 'partner_user' ? null : await this.campaigns.findInVendor(actor.vendorId, id);
    if (!campaign) throw new NotFoundError('Campaign');
    return campaign;
  }

  async get(actor: Actor, id: string): Promise<CampaignView | PublishedCampaignView> {
    if (actor.role === 'partner_user') return this.getPublished(actor, id);
    return campaignView(await this.findForVendor(actor, id));
  }

  async list(actor: Actor, input: ListCampaignsInput): Promise<{ items: Array<CampaignView | PublishedCampaignView>; total: number }> {
    if (actor.role === 'partner_user') {
      const partner = await this.partners.findInVendor(actor.vendorId, actor.partnerId ?? '');
      if (!partner) return { items: [], total: 0 };
      const page = await this.campaigns.listPublishedForPartner(actor.vendorId, partner, input);
      return { items: page.items.map(publishedView), total: page.total };
    }
    const page = await this.campaigns.list(actor.vendorId, input);
    return { items: page.items.map(campaignView), total: page.total };
  }

  /** The latest published version, as a partner user may see it (eligible, not archived). */
  async getPublished(actor: Actor, id: string): Promise<PublishedCampaignView> {
    const partner = actor.partnerId ? await this.partners.findInVendor(actor.vendorId, actor.partnerId) : null;
    const version = partner ? await this.campaigns.findPublishedForPartner(actor.vendorId, partner, id) : null;
    if (!version) throw new NotFoundError('Campaign');
    return publishedView(version);
  }

  async versions(actor: Actor, id: string): Promise<CampaignVersionView[]> {
    const campaign = await this.findForVendor(actor, id);
    return (await this.campaigns.listVersions(campaign.id)).map(versionView);
  }

  async version(actor: Actor, id: string, version: number): Promise<CampaignVersionView> {
    const campaign = await this.findForVendor(actor, id);
    const found = await this.campaigns.findVersion(campaign.id, version);
    if (!found) throw new NotFoundError('Campaign version');
    return versionView(found);
  }

  /** Archived campaigns stay readable (launches pin their versions) but cannot be edited or launched. */
  async archive(actor: Actor, id: string): Promise<CampaignView> {
    const campaign = await this.findForVendor(actor, id);
    if (campaign.status === 'archived') return campaignView(campaign);
    campaign.status = 'archived';
    campaign.archivedAt = this.clock.now();
    return campaignView(await this.campaigns.save(campaign));
  }

  async restore(actor: Actor, id: string): Promise<CampaignView> {
    const campaign = await this.findForVendor(actor, id);
    if (campaign.status !== 'archived') throw new ConflictError('Only an archived campaign can be restored');
    campaign.status = campaign.latestVersion ? 'published' : 'draft';
    campaign.archivedAt = null;
    return campaignView(await this.campaigns.save(campaign));
  }

  async delete(actor: Actor, id: string): Promise<void> {
    const campaign = await this.findForVendor(actor, id);
    if (await this.campaigns.hasLaunches(campaign.id)) throw new ConflictError('This campaign has been launched; archive it instead of deleting it');
    await this.campaigns.remove(campaign);
  }
}
