import type {
  CampaignContent,
  PageAsset,
  PageVariant,
  PdfAsset,
  PdfVariant,
  SocialAsset,
  SocialVariant,
} from '@tcma/campaign-model';
import { createHash } from 'node:crypto';
import { closestLanguage } from './closest-language';
import { needsReview } from './review';

/** The assets besides emails, each of which may have a version per language: a PDF, a social post, a landing page. */
export type Collateral = PdfAsset | SocialAsset | PageAsset;
type CollateralVariant = PdfVariant | SocialVariant | PageVariant;

/**
 * A digest of what a variant translates: a PDF's file (its words are the file's), a social
 * post's image and copy, a page's words (title, HTML, the form's labels and messages). A change
 * to it shows the variant as stale; moving a rectangle does not (a variant drawn at the
 * default's rectangles follows them), nor does a form's field becoming required.
 */
export function collateralDigest(asset: Collateral): string {
  const source =
    asset.kind === 'pdf'
      ? [asset.file.key]
      : asset.kind === 'social'
        ? [asset.image.key, asset.copy]
        : [asset.title, asset.html, pageFormWords(asset)];
  return createHash('sha256').update(JSON.stringify(source)).digest('hex').slice(0, 32);
}

const pageFormWords = (asset: PageAsset) =>
  asset.form && [
    asset.form.fields.map((f) => [f.name, f.label]),
    asset.form.consent?.text ?? null,
    asset.form.submitLabel,
    asset.form.successMessage,
  ];

export function collateralVariantState(asset: Collateral, language: string): 'current' | 'stale' | 'missing' {
  const variant: CollateralVariant | undefined = asset.variants?.[language];
  if (!variant) return 'missing';
  return variant.sourceDigest === collateralDigest(asset) ? 'current' : 'stale';
}

/**
 * Whether a variant holds its language back from publishing as it is: stale, or a model's draft
 * no person has approved. A missing one does not (its readers get the default's).
 */
export const collateralVariantHolds = (asset: Collateral, language: string): boolean => {
  const state = collateralVariantState(asset, language);
  return state === 'stale' || (state === 'current' && needsReview(asset.variants?.[language]));
};

/**
 * The PDF, social post or page that someone reading `reader` (null: unknown) is given, and in
 * which language: the closest of the campaign's language and the asset's variants a version
 * sends (a held language's never; one published with `fallback` only when current), the
 * variant's file, rectangles, copy or words put in place of the default's. The result carries no variants.
 */
export function collateralInLanguage<A extends Collateral>(
  asset: A,
  content: Pick<CampaignContent, 'language' | 'languageChoices'>,
  reader: string | null,
): { asset: A; language: string } {
  const { variants: all, ...base } = asset;
  const choices = content.languageChoices;
  const sendable = Object.keys(all ?? {}).filter((language) => {
    const choice = choices?.[language];
    return (
      choice === undefined ||
      (choice === 'fallback' &&
        collateralVariantState(asset, language) === 'current' &&
        !needsReview(asset.variants?.[language]))
    );
  });
  const language = sendable.length ? closestLanguage([content.language, ...sendable], reader) : content.language;
  const variant: CollateralVariant | undefined = language === content.language ? undefined : all?.[language];
  if (!variant) return { asset: base as A, language: content.language };
  if (asset.kind === 'page') return { asset: pageWith(asset, variant as PageVariant) as A, language };
  if (asset.kind === 'pdf') {
    const v = variant as PdfVariant;
    return { asset: { ...base, file: v.file, slots: v.slots ?? asset.slots } as A, language };
  }
  const v = variant as SocialVariant;
  return {
    asset: {
      ...base,
      image: v.image ?? asset.image,
      slots: v.image && v.slots ? v.slots : asset.slots,
      copy: { ...asset.copy, ...v.copy },
    } as A,
    language,
  };
}

/** A page with a variant's words: its title and HTML, and its form's labels and messages on the default's fields. */
function pageWith({ variants: _all, ...page }: PageAsset, variant: PageVariant): PageAsset {
  const words = variant.form;
  if (!page.form || !words) return { ...page, title: variant.title, html: variant.html };
  return {
    ...page,
    title: variant.title,
    html: variant.html,
    form: {
      ...page.form,
      fields: page.form.fields.map((f) => ({ ...f, label: words.labels[f.name] ?? f.label })),
      consent: page.form.consent && { ...page.form.consent, text: words.consentText ?? page.form.consent.text },
      submitLabel: words.submitLabel,
      successMessage: words.successMessage,
    },
  };
}
