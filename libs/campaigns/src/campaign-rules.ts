import {
  Asset,
  CampaignContent,
  MAX_SEQUENCE_STEPS,
  RESERVED_LINK_NAMES,
  SequenceDefinition,
  SLOT_NAME_PATTERN,
  SLOT_TYPES,
  STEP_CONDITIONS,
  TEXT_BLOCK_APPROVALS,
  TEXT_BLOCK_MAX_DEFAULTS,
  TEXT_BLOCK_MAX_LENGTH,
  TEXT_SLOT_MAX_LENGTH,
  WEEKDAYS,
} from '@tcma/campaign-model';
import {
  analyzeTemplate,
  derivedColorNames,
  normalizeHttpUrl,
  normalizeSlotValue,
  TemplateVocabulary,
  vocabularyOf,
} from '@tcma/cobrand';
import type { Problem } from '@tcma/errors';
import { canonicalLanguage } from '@tcma/translation';
import { checkAssets, CheckScope } from './asset-rules';
import { LIMITS } from './campaign-limits';
import { Problems } from './rule-problems';

export { LIMITS } from './campaign-limits';
export type { CheckScope } from './asset-rules';

/** Names that would collide with object internals wherever values are looked up by name. */
const RESERVED_SLOT_NAMES = new Set([
  'constructor',
  'prototype',
  'hasownproperty',
  'tostring',
  'valueof',
  'isprototypeof',
  'tolocalestring',
  'custom',
]);
const LANGUAGE = /^[a-z]{2,3}(-[A-Za-z0-9]{2,8})*$/;
const TIME = /^([01]\d|2[0-3]):[0-5]\d$/;

export type CheckMode = 'save' | 'publish';

function checkMetadata(c: CampaignContent, out: Problems): void {
  if (!c.name.trim()) out.add('name', 'must not be empty');
  if (c.name.length > LIMITS.nameLength) out.add('name', `must be at most ${LIMITS.nameLength} characters`);
  if (c.description.length > LIMITS.descriptionLength)
    out.add('description', `must be at most ${LIMITS.descriptionLength} characters`);
  if (c.tags.length > LIMITS.tags) out.add('tags', `at most ${LIMITS.tags} tags`);
  c.tags.forEach((t, i) => {
    if (!t.trim() || t.length > LIMITS.tagLength) out.add(`tags[${i}]`, `must be 1 to ${LIMITS.tagLength} characters`);
  });
  if (!LANGUAGE.test(c.language)) out.add('language', 'must be a language tag such as en or pt-BR');
  for (const key of ['tiers', 'regions'] as const) {
    if (c.eligibility[key].length > LIMITS.eligibilityEntries)
      out.add(`eligibility.${key}`, `at most ${LIMITS.eligibilityEntries} entries`);
  }
}

/**
 * A text_block's defaults in other languages: each keyed by a canonical BCP 47 tag other than the
 * campaign's own (whose default is the fallback) and checked as the fallback is. Publishing also
 * needs each to be a language an email of the campaign has a variant in: no reader gets another
 * (a draft may give the default before the variant).
 */
function checkTextBlockDefaults(
  c: CampaignContent,
  defaults: unknown,
  slot: CampaignContent['slots'][number],
  path: string,
  mode: CheckMode,
  out: Problems,
): void {
  if (typeof defaults !== 'object' || defaults === null || Array.isArray(defaults)) {
    out.add(path, 'must be an object of language tags to texts');
    return;
  }
  const entries = Object.entries(defaults as Record<string, unknown>);
  if (entries.length > TEXT_BLOCK_MAX_DEFAULTS) out.add(path, `at most ${TEXT_BLOCK_MAX_DEFAULTS} languages`);
  const variants = new Set(
    c.assets.flatMap((a) => (a.kind === 'email' ? Object.keys(a.variants ?? {}) : [])).map((l) => l.toLowerCase()),
  );
  for (const [language, text] of entries) {
    const at = `${path}.${language}`;
    if (canonicalLanguage(language) !== language)
      out.add(at, 'must be keyed by a BCP 47 language tag in its canonical form, such as de, fr-CA or pt-BR');
    else if (language.toLowerCase() === c.language.toLowerCase())
      out.add(at, `is the campaign's own language (${c.language}): its default is the fallback`);
    else if (mode === 'publish' && !variants.has(language.toLowerCase()))
      out.add(at, "is not a language of the campaign's emails: none has a variant in it");
    if (typeof text !== 'string' || !text.trim()) {
      out.add(at, 'must be a text');
      continue;
    }
    const result = normalizeSlotValue(slot, text);
    if (!result.ok) out.add(at, result.message);
  }
}

