import type { CampaignContent, PdfAsset, PdfVariant, SocialAsset, SocialVariant } from '@tcma/campaign-model';
import { createHash } from 'node:crypto';
import { closestLanguage } from './closest-language';

/** The assets drawn into (slot rectangles on a file): a PDF, a social post. */
export type DrawnAsset = PdfAsset | SocialAsset;
type DrawnVariant = PdfVariant | SocialVariant;

/**
 * A digest of what a PDF or social variant translates: the default's file (a PDF's words are
 * its file's), and a social post's copy. A new default file or copy shows the variant as stale;
 * moving a rectangle does not (a variant drawn at the default's rectangles follows them).
 */
export function drawnAssetDigest(asset: DrawnAsset): string {
  const source = asset.kind === 'pdf' ? [asset.file.key] : [asset.image.key, asset.copy];
  return createHash('sha256').update(JSON.stringify(source)).digest('hex').slice(0, 32);
}

export function drawnVariantState(asset: DrawnAsset, language: string): 'current' | 'stale' | 'missing' {
  const variant: DrawnVariant | undefined = asset.variants?.[language];
  if (!variant) return 'missing';
  return variant.sourceDigest === drawnAssetDigest(asset) ? 'current' : 'stale';
}

/**
 * The PDF or social post that someone reading `reader` (null: unknown) is given, and in which
 * language: the closest of the campaign's language and the asset's variants a version sends (a
 * held language's never; one published with `fallback` only when current), the variant's file,
 * rectangles and copy put in place of the default's. The result carries no variants.
 */
export function drawnInLanguage<A extends DrawnAsset>(
  asset: A,
  content: Pick<CampaignContent, 'language' | 'languageChoices'>,
  reader: string | null,
): { asset: A; language: string } {
  const { variants: all, ...base } = asset;
  const choices = content.languageChoices;
  const sendable = Object.keys(all ?? {}).filter((language) => {
    const choice = choices?.[language];
    return choice === undefined || (choice === 'fallback' && drawnVariantState(asset, language) === 'current');
  });
  const language = sendable.length ? closestLanguage([content.language, ...sendable], reader) : content.language;
  const variant: DrawnVariant | undefined = language === content.language ? undefined : all?.[language];
  if (!variant) return { asset: base as A, language: content.language };
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
