import { Alert, Badge, Button, Group, Modal, Stack, Table, Text, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useId, useState } from 'react';
import { LoadingBlock } from '../../../shared/components/list-states';
import classes from '../../../shared/components/panel.module.css';
import { QueryError } from '../../../shared/components/query-error';
import { useFormat, useTranslation } from '../../../shared/i18n';
import { StaleNotice } from '../components/stale-notice';
import { isStale } from '../hooks/use-draft-edits';
import type { CampaignContent, CampaignView } from '../hooks/use-edited-campaign';
import { LanguageReview } from './language-review';
import { useEmailStates, useLanguageTitle, useOrigins } from './language-words';
import { useDraftLanguages, useRemoveLanguage, type DraftLanguage, type DraftLanguageEmail } from './use-languages';
import { useDraftReadOnly } from '../hooks/use-draft-read-only';

/** The draft's languages, each with every email's state in it, a way to review a model's drafts, and to remove one. */
export function LanguageList({ campaign, content }: { campaign: CampaignView; content: CampaignContent }) {
  const { t } = useTranslation('campaign-editor');
  const languages = useDraftLanguages(campaign.id);
  const [removing, setRemoving] = useState<string | null>(null);
  const [reviewing, setReviewing] = useState<DraftLanguage | null>(null);
  const remove = useRemoveLanguage(campaign.id, campaign.revision);
  const readOnly = useDraftReadOnly(campaign);
  return (
    <Stack component="section" aria-labelledby="languages-title" gap="sm">
      <Title order={2} size="h3" id="languages-title">
        {t('languages.title')}
      </Title>
      <Text size="sm">{t('languages.intro')}</Text>
      <StaleNotice error={remove.error} />
      {languages.isError ? (
        <QueryError error={languages.error} retry={() => void languages.refetch()} />
      ) : languages.isPending ? (
        <LoadingBlock height={120} label={t('languages.loading')} />
      ) : languages.data.length === 0 ? (
        <Text size="sm" c="dimmed">
          {t('languages.none')}
        </Text>
      ) : (
        languages.data.map((l) => (
          <LanguagePanel
            key={l.language}
            language={l}
            disabled={readOnly}
            onRemove={() => {
              remove.reset();
              setRemoving(l.language);
            }}
            onReview={() => setReviewing(l)}
          />
        ))
      )}
      <RemoveLanguageModal language={removing} remove={remove} onClose={() => setRemoving(null)} />
      <LanguageReview campaign={campaign} content={content} language={reviewing} onClose={() => setReviewing(null)} />
    </Stack>
  );
}

function LanguagePanel({
  language,
  disabled,
  onRemove,
  onReview,
}: {
  language: DraftLanguage;
  disabled: boolean;
  onRemove: () => void;
  onReview: () => void;
}) {
  const { t } = useTranslation('campaign-editor');
  const format = useFormat();
  const title = useLanguageTitle();
  const id = `${useId()}-${language.language}`;
  return (
    <Stack component="section" aria-labelledby={id} gap="sm" p="md" className={classes.panel}>
      <Group justify="space-between" align="center" gap="xs" wrap="wrap">
        <Title order={3} size="h4" id={id}>
          {title(language.language)}
        </Title>
        <Group gap="xs">
          {[...language.emails, ...language.assets].some((e) => e.needsReview) ? (
            <Button size="xs" onClick={onReview} disabled={disabled}>
              {t('languages.review.open', { language: format.language(language.language) })}
            </Button>
          ) : null}
          <Button variant="default" size="xs" c="red.9" onClick={onRemove} disabled={disabled}>
            {t('languages.remove', { language: format.language(language.language) })}
          </Button>
        </Group>
      </Group>
      <Table horizontalSpacing="xs" verticalSpacing="xs" aria-labelledby={id}>
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('languages.asset')}</Table.Th>
            <Table.Th>{t('languages.stateColumn')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {language.emails.map((e) => (
            <EmailRow key={e.assetId} email={e} />
          ))}
          {language.assets.map((a) => (
            <AssetRow key={a.assetId} asset={a} />
          ))}
        </Table.Tbody>
      </Table>
    </Stack>
  );
}

