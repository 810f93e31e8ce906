import { Stack, Text, Title } from '@mantine/core';
import type { components } from '../../../api/schema';
import classes from '../../../shared/components/panel.module.css';
import { useTranslation } from '../../../shared/i18n';
import type { Asset } from '../asset-kind';

type PageAsset = components['schemas']['PageAssetViewDto'];
const NETWORKS = ['linkedin', 'x', 'facebook', 'instagram'] as const;

/** The words a page's HTML shows, one paragraph per block, for reading (the HTML itself is the API's to render). */
function pageText(html: string): string[] {
  const doc = new DOMParser().parseFromString(html, 'text/html');
  doc.querySelectorAll('script, style, template').forEach((n) => n.remove());
  return [...doc.body.querySelectorAll('h1, h2, h3, h4, h5, h6, p, li, td, th, blockquote, figcaption, footer, dt, dd')]
    .filter((el) => !el.querySelector('h1, h2, h3, h4, h5, h6, p, li, td, th, blockquote, figcaption, dt, dd'))
    .map((el) => el.textContent?.replace(/\s+/g, ' ').trim() ?? '')
    .filter(Boolean);
}

/**
 * A model's drafts of social posts and landing pages in a language, as words to read: each
 * network's copy of a post; a page's title, text and form words. The email drafts above are
 * rendered by the API; these are text a person reads before approving.
 */
export function ReviewCollateral({ assets, language }: { assets: Asset[]; language: string }) {
  const { t } = useTranslation('campaign-editor');
  const label: Record<(typeof NETWORKS)[number], string> = {
    linkedin: t('social.linkedinLabel'),
    x: t('social.xLabel'),
    facebook: t('social.facebookLabel'),
    instagram: t('social.instagramLabel'),
  };
  return (
    <Stack gap="sm">
      {assets.map((asset) => {
        const titleId = `review-${asset.id}`;
        if ('image' in asset) {
          const variant = asset.variants?.[language];
          return (
            <Stack
              key={asset.id}
              component="section"
              aria-labelledby={titleId}
              gap={6}
              p="sm"
              className={classes.panel}
            >
              <Title order={3} size="h5" id={titleId} className="wrap-anywhere">
                {t('languages.review.socialTitle', { name: asset.name })}
              </Title>
              {NETWORKS.filter((n) => variant?.copy[n]).map((n) => (
                <Text key={n} size="sm" style={{ whiteSpace: 'pre-wrap' }} className="wrap-anywhere">
                  <Text span fw={600} size="sm">
                    {label[n]}:{' '}
                  </Text>
                  {variant?.copy[n]}
                </Text>
              ))}
            </Stack>
          );
        }
        const variant = (asset as PageAsset).variants?.[language];
        if (!variant) return null;
        const form = variant.form;
        return (
          <Stack key={asset.id} component="section" aria-labelledby={titleId} gap={6} p="sm" className={classes.panel}>
            <Title order={3} size="h5" id={titleId} className="wrap-anywhere">
              {t('languages.review.pageTitle', { name: asset.name })}
            </Title>
            <Text size="sm" fw={600} className="wrap-anywhere">
              {variant.title}
            </Text>
            {pageText(variant.html).map((line, i) => (
              <Text key={i} size="sm" className="wrap-anywhere">
                {line}
              </Text>
            ))}
            {form ? (
              <Text size="sm" c="dimmed" className="wrap-anywhere">
                {t('languages.review.form', {
                  words: [
                    // In the form's order (the labels' own object keeps no order in storage).
                    ...((asset as PageAsset).form?.fields ?? []).map((f) => form.labels?.[f.name] ?? f.label),
                    form.consentText,
                    form.submitLabel,
                    form.successMessage,
                  ]
                    .filter(Boolean)
                    .join(' · '),
                })}
              </Text>
            ) : null}
          </Stack>
        );
      })}
    </Stack>
  );
}
