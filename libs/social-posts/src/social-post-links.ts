import { countSocialCopy, SOCIAL_COPY_LIMITS, SocialNetwork } from '@tcma/campaign-model';

/** A link written with its scheme, up to the next blank; sentence punctuation after it is not part of it. */
const LINK = /\bhttps?:\/\/[^\s<>"]+/giu;
const TRAILING = /[.,:;!?'")\]}]+$/u;

export interface LinkTags {
  network: SocialNetwork;
  /** The campaign's slug (utm_campaign). */
  campaign: string;
  /** The post's reference (utm_content). */
  post: string;
}

/** One link of a post's copy for one network: where the short link sends a click (the original, tagged). */
export interface TrackedLink {
  /** Its place among the copy's links, from 0. */
  index: number;
  target: string;
  /** The short tracked link that replaced it in the copy. */
  short: string;
}

export interface TrackedCopy {
  text: string;
  /** Empty when the copy has no link, or when tracking would take it past the network's limit. */
  links: TrackedLink[];
}

/**
 * Post copy with each link replaced by a short tracked link (`shortLink(index)`, on the engine's
 * public address), which redirects to the link tagged for analytics: utm_source (the network),
 * utm_medium=social, utm_campaign and utm_content (the post); parameters already in a link are
 * kept. The tags travel in the redirect, not in the copy, so the copy stays short where a
 * network counts a link's real length (LinkedIn, Facebook; X counts every link as 23). When the
 * tracked copy would still pass the network's limit, the copy is returned as it was, untracked.
 */
export function trackSocialLinks(text: string, tags: LinkTags, shortLink: (index: number) => string): TrackedCopy {
  const links: TrackedLink[] = [];
  const tracked = text.replace(LINK, (match) => {
    const trailing = TRAILING.exec(match)?.[0] ?? '';
    const target = tagLink(trailing ? match.slice(0, -trailing.length) : match, tags);
    if (target === null) return match;
    const link = { index: links.length, target, short: shortLink(links.length) };
    links.push(link);
    return `${link.short}${trailing}`;
  });
  if (!links.length || countSocialCopy(tags.network, tracked).length > SOCIAL_COPY_LIMITS[tags.network])
    return { text, links: [] };
  return { text: tracked, links };
}

/** The link with the analytics tags it does not already carry; null when it is not a URL. */
export function tagLink(link: string, tags: LinkTags): string | null {
  let url: URL;
  try {
    url = new URL(link);
  } catch {
    return null;
  }
  const add: Record<string, string> = {
    utm_source: tags.network,
    utm_medium: 'social',
    utm_campaign: tags.campaign,
    utm_content: tags.post,
  };
  for (const [k, v] of Object.entries(add)) if (!url.searchParams.has(k)) url.searchParams.set(k, v);
  return url.href;
}
