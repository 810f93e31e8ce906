import { countSocialCopy, SOCIAL_COPY_LIMITS, SocialNetwork } from '@tcma/campaign-model';

/** A link written with its scheme, up to the next blank; sentence punctuation after it is not part of it. */
const LINK = /\bhttps?:\/\/[^\s<>"]+/giu;
const TRAILING = /[.,:;!?'")\]}]+$/u;

export interface LinkTags {
  network: SocialNetwork;
  /** The campaign's slug (utm_campaign). */
  campaign: string;
  /** The post's reference (utm_content): it also makes each post's text unique, which is how a lost answer is settled. */
  post: string;
}

/**
 * Post copy with each link tagged for analytics: utm_source (the network), utm_medium=social,
 * utm_campaign and utm_content (the post). Parameters already in a link are kept. When tagging
 * would take the copy past the network's limit, the copy is returned as it was.
 */
export function tagSocialLinks(text: string, tags: LinkTags): string {
  const tagged = text.replace(LINK, (match) => {
    const trailing = TRAILING.exec(match)?.[0] ?? '';
    const link = trailing ? match.slice(0, -trailing.length) : match;
    let url: URL;
    try {
      url = new URL(link);
    } catch {
      return match;
    }
    const add: Record<string, string> = { utm_source: tags.network, utm_medium: 'social', utm_campaign: tags.campaign, utm_content: tags.post };
    for (const [k, v] of Object.entries(add)) if (!url.searchParams.has(k)) url.searchParams.set(k, v);
    return `${url.href}${trailing}`;
  });
  return countSocialCopy(tags.network, tagged).length <= SOCIAL_COPY_LIMITS[tags.network] ? tagged : text;
}
