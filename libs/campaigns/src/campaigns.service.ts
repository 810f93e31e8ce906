import { Injectable, Optional } from '@nestjs/common';
import { CampaignContent, emptyContent, Eligibility } from '@tcma/campaign-model';
import { Clock } from '@tcma/clock';
import { ConflictError, InvalidError, NotFoundError } from '@tcma/errors';
import { CampaignRow, CampaignStatus, Found, PageWindow } from '@tcma/persistence';
import { BroadcastChannel, Broadcasts } from '@tcma/queue';
import { Actor, isPartnerRole, PartnersRepository, scopeOf } from '@tcma/tenancy';
import { checkCampaignContent } from './campaign-rules';
import {
  CampaignLibraryItem,
  CampaignVersionListItem,
  CampaignVersionView,
  CampaignView,
  campaignView,
  CatalogueSettings,
  PublishedCampaignView,
  publishedView,
  versionView,
} from './campaign-views';
import { CampaignChanges, CampaignsRepository } from './campaigns.repository';

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
  /** Vendor users only, like status. */
  tag?: string;
  language?: string;
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
    // Absent where there is no Redis (the CLI), and so no API process to tell.
    @Optional() private readonly broadcasts?: Broadcasts,
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
    return campaignView(
      await this.campaigns.create(scopeOf(actor), { name: draft.name, draft, createdBy: actor.userId }),
    );
  }

  /** A vendor user's campaign, or 404. */
  async findForVendor(actor: Actor, id: string): Promise<CampaignRow> {
    // Partner users never see a campaign itself (its drafts), only its published versions.
    const campaign = isPartnerRole(actor.role) ? null : await this.campaigns.find(scopeOf(actor), id);
    if (!campaign) throw new NotFoundError('Campaign');
    return campaign;
  }

  async get(actor: Actor, id: string): Promise<CampaignView | PublishedCampaignView> {
    if (isPartnerRole(actor.role)) return this.getPublished(actor, id);
    return campaignView(await this.findForVendor(actor, id));
  }

  async list(
    actor: Actor,
    input: ListCampaignsInput,
  ): Promise<{ items: Array<CampaignLibraryItem | PublishedCampaignView>; total: number }> {
    if (isPartnerRole(actor.role)) {
      const partner = await this.partners.find(scopeOf(actor), actor.partnerId ?? '');
      if (!partner) return { items: [], total: 0 };
      const page = await this.campaigns.listPublishedForPartner(scopeOf(actor), partner, input, this.clock.now());
      return { items: page.items.map(publishedView), total: page.total };
    }
    const page = await this.campaigns.list(scopeOf(actor), input);
    return {
      items: page.items.map((c) => ({
        ...campaignView(c),
        launches: c.launches,
        partnersUsing: c.partnersUsing,
        sent: c.sent,
        clicked: c.clicked,
      })),
      total: page.total,
    };
  }

  /** The latest published version, as a partner user may see it (eligible, not archived). */
  async getPublished(actor: Actor, id: string): Promise<PublishedCampaignView> {
    const partner = actor.partnerId ? await this.partners.find(scopeOf(actor), actor.partnerId) : null;
    const version = partner
      ? await this.campaigns.findPublishedForPartner(scopeOf(actor), partner, id, this.clock.now())
      : null;
    if (!version) throw new NotFoundError('Campaign');
    return publishedView(version);
  }

  /**
   * Sets the catalogue metadata (only the fields given; null clears a date). Takes effect at once,
   * without publishing. The end of the window must come after its start, as merged with what is stored.
   */
  async setCatalogue(actor: Actor, id: string, input: Partial<CatalogueSettings>): Promise<CampaignView> {
    const campaign = await this.findForVendor(actor, id);
    const from = input.availableFrom !== undefined ? input.availableFrom : campaign.availableFrom;
    const until = input.availableUntil !== undefined ? input.availableUntil : campaign.availableUntil;
    if (from && until && until <= from)
      throw new InvalidError('The catalogue settings are invalid', [
        { path: 'availableUntil', message: `must be after availableFrom (${from.toISOString()})` },
      ]);
    const changes: CampaignChanges = {};
    if (input.promoted !== undefined) changes.promoted = input.promoted;
    if (input.availableFrom !== undefined) changes.availableFrom = input.availableFrom;
    if (input.availableUntil !== undefined) changes.availableUntil = input.availableUntil;
    const updated = await this.campaigns.update(scopeOf(actor), campaign.id, changes);
    if (!updated) throw new NotFoundError('Campaign');
    return campaignView(updated);
  }

  async versions(actor: Actor, id: string, window: PageWindow): Promise<Found<CampaignVersionListItem>> {
    const campaign = await this.findForVendor(actor, id);
    const found = await this.campaigns.listVersions(scopeOf(actor), campaign.id, window);
    return {
      items: found.items.map((v) => ({
        ...versionView(v),
        publishedByEmail: v.publishedByEmail,
        launches: v.launches,
      })),
      total: found.total,
    };
  }

  async version(actor: Actor, id: string, version: number): Promise<CampaignVersionView> {
    const campaign = await this.findForVendor(actor, id);
    const found = await this.campaigns.findVersion(scopeOf(actor), campaign.id, version);
    if (!found) throw new NotFoundError('Campaign version');
    return versionView(found);
  }

  /** Archived campaigns stay readable (launches pin their versions) but cannot be edited or launched. */
  async archive(actor: Actor, id: string): Promise<CampaignView> {
    const campaign = await this.findForVendor(actor, id);
    if (campaign.status === 'archived') return campaignView(campaign);
    return campaignView(await this.updated(actor, campaign.id, { status: 'archived', archivedAt: this.clock.now() }));
  }

  async restore(actor: Actor, id: string): Promise<CampaignView> {
    const campaign = await this.findForVendor(actor, id);
    if (campaign.status !== 'archived') throw new ConflictError('Only an archived campaign can be restored');
    return campaignView(
      await this.updated(actor, campaign.id, {
        status: campaign.latestVersion ? 'published' : 'draft',
        archivedAt: null,
      }),
    );
  }

  async delete(actor: Actor, id: string): Promise<void> {
    const campaign = await this.findForVendor(actor, id);
    if (await this.campaigns.hasLaunches(scopeOf(actor), campaign.id))
      throw new ConflictError('This campaign has been launched; archive it instead of deleting it');
    await this.campaigns.delete(scopeOf(actor), campaign.id);
    // Its social posts and their short links went with it: no API process may keep redirecting them.
    await this.broadcasts?.publish(BroadcastChannel.SocialLinksGone, { campaigns: [campaign.id] });
  }

  private async updated(actor: Actor, id: string, changes: CampaignChanges): Promise<CampaignRow> {
    const campaign = await this.campaigns.update(scopeOf(actor), id, changes);
    if (!campaign) throw new NotFoundError('Campaign');
    return campaign;
  }
}
