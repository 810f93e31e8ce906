import { Asset } from './assets';
import { SequenceDefinition } from './sequence';
import { SlotDefinition } from './slots';

/** A named vendor link; templates reference it as {{links.<name>}} and it is tracked when sent. */
export interface LinkDefinition {
  name: string;
  url: string;
}

export interface Eligibility {
  /** Partner tiers that may launch the campaign; empty means every tier. */
  tiers: string[];
  /** Partner regions that may launch the campaign; empty means every region. */
  regions: string[];
}

/** Everything a published version freezes. */
export interface CampaignContent {
  name: string;
  description: string;
  tags: string[];
  language: string;
  eligibility: Eligibility;
  slots: SlotDefinition[];
  links: LinkDefinition[];
  assets: Asset[];
  sequence: SequenceDefinition | null;
}

/** `page`: the partner's landing page of this campaign (a campaign with a page asset), tracked like any link. */
export const RESERVED_LINK_NAMES = ['unsubscribe', 'view_in_browser', 'page', 'preferences'] as const;

export function emptyContent(name: string): CampaignContent {
  return {
    name,
    description: '',
    tags: [],
    language: 'en',
    eligibility: { tiers: [], regions: [] },
    slots: [],
    links: [],
    assets: [],
    sequence: null,
  };
}
