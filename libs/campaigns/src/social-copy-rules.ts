import {
  countSocialCopy,
  SOCIAL_COPY_LIMITS,
  SOCIAL_LINK_LENGTHS,
  SOCIAL_MAX_CHARACTER_WEIGHT,
  SOCIAL_NETWORKS,
  SocialNetwork,
} from '@tcma/campaign-model';
import { checkTextTemplate, maxLengthOf, TemplateVocabulary } from '@tcma/cobrand';
import type { Problem } from '@tcma/errors';

export const isSocialNetwork = (network: string): network is SocialNetwork =>
  (SOCIAL_NETWORKS as readonly string[]).includes(network);

/**
 * The longest a post's copy can get on a network once partners fill its slots with the longest
 * values they allow, counted as the network counts (countSocialCopy): the copy's own text
 * between the placeholders (each part counted apart, so no link runs across a placeholder),
 * plus per placeholder its slot's worst case: a website slot on X is a link (23), any other
 * value its longest length with each character at its heaviest (2 on X: a name in Chinese).
 * Block tags ({{#if}}, {{else}}) count nothing and both branches count, an over-estimate.
 */
export function longestSocialCopy(network: SocialNetwork, copy: string, vocabulary: TemplateVocabulary): number {
  const analysis = checkTextTemplate(copy, vocabulary, { allow: ['partner'] }).template;
  if (!analysis) return countSocialCopy(network, copy).length;
  let length = 0;
  let cursor = 0;
  for (const [start, end] of analysis.mustacheRanges) {
    if (start > cursor) length += countSocialCopy(network, copy.slice(cursor, start)).length;
    cursor = Math.max(cursor, end);
  }
  length += countSocialCopy(network, copy.slice(cursor)).length;
  const linkLength = SOCIAL_LINK_LENGTHS[network];
  for (const site of analysis.sites) {
    if (site.usage !== 'output' || site.ref.kind !== 'partner') continue;
    const slot = site.ref.slot;
    length +=
      slot.type === 'url' && linkLength !== null
        ? linkLength
        : maxLengthOf(slot) * SOCIAL_MAX_CHARACTER_WEIGHT[network];
  }
  return length;
}

/**
 * The rules a social asset's copy must satisfy, with paths under `path` (`assets[3].copy`):
 * known networks, only partner slots that read as text, and within each network's limit even
 * with the longest partner values. The same problems the save answers 422 with.
 */
export function checkSocialCopy(
  copy: Record<string, unknown>,
  vocabulary: TemplateVocabulary,
  path: string,
): Problem[] {
  const problems: Problem[] = [];
  const add = (at: string, message: string, line?: number) =>
    problems.push({ path: at, message, ...(line !== undefined ? { line } : {}) });
  for (const [network, text] of Object.entries(copy)) {
    const at = `${path}.${network}`;
    if (!isSocialNetwork(network)) {
      add(at, `unknown network; use ${SOCIAL_NETWORKS.join(', ')}`);
      continue;
    }
    if (typeof text !== 'string') continue;
    const checked = checkTextTemplate(text, vocabulary, { allow: ['partner'] });
    for (const p of checked.problems) add(p.path ? `${at}.${p.path}` : at, p.message, p.line);
    for (const site of checked.template?.sites ?? []) {
      if (site.ref.kind === 'partner' && (site.ref.slot.type === 'logo' || site.ref.slot.type === 'color'))
        add(at, `a ${site.ref.slot.type} slot cannot be used in post copy`, site.line);
    }
    const limit = SOCIAL_COPY_LIMITS[network];
    const longest = longestSocialCopy(network, text, vocabulary);
    if (longest > limit)
      add(at, `can reach ${longest} characters with the longest partner values; ${network} allows ${limit}`);
  }
  return problems;
}
