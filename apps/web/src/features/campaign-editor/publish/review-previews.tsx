import { Select, Stack, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from '../../../shared/i18n';
import { isEmail, kindOf, useKindLabels } from '../asset-kind';
import { SAMPLE_PARTNER } from '../components/preview-controls';
import { EmailPreview } from '../email/email-preview';
import { useEmailCheck } from '../email/use-email-check';
import type { CampaignContent, EmailAsset } from '../hooks/use-edited-campaign';
import { ReviewDrawnPreview } from './review-drawn-preview';

/**
 * The draft's emails, PDFs and social images as partners would send them (the sample partner, or
 * one chosen), rendered by the API, for a reviewer. Landing pages are not previewed here (the
 * Assets tab has no draft page preview either).
 */
export function ReviewPreviews({
  campaignId,
  content,
  revision,
}: {
  campaignId: string;
  content: CampaignContent;
  revision: number;
}) {
  const { t } = useTranslation('campaign-editor');
  const kinds = useKindLabels();
  const assets = content.assets.filter((a) => kindOf(a) !== 'page');
  const [chosen, setChosen] = useState<string | null>(null);
  const shown = assets.find((a) => a.id === chosen) ?? assets[0];
  if (!shown) return null;
  const kind = kindOf(shown);
  return (
    <Stack component="section" aria-labelledby="review-previews-title" gap="sm">
      <Title order={3} size="h4" id="review-previews-title">
        {t('review.previews')}
      </Title>
      {assets.length > 1 ? (
        <Select
          label={t('review.asset')}
          data={assets.map((a) => ({
            value: a.id,
            label: t('review.assetOption', { kind: kinds[kindOf(a)], name: a.name }),
          }))}
          value={shown.id}
          allowDeselect={false}
          onChange={setChosen}
          maw={420}
        />
      ) : null}
      {isEmail(shown) ? (
        <DraftEmailPreview campaignId={campaignId} email={shown} />
      ) : kind === 'pdf' || kind === 'social' ? (
        <ReviewDrawnPreview key={shown.id} campaignId={campaignId} assetId={shown.id} kind={kind} revision={revision} />
      ) : null}
    </Stack>
  );
}

function DraftEmailPreview({ campaignId, email }: { campaignId: string; email: EmailAsset }) {
  const [partnerId, setPartnerId] = useState(SAMPLE_PARTNER);
  const check = useEmailCheck(campaignId, email.id, partnerId === SAMPLE_PARTNER ? null : partnerId, {
    name: email.name,
    subject: email.subject,
    preheader: email.preheader,
    mjml: email.mjml,
  });
  return (
    <EmailPreview check={check.data} stale={check.isFetching} partnerId={partnerId} onPartnerChange={setPartnerId} />
  );
}
