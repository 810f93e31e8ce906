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
  /**
   * Versions only: what the publisher chose for each language that was incomplete when published
   * (an email's variant missing, stale or a model's draft not yet reviewed). `fallback`: those
   * emails go out in the campaign's language, the language's other emails as translated;
   * `hold`: the language is held back, its readers get the closest other language. A draft
   * opened from the version starts without them: the next publish asks again.
   */
  languageChoices?: Record<string, LanguageChoice>;
}

export const LANGUAGE_CHOICES = ['fallback', 'hold'] as const;
export type LanguageChoice = (typeof LANGUAGE_CHOICES)[number];

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
