import { useTranslation } from '../../../shared/i18n';
import { Alert, Button, Group, Stack, Text, Textarea, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useState } from 'react';
import { ProblemList } from '../components/problem-list';
import type { EditedCampaign } from '../hooks/use-edited-campaign';
import { headline, otherProblems } from '../problems';
import { DraftChangesSummary } from './draft-changes';
import { LanguageChoicesField, useUnreadyLanguages, type LanguageChoices } from './language-choices';
import { usePublishCampaign, useValidateCampaign } from './use-publishing';
import { ReviewPanel } from './review-panel';
import { useCampaignReviews, usePublishingPolicy, useRequestReview } from './use-reviews';
import { VersionsTable } from './versions-table';

/**
 * What the draft changes, checking it (the API's own publish checks), publishing it as a new
 * version (or, where the vendor requires approval and the API says this user may not publish,
 * asking for a review), the latest review with its trail, and the versions so far.
 */
export function PublishTab({ edited }: { edited: EditedCampaign }) {
  const { t } = useTranslation('campaign-editor');
  const { campaign, content } = edited;
  const validate = useValidateCampaign(campaign.id);
  const publish = usePublishCampaign(campaign.id);
  const report = validate.data;
  const nothingToPublish = campaign.draft === null;
  const policy = usePublishingPolicy();
  const reviews = useCampaignReviews(campaign.id);
  const request = useRequestReview(campaign.id);
  const [note, setNote] = useState('');
  const latest = reviews.data?.[0];
  const waiting = latest?.status === 'pending' && latest.draftRevision === campaign.revision;
  // The API decides who publishes; until it has answered, the button is the plain Publish.
  const throughReview = policy.data ? !policy.data.mayPublish && policy.data.mayRequestReview : false;
  const mayAct = !policy.data || policy.data.mayPublish || policy.data.mayRequestReview;
  const refused = throughReview ? request.error : publish.error;
  const unready = useUnreadyLanguages(campaign.id);
  const [choices, setChoices] = useState<LanguageChoices>({});
  // Only the languages not ready take a choice: one made for a language since made ready is not sent.
  const chosen = Object.fromEntries(Object.entries(choices).filter(([tag]) => unready.includes(tag)));
  const listed = otherProblems(
    refused,
    unready.map((tag) => `languages.${tag}`),
  );

  return (
    <Stack gap="xl" maw={880}>
      <DraftChangesSummary campaignId={campaign.id} content={content} hasDraft={campaign.draft !== null} />
      <Stack component="section" aria-labelledby="check-title" gap="sm">
        <Title order={2} size="h3" id="check-title">
          {t('publish.title')}
        </Title>
        <Text size="sm">
          {!nothingToPublish
            ? t('publish.explained')
            : policy.data?.mayEdit === false
              ? t('publish.nothingToReview')
              : t('publish.nothing')}
        </Text>
        {nothingToPublish ? null : (
          <LanguageChoicesField
            unready={unready}
            language={content.language}
            choices={choices}
            onChange={(next) => {
              setChoices(next);
              publish.reset();
              request.reset();
            }}
            error={refused}
            disabled={campaign.status === 'archived'}
          />
        )}
        {throughReview && !nothingToPublish && !waiting ? (
          <Textarea
            label={t('publish.reviewNote')}
            description={t('publish.reviewExplained')}
            value={note}
            onChange={(e) => setNote(e.currentTarget.value)}
            autosize
            minRows={2}
            maxLength={2000}
          />
        ) : null}
        {waiting ? <Text size="sm">{t('publish.reviewWaiting')}</Text> : null}
        <Group gap="sm">
          <Button
            variant="default"
            onClick={() => validate.mutate()}
            loading={validate.isPending}
            disabled={nothingToPublish}
          >
            {t('publish.check')}
          </Button>
          {!mayAct ? null : throughReview ? (
            <Button
              onClick={() =>
                request.mutate(
                  { ...(note.trim() ? { note } : {}), ...(Object.keys(chosen).length ? { languages: chosen } : {}) },
                  {
                    onSuccess: () => {
                      setNote('');
                      notifications.show({ color: 'teal', message: t('publish.reviewAsked') });
                    },
                  },
                )
              }
              loading={request.isPending}
              disabled={nothingToPublish || campaign.status === 'archived' || waiting}
            >
              {t('publish.askReview')}
            </Button>
          ) : (
            <Button
              onClick={() =>
                publish.mutate(chosen, {
                  onSuccess: (v) => {
                    validate.reset();
                    setChoices({});
                    notifications.show({ color: 'teal', message: t('publish.published', { version: v.version }) });
                  },
                })
              }
              loading={publish.isPending}
              disabled={nothingToPublish || campaign.status === 'archived'}
            >
              {t('publish.publish')}
            </Button>
          )}
        </Group>
        <div aria-live="polite">
          {validate.error ? (
            <Alert color="red" variant="light" title={t('publish.checkFailed')}>
              {validate.error.message}
            </Alert>
          ) : report?.valid ? (
            <Alert color="teal" variant="light" title={t('publish.ready')}>
              {t('publish.passes')}
            </Alert>
          ) : report ? (
            <Alert color="red" variant="light" title={t('publish.problems', { count: report.problems.length })}>
              <ProblemList problems={report.problems} />
            </Alert>
          ) : null}
          {refused ? (
            <Alert color="red" variant="light" role="alert" title={t('publish.notPublished')}>
              {listed.length ? (
                <ProblemList problems={listed} />
              ) : (
                (headline(refused) ?? t('publish.languages.refused'))
              )}
            </Alert>
          ) : null}
        </div>
      </Stack>
      {latest && policy.data ? (
        <ReviewPanel campaignId={campaign.id} review={latest} policy={policy.data} content={content} />
      ) : null}
      <VersionsTable campaignId={campaign.id} />
    </Stack>
  );
}
