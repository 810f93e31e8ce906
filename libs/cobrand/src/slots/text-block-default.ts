import type { SlotDefinition } from '@tcma/campaign-model';
import { canonicalLanguage, closestLanguage } from '@tcma/translation';

/** A text_block's default text for some readers, and which of its `defaults` it is (null: its `fallback`). */
export interface TextBlockDefault {
  language: string | null;
  text: string | null;
}

const primaryOf = (tag: string): string => (canonicalLanguage(tag) ?? tag).toLowerCase().split('-')[0];

/**
 * The default text of a text_block for the readers of `language` (the language of the email
 * variant they get; null or empty: the campaign's own): the default of the closest of its
 * languages, by the same closestLanguage match that chose the variant (`fr-CA` finds `fr`,
 * `fr` finds `fr-CA`), else its fallback. closestLanguage answers its first language when none
 * matches; every match it makes shares the primary language, so one that does not is none.
 */
export function textBlockDefault(
  slot: Pick<SlotDefinition, 'fallback' | 'defaults'>,
  language: string | null | undefined,
): TextBlockDefault {
  const fallback = { language: null, text: slot.fallback ?? null };
  const defaults = slot.defaults ?? {};
  const tags = Object.keys(defaults);
  const wanted = language ? canonicalLanguage(language) : null;
  if (!tags.length || !wanted) return fallback;
  const chosen = closestLanguage(tags, wanted);
  return primaryOf(chosen) === primaryOf(wanted) ? { language: chosen, text: defaults[chosen] } : fallback;
}