function checkSlots(c: CampaignContent, mode: CheckMode, out: Problems): void {
  if (c.slots.length > LIMITS.slots) out.add('slots', `at most ${LIMITS.slots} slots`);
  const seen = new Set<string>();
  const derived = new Map(c.slots.flatMap((s) => derivedColorNames(s).map((name) => [name, s.name] as const)));
  c.slots.forEach((slot, i) => {
    const path = `slots[${i}]`;
    if (!SLOT_NAME_PATTERN.test(slot.name))
      out.add(`${path}.name`, 'must be lower-case letters, digits and _ (starting with a letter, at most 40)');
    else if (RESERVED_SLOT_NAMES.has(slot.name.toLowerCase())) out.add(`${path}.name`, `"${slot.name}" is reserved`);
    if (seen.has(slot.name)) out.add(`${path}.name`, `duplicate slot name "${slot.name}"`);
    if (derived.has(slot.name))
      out.add(
        `${path}.name`,
        `"${slot.name}" is the name of a colour derived from the colour slot ${derived.get(slot.name)}`,
      );
    seen.add(slot.name);
    if (!(SLOT_TYPES as readonly string[]).includes(slot.type)) {
      out.add(`${path}.type`, `must be one of ${SLOT_TYPES.join(', ')}`);
      return;
    }
    const lengthLimit =
      slot.type === 'text' ? TEXT_SLOT_MAX_LENGTH : slot.type === 'text_block' ? TEXT_BLOCK_MAX_LENGTH : null;
    if (
      slot.maxLength !== undefined &&
      (lengthLimit === null || !Number.isInteger(slot.maxLength) || slot.maxLength < 1 || slot.maxLength > lengthLimit)
    ) {
      out.add(
        `${path}.maxLength`,
        lengthLimit !== null ? `must be between 1 and ${lengthLimit}` : 'applies to text and text_block slots only',
      );
    }
    if (slot.type !== 'text_block') {
      if (slot.allowLinks !== undefined) out.add(`${path}.allowLinks`, 'applies to text_block slots only');
      if (slot.approval !== undefined) out.add(`${path}.approval`, 'applies to text_block slots only');
      if (slot.defaults !== undefined) out.add(`${path}.defaults`, 'applies to text_block slots only');
    } else if (slot.approval !== undefined && !(TEXT_BLOCK_APPROVALS as readonly string[]).includes(slot.approval)) {
      out.add(`${path}.approval`, `must be one of ${TEXT_BLOCK_APPROVALS.join(', ')}`);
    }
    if (slot.type === 'text_block' && slot.defaults !== undefined)
      checkTextBlockDefaults(c, slot.defaults, slot, `${path}.defaults`, mode, out);
    if (slot.fallback !== undefined && slot.fallback !== null) {
      if (slot.type === 'logo')
        out.add(
          `${path}.fallback`,
          'logo slots cannot have a fallback; make the slot required or guard it with {{#if}}',
        );
      else {
        const result = normalizeSlotValue(slot, slot.fallback);
        if (!result.ok) out.add(`${path}.fallback`, result.message);
      }
    }
  });
}

function checkLinks(c: CampaignContent, out: Problems): void {
  if (c.links.length > LIMITS.links) out.add('links', `at most ${LIMITS.links} links`);
  const seen = new Set<string>();
  c.links.forEach((link, i) => {
    const path = `links[${i}]`;
    if (!SLOT_NAME_PATTERN.test(link.name))
      out.add(`${path}.name`, 'must be lower-case letters, digits and _ (starting with a letter, at most 40)');
    if ((RESERVED_LINK_NAMES as readonly string[]).includes(link.name))
      out.add(`${path}.name`, `"${link.name}" is reserved`);
    if (seen.has(link.name)) out.add(`${path}.name`, `duplicate link name "${link.name}"`);
    seen.add(link.name);
    const url = normalizeHttpUrl(link.url);
    if (!url.ok) out.add(`${path}.url`, url.message);
  });
}

/**
 * One landing page per campaign (its address is the partner's and the campaign's), which
 * {{links.page}} needs by the time the campaign is published (a draft may add the email first).
 */
