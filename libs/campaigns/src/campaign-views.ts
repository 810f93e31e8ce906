import type { CampaignContent } from '@tcma/campaign-model';
import type { CampaignEntity, CampaignStatus, CampaignVersionEntity } from '@tcma/persistence';

/** What vendor users see of a campaign: its state and its working draft, if any. */
export interface CampaignView {
  id: string;
  name: string;
  status: CampaignStatus;
  latestVersion: number | null;
  /** Draft revision; send it back in If-Match to make an edit conditional. */
  revision: number;
  draft: CampaignContent | null;
  createdAt: Date;
  updatedAt: Date;
  archivedAt: Date | null;
}

/** What partner users see: the latest published version only, never a draft. */
export interface PublishedCampaignView {
  id: string;
  name: string;
  version: number;
  publishedAt: Date;
  content: CampaignContent;
}

export interface CampaignVersionView {
  campaignId: string;
  version: number;
  publishedAt: Date;
  publishedBy: string | null;
  content: CampaignContent;
}

export const campaignView = (c: CampaignEntity): CampaignView => ({
  id: c.id,
  name: c.name,
  status: c.status,
  latestVersion: c.latestVersion,
  revision: c.draftRevision,
  draft: c.draft,
  createdAt: c.createdAt,
  updatedAt: c.updatedAt,
  archivedAt: c.archivedAt,
});

export const publishedView = (v: CampaignVersionEntity & { campaign?: CampaignEntity }): PublishedCampaignView => ({
  id: v.campaignId,
  name: v.content.name,
  version: v.version,
  publishedAt: v.publishedAt,
  content: v.content,
});

export const versionView = (v: CampaignVersionEntity): CampaignVersionView => ({
  campaignId: v.campaignId,
  version: v.version,
  publishedAt: v.publishedAt,
  publishedBy: v.publishedBy,
  content: v.content,
});
