import { Select, Stack, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from '../../../shared/i18n';
import { isEmail } from '../asset-kind';
import { EmailPreview, SAMPLE_PARTNER } from '../email/email-preview';
import { useEmailCheck } from '../email/use-email-check';
import type { CampaignContent, EmailAsset } from '../hooks/use-edited-campaign';

/** The draft's emails as partners would send them (the sample partner, or one chosen), rendered by the API, for a reviewer. */
export function ReviewPreviews({ campaignId, content }: { campaignId: string; content: CampaignContent }) {
  const { t } = useTranslation('campaign-editor');
  const emails = content.assets.filter(isEmail);
  const [chosen, setChosen] = useState<string | null>(null);
  const shown = emails.find((e) => e.id === chosen) ?? emails[0];
  if (!shown) return null;
  return (
    <Stack component="section" aria-labelledby="review-previews-title" gap="sm">
      <Title order={3} size="h4" id="review-previews-title">
        {t('review.previews')}
      </Title>
      {emails.length > 1 ? (
        <Select
          label={t('review.email')}
          data={emails.map((e) => ({ value: e.id, label: e.name }))}
          value={shown.id}
          allowDeselect={false}
          onChange={setChosen}
          maw={420}
        />
      ) : null}
      <DraftEmailPreview campaignId={campaignId} email={shown} />
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
