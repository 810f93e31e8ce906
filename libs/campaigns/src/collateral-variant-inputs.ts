import type { PageAsset, PageVariant, PdfAsset, PdfVariant, SocialAsset, SocialVariant } from '@tcma/campaign-model';
import { InvalidError } from '@tcma/errors';
import type { Problem } from '@tcma/errors';
import { canonicalLanguage, collateralDigest } from '@tcma/translation';
import { isDeepStrictEqual } from 'node:util';
import { PageVariantInput, pickPdfRect, pickRect, PdfVariantInput, SocialVariantInput } from './draft-inputs';

/** What saving a PDF's or social post's variants needs besides the input. */
export interface VariantContext<F> {
  campaignLanguage: string;
  now: Date;
  /** The uploaded file an id names, refused at `path` unless of the kind the asset needs. */
  file: (fileId: string, path: string) => Promise<F>;
}

/**
 * A PDF's variants as given (absent: the ones it had), keyed by canonical language. A variant
 * saved unchanged keeps when it was saved and which default it translated, so it shows stale
 * once the default changed, until it is changed too or `confirmCurrent` says a person checked it.
 */
export async function pdfVariantsOf(
  input: PdfVariantInput[] | undefined,
  previous: PdfAsset | undefined,
  next: PdfAsset,
  context: VariantContext<PdfAsset['file']>,
): Promise<Record<string, PdfVariant> | undefined> {
  if (!input) return previous?.variants;
  const languages = languagesOf(input, context.campaignLanguage);
  const variants: Record<string, PdfVariant> = {};
  for (const [i, v] of input.entries()) {
    const prior = previous?.variants?.[languages[i]];
    const path = `variants[${i}].fileId`;
    // Without a file id, the variant keeps the file it has (the console saves a variant it did not change so).
    if (!v.fileId && !prior)
      throw new InvalidError('A new language needs its PDF', [{ path, message: 'is required for a new language' }]);
    const file = v.fileId ? await context.file(v.fileId, path) : prior!.file;
    const saved = { file, ...(v.slots ? { slots: v.slots.map(pickPdfRect) } : {}) };
    const unchanged = prior && prior.file.key === file.key && isDeepStrictEqual(prior.slots, saved.slots);
    variants[languages[i]] = { ...saved, ...provenance(prior, unchanged, v.confirmCurrent, next, context.now) };
  }
  return Object.keys(variants).length ? variants : undefined;
}

/** A social post's variants as given (absent: the ones it had); see pdfVariantsOf. */
export async function socialVariantsOf(
  input: SocialVariantInput[] | undefined,
  previous: SocialAsset | undefined,
  next: SocialAsset,
  context: VariantContext<SocialAsset['image']>,
): Promise<Record<string, SocialVariant> | undefined> {
  if (!input) return previous?.variants;
  const languages = languagesOf(input, context.campaignLanguage);
  const variants: Record<string, SocialVariant> = {};
  for (const [i, v] of input.entries()) {
    const prior = previous?.variants?.[languages[i]];
    // An id: its own image; null: the default's; absent: the image it had (its own, or the default's).
    const image = v.fileId
      ? await context.file(v.fileId, `variants[${i}].fileId`)
      : v.fileId === null
        ? undefined
        : prior?.image;
    const slots = v.fileId ? v.slots : v.fileId === null ? undefined : (v.slots ?? prior?.slots);
    const saved = {
      copy: { ...v.copy },
      ...(image ? { image } : {}),
      ...(image && slots ? { slots: slots.map(pickRect) } : {}),
    };
    const unchanged =
      prior &&
      isDeepStrictEqual(prior.copy, saved.copy) &&
      prior.image?.key === saved.image?.key &&
      isDeepStrictEqual(prior.slots, saved.slots);
    variants[languages[i]] = { ...saved, ...provenance(prior, unchanged, v.confirmCurrent, next, context.now) };
  }
  return Object.keys(variants).length ? variants : undefined;
}

/** A page's variants as given (absent: the ones it had); see pdfVariantsOf. */
export function pageVariantsOf(
  input: PageVariantInput[] | undefined,
  previous: PageAsset | undefined,
  next: PageAsset,
  context: Pick<VariantContext<never>, 'campaignLanguage' | 'now'>,
): Record<string, PageVariant> | undefined {
  if (!input) return previous?.variants;
  const languages = languagesOf(input, context.campaignLanguage);
  const variants: Record<string, PageVariant> = {};
  for (const [i, v] of input.entries()) {
    const saved = {
      title: v.title,
      html: v.html,
      ...(v.form
        ? {
            form: {
              labels: { ...v.form.labels },
              ...(v.form.consentText !== undefined ? { consentText: v.form.consentText } : {}),
              submitLabel: v.form.submitLabel,
              successMessage: v.form.successMessage,
            },
          }
        : {}),
    };
    const prior = previous?.variants?.[languages[i]];
    const unchanged =
      prior && prior.title === saved.title && prior.html === saved.html && isDeepStrictEqual(prior.form, saved.form);
    variants[languages[i]] = { ...saved, ...provenance(prior, unchanged, v.confirmCurrent, next, context.now) };
  }
  return Object.keys(variants).length ? variants : undefined;
}

function provenance(
  prior: PdfVariant | SocialVariant | PageVariant | undefined,
  unchanged: boolean | undefined,
  confirmCurrent: boolean | undefined,
  next: PdfAsset | SocialAsset | PageAsset,
  now: Date,
): Pick<PdfVariant, 'sourceDigest' | 'origin' | 'savedAt' | 'review'> {
  // Saved as it was: still the model's draft (reviewed or not), the translator's or the console's.
  if (prior && unchanged && !confirmCurrent)
    return {
      sourceDigest: prior.sourceDigest,
      origin: prior.origin,
      savedAt: prior.savedAt,
      ...(prior.review ? { review: prior.review } : {}),
    };
  return { sourceDigest: collateralDigest(next), origin: 'manual', savedAt: now.toISOString() };
}

/** Each variant's language, canonical: refused at its field when not BCP 47, the campaign's own or given twice. */
function languagesOf(input: Array<{ language: string }>, campaignLanguage: string): string[] {
  const problems: Problem[] = [];
  const seen = new Set<string>();
  const languages = input.map((v, i) => {
    const path = `variants[${i}].language`;
    const tag = canonicalLanguage(v.language);
    if (!tag) problems.push({ path, message: 'must be a BCP 47 language tag, such as de, fr-CA or pt-BR' });
    else if (tag.toLowerCase() === campaignLanguage.toLowerCase())
      problems.push({
        path,
        message: `is the campaign's own language (${campaignLanguage}): the asset itself is that`,
      });
    else if (seen.has(tag)) problems.push({ path, message: `${tag} is given twice` });
    if (tag) seen.add(tag);
    return tag ?? v.language;
  });
  if (problems.length) throw new InvalidError('The language variants are invalid; nothing was saved', problems);
  return languages;
}
