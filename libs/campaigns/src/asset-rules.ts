import {
  ALIGNMENTS,
  CampaignContent,
  EmailAsset,
  MAX_EMAIL_VARIANTS,
  PageAsset,
  PdfAsset,
  PdfSlotRect,
  SlotRect,
  SocialAsset,
} from '@tcma/campaign-model';
import { checkEmailAsset, checkPageAsset, normalizeColor, TemplateVocabulary } from '@tcma/cobrand';
import { canonicalLanguage } from '@tcma/translation';
import { LIMITS } from './campaign-limits';
import { checkPageVariant } from './page-variant-rules';
import { Problems } from './rule-problems';
import { checkSocialCopy } from './social-copy-rules';

/**
 * The rules of a campaign's assets, each with its language variants: an email's MJML, a PDF's
 * and a social post's rectangles and copy, a page's markup and form (campaign-rules.ts runs them).
 */

/** Slot types that can be drawn into a rectangle of a PDF page or social image. */
const DRAWABLE_SLOT_TYPES = new Set(['logo', 'text', 'url', 'email', 'phone', 'address']);
/**
 * A change to one part of a saved draft: the assets' own rules (an MJML compile per email) run
 * only for the asset changed (null: none). The others were checked when saved, against the same
 * slots and links, so they would answer nothing new: the editor's checks stay fast.
 */
export interface CheckScope {
  changedAsset: number | null;
}

function checkRects<R extends SlotRect>(
  rects: R[],
  bounds: (rect: R) => { width: number; height: number } | string,
  vocabulary: TemplateVocabulary,
  path: string,
  out: Problems,
): void {
  if (rects.length > LIMITS.rectsPerAsset) out.add(path, `at most ${LIMITS.rectsPerAsset} slot rectangles`);
  rects.forEach((rect, i) => {
    const at = `${path}[${i}]`;
    const slot = vocabulary.slots.get(rect.slot);
    if (!slot) out.add(`${at}.slot`, `unknown slot "${rect.slot}"`);
    else if (!DRAWABLE_SLOT_TYPES.has(slot.type))
      out.add(`${at}.slot`, `a ${slot.type} slot cannot be drawn into a rectangle`);
    if (!(ALIGNMENTS as readonly string[]).includes(rect.align))
      out.add(`${at}.align`, `must be one of ${ALIGNMENTS.join(', ')}`);
    if (rect.textColor !== undefined && !normalizeColor(rect.textColor).ok)
      out.add(`${at}.textColor`, 'must be a hex colour');
    if (rect.maxFontSize !== undefined && (rect.maxFontSize < 4 || rect.maxFontSize > 200))
      out.add(`${at}.maxFontSize`, 'must be between 4 and 200');
    const area = bounds(rect);
    if (typeof area === 'string') {
      out.add(at, area);
      return;
    }
    if (!(rect.width > 0 && rect.height > 0)) out.add(at, 'width and height must be positive');
    if (
      rect.x < 0 ||
      rect.y < 0 ||
      rect.x + rect.width > area.width + 1e-6 ||
      rect.y + rect.height > area.height + 1e-6
    ) {
      out.add(at, `the rectangle must lie within ${area.width} × ${area.height}`);
    }
  });
}

function checkPdf(
  asset: PdfAsset,
  vocabulary: TemplateVocabulary,
  language: string,
  path: string,
  out: Problems,
): void {
  const check = (file: PdfAsset['file'], rects: PdfSlotRect[], at: string) =>
    checkRects(
      rects,
      (rect) => {
        const page = Number.isInteger(rect.page) ? file.pages[rect.page - 1] : undefined;
        return page ?? `page must be between 1 and ${file.pages.length}`;
      },
      vocabulary,
      at,
      out,
    );
  check(asset.file, asset.slots, `${path}.slots`);
  // A variant drawn at the default's rectangles is checked against its own file's pages.
  for (const [tag, v] of variantsOf(asset, language, path, out))
    check(v.file, v.slots ?? asset.slots, `${path}.variants.${tag}.slots`);
}

