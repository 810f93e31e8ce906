import type { CampaignContent } from '@tcma/campaign-model';
import type { CampaignRow, CampaignStatus, CampaignVersionRow } from '@tcma/persistence';
import type { CampaignUsage } from './campaigns.repository';

/** What vendor users see of a campaign: its state and its working draft, if any. */
export interface CampaignView {
  id: string;
  name: string;
  /** The campaign's part of its landing pages' addresses; made from the first name, never changed. */
  slug: string;
  status: CampaignStatus;
  latestVersion: number | null;
  /** Draft revision; send it back in If-Match to make an edit conditional. */
  revision: number;
  draft: CampaignContent | null;
  createdAt: Date;
  updatedAt: Date;
  archivedAt: Date | null;
  catalogue: CatalogueSettings;
}

/** How the campaign shows in partners' catalogues: set on the campaign at any time, never versioned. */
export interface CatalogueSettings {
  promoted: boolean;
  availableFrom: Date | null;
  availableUntil: Date | null;
}

/** What partner users see: the latest published version only, never a draft. */
export interface PublishedCampaignView {
  id: string;
  name: string;
  version: number;
  publishedAt: Date;
  content: CampaignContent;
}

/** A campaign in the vendor's library: its view with how it is used and its headline results. */
export type CampaignLibraryItem = CampaignView & CampaignUsage;

/** A version in a campaign's versions list: who published it, readable, and how many launches pin it. */
export type CampaignVersionListItem = CampaignVersionView & { publishedByEmail: string | null; launches: number };

export interface CampaignVersionView {
  campaignId: string;
  version: number;
  publishedAt: Date;
  publishedBy: string | null;
  content: CampaignContent;
}

export const campaignView = (c: CampaignRow): CampaignView => ({
  id: c.id,
  name: c.name,
  slug: c.slug,
  status: c.status,
  latestVersion: c.latestVersion,
  revision: c.draftRevision,
  draft: c.draft,
  createdAt: c.createdAt,
  updatedAt: c.updatedAt,
  archivedAt: c.archivedAt,
  catalogue: { promoted: c.promoted, availableFrom: c.availableFrom, availableUntil: c.availableUntil },
});

/** Whether partners may see and launch the campaign at `now`; the problem with its field when not. */
export function availabilityProblem(
  c: Pick<CampaignRow, 'availableFrom' | 'availableUntil'>,
  now: Date,
): { path: string; message: string } | null {
  if (c.availableFrom && now < c.availableFrom)
    return { path: 'availableFrom', message: `the campaign is available from ${c.availableFrom.toISOString()}` };
  if (c.availableUntil && now >= c.availableUntil)
    return { path: 'availableUntil', message: `the campaign was available until ${c.availableUntil.toISOString()}` };
  return null;
}

export const publishedView = (v: CampaignVersionRow): PublishedCampaignView => ({
  id: v.campaignId,
  name: v.content.name,
  version: v.version,
  publishedAt: v.publishedAt,
  content: v.content,
});

export const versionView = (v: CampaignVersionRow): CampaignVersionView => ({
  campaignId: v.campaignId,
  version: v.version,
  publishedAt: v.publishedAt,
  publishedBy: v.publishedBy,
  content: v.content,
});