function checkPageLinks(c: CampaignContent, vocabulary: TemplateVocabulary, mode: CheckMode, out: Problems): void {
  const pages = c.assets.filter((a) => a.kind === 'page');
  if (pages.length > 1)
    out.add('assets', 'a campaign has at most one landing page (its address is /p/<partner>/<campaign>)');
  if (pages.length || mode !== 'publish') return;
  for (const [i, asset] of c.assets.entries()) {
    if (asset.kind !== 'email') continue;
    const site = analyzeTemplate(asset.mjml, vocabulary).sites.find(
      (s) => s.ref.kind === 'link' && s.ref.name === 'page',
    );
    if (site)
      out.add(
        `assets[${i}].mjml`,
        "{{links.page}} links to the campaign's landing page: add a page asset first",
        site.line,
      );
  }
}

function checkSequence(
  sequence: SequenceDefinition,
  assets: Asset[],
  c: CampaignContent,
  mode: CheckMode,
  out: Problems,
): void {
  const emails = new Set(assets.filter((a) => a.kind === 'email').map((a) => a.id));
  if (sequence.steps.length > MAX_SEQUENCE_STEPS) out.add('sequence.steps', `at most ${MAX_SEQUENCE_STEPS} steps`);
  if (mode === 'publish' && sequence.steps.length === 0)
    out.add('sequence.steps', 'a sequence needs at least one step');
  const ids = new Set<string>();
  sequence.steps.forEach((step, i) => {
    const at = `sequence.steps[${i}]`;
    if (ids.has(step.id)) out.add(`${at}.id`, `duplicate step id "${step.id}"`);
    ids.add(step.id);
    if (!emails.has(step.emailAssetId)) out.add(`${at}.emailAssetId`, `no email asset with id "${step.emailAssetId}"`);
    const wait = step.wait;
    if (wait.type === 'duration') {
      const minutes = (wait.days ?? 0) * 1440 + (wait.hours ?? 0) * 60 + (wait.minutes ?? 0);
      if ([wait.days, wait.hours, wait.minutes].some((n) => n !== undefined && (!Number.isInteger(n) || n < 0)))
        out.add(`${at}.wait`, 'days, hours and minutes must be whole non-negative numbers');
      else if (minutes > LIMITS.maxWaitDays * 1440) out.add(`${at}.wait`, `must be at most ${LIMITS.maxWaitDays} days`);
    } else if (wait.type === 'next_weekday') {
      if (!(WEEKDAYS as readonly string[]).includes(wait.weekday))
        out.add(`${at}.wait.weekday`, `must be one of ${WEEKDAYS.join(', ')}`);
      if (!TIME.test(wait.time)) out.add(`${at}.wait.time`, 'must be HH:MM (24-hour)');
    } else {
      out.add(`${at}.wait.type`, 'must be duration or next_weekday');
    }
    if (step.window) {
      const w = step.window;
      if (!w.days.length || w.days.some((d) => !(WEEKDAYS as readonly string[]).includes(d)))
        out.add(`${at}.window.days`, `must list days among ${WEEKDAYS.join(', ')}`);
      if (!(
        Number.isInteger(w.startHour) &&
        Number.isInteger(w.endHour) &&
        w.startHour >= 0 &&
        w.endHour <= 24 &&
        w.startHour < w.endHour
      )) {
        out.add(`${at}.window`, 'startHour and endHour must be whole hours with 0 ≤ startHour < endHour ≤ 24');
      }
    }
    const condition = step.condition ?? 'always';
    if (!(STEP_CONDITIONS as readonly string[]).includes(condition))
      out.add(`${at}.condition`, `must be one of ${STEP_CONDITIONS.join(', ')}`);
    else if (i === 0 && condition !== 'always')
      out.add(`${at}.condition`, 'the first step has no previous email to depend on');
  });
  const exit = sequence.exit;
  if (exit.clickedLink && !c.links.some((l) => l.name === exit.clickedLink))
    out.add('sequence.exit.clickedLink', `no campaign link named "${exit.clickedLink}"`);
}

/**
 * Every rule a campaign's content must satisfy. "save" checks that what is there is
 * consistent; "publish" also checks that the campaign is complete enough to launch.
 */
export async function checkCampaignContent(
  content: CampaignContent,
  mode: CheckMode,
  scope?: CheckScope,
): Promise<Problem[]> {
  const out = new Problems();
  checkMetadata(content, out);
  checkSlots(content, mode, out);
  checkLinks(content, out);
  const vocabulary = vocabularyOf(content);
  await checkAssets(content, vocabulary, out, scope);
  checkPageLinks(content, vocabulary, mode, out);
  if (content.sequence) checkSequence(content.sequence, content.assets, content, mode, out);
  if (mode === 'publish' && content.assets.length === 0)
    out.add('assets', 'a campaign needs at least one asset to be published');
  return out.list;
}
