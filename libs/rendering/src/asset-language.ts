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

/**
 * The variant language a partner's render of an asset is in, when not the campaign's own: the
 * closest to `asked`; without it, a PDF or social post in the partner's language (what it hands
 * out or posts is in its language), an email or page in the campaign's (each prospect or visitor
 * is given their own).
 */
export function renderLanguage(
  asset: Asset,
  content: Pick<CampaignContent, 'language' | 'languageChoices'>,
  partnerLanguage: string | null,
  asked?: string,
): string | undefined {
  const reader = asked ?? (asset.kind === 'pdf' || asset.kind === 'social' ? partnerLanguage : null);
  const { language } = assetInLanguage(asset, content, reader);
  return language === content.language ? undefined : language;
}
