import type { Asset, CampaignContent } from '@tcma/campaign-model';
import { drawnInLanguage, emailInLanguage } from '@tcma/translation';

/**
 * The asset someone reading `reader` (a BCP 47 tag; null: nobody said) is given, and its
 * language: an email's, PDF's or social post's closest variant that the version sends, else the
 * default. A landing page has one language, the campaign's.
 */
export function assetInLanguage(
  asset: Asset,
  content: Pick<CampaignContent, 'language' | 'languageChoices'>,
  reader: string | null,
): { asset: Asset; language: string } {
  if (asset.kind === 'email') {
    const { email, language } = emailInLanguage(asset, content, reader);
    return { asset: email, language };
  }
  if (asset.kind === 'page') return { asset, language: content.language };
  return drawnInLanguage(asset, content, reader);
}
