import { useTranslation } from '../../shared/i18n';
import type { CampaignContent, EmailAsset } from './hooks/use-edited-campaign';

export type Asset = CampaignContent['assets'][number];
export type AssetKind = 'email' | 'pdf' | 'social' | 'page';

/**
 * An asset's kind from its fields: the generated types carry the OpenAPI discriminator's schema
 * names in `kind` instead of its values, so the portal and the console tell kinds apart this way.
 */
export function kindOf(asset: Asset): AssetKind {
  if ('mjml' in asset) return 'email';
  if ('file' in asset) return 'pdf';
  if ('image' in asset) return 'social';
  return 'page';
}

/** Each kind's name, as the asset lists show it. */
export function useKindLabels(): Record<AssetKind, string> {
  const { t } = useTranslation('campaign-editor');
  return { email: t('kind.email'), pdf: t('kind.pdf'), social: t('kind.social'), page: t('kind.page') };
}

export const isEmail = (asset: Asset): asset is EmailAsset => 'mjml' in asset;
