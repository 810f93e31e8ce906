import type { CampaignContent } from '../hooks/use-edited-campaign';

/**
 * The assets whose text mentions `partner.<slot>`: a plain search of their stored fields, shown
 * as "mentioned in". The API does not say where a slot is used; this is no rule, only a hint.
 */
export function assetsMentioning(assets: CampaignContent['assets'], slot: string): string[] {
  if (!slot) return [];
  const mention = new RegExp(`partner\\.${slot.replace(/[^\w]/g, '')}(?![\\w])`);
  return assets.filter((a) => mention.test(JSON.stringify(a))).map((a) => a.name);
}