function checkSocial(
  asset: SocialAsset,
  vocabulary: TemplateVocabulary,
  language: string,
  path: string,
  out: Problems,
): void {
  const check = (image: SocialAsset['image'], rects: SlotRect[], at: string) =>
    checkRects(rects, () => ({ width: image.width, height: image.height }), vocabulary, at, out);
  check(asset.image, asset.slots, `${path}.slots`);
  out.list.push(...checkSocialCopy(asset.copy, vocabulary, `${path}.copy`));
  for (const [tag, v] of variantsOf(asset, language, path, out)) {
    if (v.image) check(v.image, v.slots ?? asset.slots, `${path}.variants.${tag}.slots`);
    out.list.push(...checkSocialCopy(v.copy, vocabulary, `${path}.variants.${tag}.copy`));
  }
}

/**
 * An asset's variants, each key checked as it is reached (canonical BCP 47, not the campaign's
 * own language), so that each variant's problems come together; at most MAX_EMAIL_VARIANTS.
 */
function* variantsOf<V>(
  asset: { variants?: Record<string, V> },
  campaignLanguage: string,
  path: string,
  out: Problems,
): Generator<[string, V]> {
  const variants = Object.entries(asset.variants ?? {});
  if (variants.length > MAX_EMAIL_VARIANTS)
    out.add(`${path}.variants`, `at most ${MAX_EMAIL_VARIANTS} languages besides the campaign's own`);
  for (const [language, variant] of variants) {
    const at = `${path}.variants.${language}`;
    if (canonicalLanguage(language) !== language)
      out.add(at, 'must be keyed by a BCP 47 language tag in its canonical form, such as de, fr-CA or pt-BR');
    else if (language.toLowerCase() === campaignLanguage.toLowerCase())
      out.add(at, `is in the campaign's own language (${campaignLanguage}): the asset itself is that`);
    yield [language, variant];
  }
}

export async function checkAssets(
  c: CampaignContent,
  vocabulary: TemplateVocabulary,
  out: Problems,
  scope?: CheckScope,
): Promise<void> {
  if (c.assets.length > LIMITS.assets) out.add('assets', `at most ${LIMITS.assets} assets`);
  const ids = new Set<string>();
  for (const [i, asset] of c.assets.entries()) {
    const path = `assets[${i}]`;
    if (ids.has(asset.id)) out.add(`${path}.id`, `duplicate asset id "${asset.id}"`);
    ids.add(asset.id);
    if (!asset.name.trim()) out.add(`${path}.name`, 'must not be empty');
    if (scope && scope.changedAsset !== i) continue;
    if (asset.kind === 'email') await checkEmail(asset, c.language, vocabulary, path, out);
    else if (asset.kind === 'pdf') checkPdf(asset, vocabulary, c.language, path, out);
    else if (asset.kind === 'page') checkPage(asset, vocabulary, c.language, path, out);
    else checkSocial(asset, vocabulary, c.language, path, out);
  }
}

/** A page and each of its language variants (page-variant-rules.ts). */
function checkPage(
  asset: PageAsset,
  vocabulary: TemplateVocabulary,
  language: string,
  path: string,
  out: Problems,
): void {
  out.addAll(path, checkPageAsset(asset, vocabulary));
  for (const [tag, variant] of variantsOf(asset, language, path, out))
    out.addAll(`${path}.variants.${tag}`, checkPageVariant(asset, tag, variant, vocabulary));
}

/**
 * An email and each of its language variants by the same rules (a variant is the same email in
 * other words): keyed by a canonical BCP 47 tag other than the campaign's own language.
 */
async function checkEmail(
  asset: EmailAsset,
  campaignLanguage: string,
  vocabulary: TemplateVocabulary,
  path: string,
  out: Problems,
): Promise<void> {
  out.addAll(path, await checkEmailAsset(asset, vocabulary));
  for (const [language, variant] of variantsOf(asset, campaignLanguage, path, out)) {
    const at = `${path}.variants.${language}`;
    out.addAll(at, await checkEmailAsset(variant, vocabulary));
  }
}
