import type { Asset, CampaignContent } from '@tcma/campaign-model';
import { collateralInLanguage, emailInLanguage } from '@tcma/translation';

/**
 * The asset someone reading `reader` (a BCP 47 tag; null: nobody said) is given, and its
 * language: its closest variant that the version sends, else the default.
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
  return collateralInLanguage(asset, content, reader);
}
