import { Alert, Button, Group, Modal, Select, Stack, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useState } from 'react';
import { useFormat, useTranslation } from '../../../shared/i18n';
import { isEmail } from '../asset-kind';
import { SAMPLE_PARTNER } from '../components/preview-controls';
import { EmailPreview } from '../email/email-preview';
import { useEmailCheck } from '../email/use-email-check';
import { isStale } from '../hooks/use-draft-edits';
import type { CampaignContent, CampaignView, EmailAsset } from '../hooks/use-edited-campaign';
import { ReviewCollateral } from './review-collateral';
import { useApproveLanguage, type DraftLanguage } from './use-languages';
import { useDraftReadOnly } from '../hooks/use-draft-read-only';

interface LanguageReviewProps {
  campaign: CampaignView;
  content: CampaignContent;
  /** The language under review; null: the dialog is closed. */
  language: DraftLanguage | null;
  onClose: () => void;
}

/**
 * A person reads the model's drafts in a language, each email rendered by the API as a partner
 * would send it, each post's copy and page's words as text, and approves them; until then the
 * language is not ready to publish.
 */
export function LanguageReview({ campaign, content, language, onClose }: LanguageReviewProps) {
  const { t } = useTranslation('campaign-editor');
  const format = useFormat();
  const approve = useApproveLanguage(campaign.id, campaign.revision);
  const readOnly = useDraftReadOnly(campaign);
  const tag = language?.language ?? '';
  const waiting = new Set(language?.emails.filter((e) => e.needsReview).map((e) => e.assetId) ?? []);
  const emails = content.assets.filter(isEmail).filter((a) => waiting.has(a.id) && a.variants?.[tag] !== undefined);
  const waitingAssets = new Set(language?.assets.filter((a) => a.needsReview).map((a) => a.assetId) ?? []);
  const collateral = content.assets.filter((a) => waitingAssets.has(a.id));
  const [chosen, setChosen] = useState<string | null>(null);
  const shown = emails.find((e) => e.id === chosen) ?? emails[0];
  const name = format.language(tag);
  const close = () => {
    approve.reset();
    setChosen(null);
    onClose();
  };

  return (
    <Modal
      opened={language !== null}
      onClose={close}
      title={t('languages.review.title', { language: name })}
      size="xl"
      closeButtonProps={{ 'aria-label': t('close') }}
    >
      <Stack gap="md">
        {emails.length ? (
          <Text size="sm">{t('languages.review.explained', { count: emails.length, language: name })}</Text>
        ) : null}
        {emails.length > 1 ? (
          <Select
            label={t('languages.review.email')}
            data={emails.map((e) => ({ value: e.id, label: e.name }))}
            value={shown?.id ?? null}
            allowDeselect={false}
            onChange={setChosen}
            maw={420}
          />
        ) : null}
        {shown ? <VariantPreview campaignId={campaign.id} email={shown} language={tag} /> : null}
        {collateral.length ? (
          <>
            <Text size="sm">
              {t('languages.review.collateral', {
                names: collateral.map((a) => `“${a.name}”`).join(', '),
                language: name,
              })}
            </Text>
            <ReviewCollateral assets={collateral} language={tag} />
          </>
        ) : null}
        {approve.error && !isStale(approve.error) ? (
          <Alert color="red" variant="light" role="alert">
            {approve.error.message}
          </Alert>
        ) : null}
        <Group justify="flex-end" gap="sm">
          <Button variant="default" onClick={close}>
            {t('cancel')}
          </Button>
          <Button
            loading={approve.isPending}
            disabled={readOnly || emails.length + collateral.length === 0}
            onClick={() =>
              approve.mutate(tag, {
                onSuccess: () => {
                  close();
                  notifications.show({ color: 'teal', message: t('languages.review.done', { language: name }) });
                },
                // A stale revision is told above the list (the campaign reloads): the dialog has done its part.
                onError: (error) => {
                  if (isStale(error)) close();
                },
              })
            }
          >
            {collateral.length
              ? t('languages.review.approveAll', { language: name })
              : t('languages.review.approve', { count: emails.length, language: name })}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}

/** One email's copy in the language, rendered by the API's email check as the chosen partner would send it. */
function VariantPreview({ campaignId, email, language }: { campaignId: string; email: EmailAsset; language: string }) {
  const [partnerId, setPartnerId] = useState(SAMPLE_PARTNER);
  const variant = email.variants?.[language];
  const check = useEmailCheck(campaignId, email.id, partnerId === SAMPLE_PARTNER ? null : partnerId, {
    name: email.name,
    subject: variant?.subject ?? '',
    preheader: variant?.preheader ?? '',
    mjml: variant?.mjml ?? '',
  });
  return (
    <EmailPreview check={check.data} stale={check.isFetching} partnerId={partnerId} onPartnerChange={setPartnerId} />
  );
}
