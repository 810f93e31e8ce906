import { canonicalLanguage } from './language-tag';

/**
 * The language of a campaign's variants to send someone who reads `wanted` (a BCP 47 tag; null:
 * nobody said), from the `available` ones, the campaign's default first. RFC 4647's lookup:
 * the tag, then the tag cut a subtag at a time from its end (`zh-Hant-TW` → `zh-Hant` → `zh`);
 * then, closer than the default, the first available variant of the same language (`fr` finds
 * `fr-CA`); else the default. Tags compare in their canonical forms.
 */
export function closestLanguage(available: readonly string[], wanted: string | null): string {
  if (!available.length) throw new Error('a campaign has at least its default language');
  const byCanonical = new Map<string, string>();
  for (const tag of available) byCanonical.set((canonicalLanguage(tag) ?? tag).toLowerCase(), tag);
  const tag = wanted && canonicalLanguage(wanted)?.toLowerCase();
  if (!tag) return available[0];
  const subtags = tag.split('-');
  for (let n = subtags.length; n > 0; n--) {
    // A single-letter subtag (an extension's or private use's singleton) never ends a lookup key.
    if (subtags[n - 1].length === 1) continue;
    const found = byCanonical.get(subtags.slice(0, n).join('-'));
    if (found) return found;
  }
  const sameLanguage = [...byCanonical].find(([candidate]) => candidate.split('-')[0] === subtags[0]);
  return sameLanguage ? sameLanguage[1] : available[0];
}
