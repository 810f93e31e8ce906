import type { SocialDeliveryStatus, SocialNetwork, SocialPostSource } from '@tcma/persistence';

/** One network's publication of a post, as the calendar shows it. */
export interface SocialDeliveryView {
  id: string;
  network: SocialNetwork;
  status: SocialDeliveryStatus;
  attempts: number;
  nextAttemptAt: Date | null;
  remoteId: string | null;
  url: string | null;
  lastError: string | null;
  publishedAt: Date | null;
  /** People's clicks of the tracked links in this network's copy (preview fetchers and other machines not counted). */
  clicks: number;
  /** The partner's social connection chosen for this network; null: the most recently connected working one, when published. */
  connectionId: string | null;
  /** The chosen account's name (null when none was chosen, or it was removed since). */
  accountName: string | null;
}

export interface SocialPostView {
  id: string;
  vendorId: string;
  partnerId: string;
  /** The vendor's console lists every partner's posts together. */
  partnerName: string;
  campaignId: string;
  campaignName: string;
  version: number;
  assetId: string;
  copy: Partial<Record<SocialNetwork, string>>;
  dueAt: Date;
  timeZone: string;
  source: SocialPostSource;
  createdBy: string | null;
  pendingLaunchId: string | null;
  launchId: string | null;
  cancelledAt: Date | null;
  createdAt: Date;
  /** People's clicks of the post's tracked links, all networks. */
  clicks: number;
  deliveries: SocialDeliveryView[];
}

/** A tracked link of a post's copy for one network (libs/tracking SocialLinks). */
export interface NewSocialPostLink {
  /** Its short code. */
  id: string;
  network: SocialNetwork;
  linkIndex: number;
  target: string;
}

export interface NewSocialPost {
  id: string;
  vendorId: string;
  partnerId: string;
  campaignId: string;
  campaignVersionId: string;
  version: number;
  assetId: string;
  copy: Partial<Record<SocialNetwork, string>>;
  dueAt: Date;
  timeZone: string;
  createdBy: string | null;
  source: SocialPostSource;
  pendingLaunchId: string | null;
  launchId: string | null;
  networks: SocialNetwork[];
  /** The connection chosen per network (checked to be the partner's, on that network); absent: the default. */
  accounts: Partial<Record<SocialNetwork, string>>;
  links: NewSocialPostLink[];
}

/** A post with its networks' publications, its clicks the sum of theirs. */
export function withDeliveries<P extends object>(
  post: P,
  deliveries: SocialDeliveryView[],
): P & { clicks: number; deliveries: SocialDeliveryView[] } {
  return { ...post, clicks: deliveries.reduce((n, d) => n + d.clicks, 0), deliveries };
}