function EmailRow({ email }: { email: DraftLanguageEmail }) {
  const { t } = useTranslation('campaign-editor');
  const format = useFormat();
  const state = useEmailStates()(email.state);
  const origin = useOrigins();
  return (
    <Table.Tr>
      <Table.Td className="wrap-anywhere">
        {email.name}
        {email.origin && email.savedAt ? (
          <Text span size="sm" c="dimmed" display="block">
            {t('languages.savedFrom', { origin: origin(email.origin), date: format.dateTime(email.savedAt) })}
          </Text>
        ) : null}
      </Table.Td>
      <StateCell state={state} needsReview={email.needsReview} />
    </Table.Tr>
  );
}

/** A PDF, social post or page in a language: without a version in it, its readers get the default's, which holds nothing back. */
function AssetRow({ asset }: { asset: DraftLanguage['assets'][number] }) {
  const { t } = useTranslation('campaign-editor');
  const format = useFormat();
  const states = useEmailStates();
  const origin = useOrigins();
  const state =
    asset.state === 'missing' ? { color: 'gray.2', label: t('languages.state.default') } : states(asset.state);
  const kind = { pdf: t('kind.pdf'), social: t('kind.social'), page: t('kind.page') }[asset.kind];
  // A model's or translator's words say where they came from, as an email's do; a PDF's are its file.
  const saved =
    asset.savedAt && asset.origin && asset.origin !== 'manual'
      ? t('languages.assetSavedFrom', { kind, origin: origin(asset.origin), date: format.dateTime(asset.savedAt) })
      : asset.savedAt
        ? t('languages.assetSaved', { kind, date: format.dateTime(asset.savedAt) })
        : kind;
  return (
    <Table.Tr>
      <Table.Td className="wrap-anywhere">
        {asset.name}
        <Text span size="sm" c="dimmed" display="block">
          {saved}
        </Text>
      </Table.Td>
      <StateCell state={state} needsReview={asset.needsReview} />
    </Table.Tr>
  );
}

/** A variant's state badge, and whether a person still has to review the model's draft. */
function StateCell({ state, needsReview }: { state: { color: string; label: string }; needsReview: boolean }) {
  const { t } = useTranslation('campaign-editor');
  return (
    <Table.Td>
      <Group gap={4}>
        <Badge color={state.color} variant="filled" autoContrast tt="none" miw="max-content">
          {state.label}
        </Badge>
        {needsReview ? (
          <Badge color="gray.8" variant="outline" tt="none" miw="max-content">
            {t('languages.needsReview')}
          </Badge>
        ) : null}
      </Group>
    </Table.Td>
  );
}

function RemoveLanguageModal({
  language,
  remove,
  onClose,
}: {
  language: string | null;
  remove: ReturnType<typeof useRemoveLanguage>;
  onClose: () => void;
}) {
  const { t } = useTranslation('campaign-editor');
  const format = useFormat();
  const title = useLanguageTitle();
  const name = language ? format.language(language) : '';
  return (
    <Modal
      opened={language !== null}
      onClose={onClose}
      title={language ? t('languages.removeTitle', { language: title(language) }) : ''}
      closeButtonProps={{ 'aria-label': t('close') }}
    >
      <Stack gap="md">
        <Text size="sm">{t('languages.removeText', { language: name })}</Text>
        {remove.error && !isStale(remove.error) ? (
          <Alert color="red" variant="light" role="alert">
            {remove.error.message}
          </Alert>
        ) : null}
        <Group justify="flex-end" gap="sm">
          <Button variant="default" onClick={onClose}>
            {t('cancel')}
          </Button>
          <Button
            color="red.9"
            loading={remove.isPending}
            onClick={() =>
              language &&
              remove.mutate(language, {
                onSuccess: () => {
                  onClose();
                  notifications.show({ color: 'teal', message: t('languages.removed', { language: name }) });
                },
                // A stale revision is told above the list (the campaign reloads): the dialog has done its part.
                onError: (error) => {
                  if (isStale(error)) onClose();
                },
              })
            }
          >
            {t('languages.removeConfirm')}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
