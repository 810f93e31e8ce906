import { useTranslation } from '../../../shared/i18n';
import { Alert, Button, Group, Stack, Text, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { ApiError } from '../../../api/api-error';
import { ProblemList } from '../components/problem-list';
import type { EditedCampaign } from '../hooks/use-edited-campaign';
import { DraftChangesSummary } from './draft-changes';
import { usePublishCampaign, useValidateCampaign } from './use-publishing';
import { VersionsTable } from './versions-table';

/** What the draft changes, checking it (the API's own publish checks), publishing it as a new version, and the versions so far. */
export function PublishTab({ edited }: { edited: EditedCampaign }) {
  const { t } = useTranslation('campaign-editor');
  const { campaign, content } = edited;
  const validate = useValidateCampaign(campaign.id);
  const publish = usePublishCampaign(campaign.id);
  const report = validate.data;
  const nothingToPublish = campaign.draft === null;
  const refused = publish.error;

  return (
    <Stack gap="xl" maw={880}>
      <DraftChangesSummary campaignId={campaign.id} content={content} hasDraft={campaign.draft !== null} />
      <Stack component="section" aria-labelledby="check-title" gap="sm">
        <Title order={2} size="h3" id="check-title">
          {t('publish.title')}
        </Title>
        <Text size="sm">{nothingToPublish ? t('publish.nothing') : t('publish.explained')}</Text>
        <Group gap="sm">
          <Button
            variant="default"
            onClick={() => validate.mutate()}
            loading={validate.isPending}
            disabled={nothingToPublish}
          >
            {t('publish.check')}
          </Button>
          <Button
            onClick={() =>
              publish.mutate(undefined, {
                onSuccess: (v) => {
                  validate.reset();
                  notifications.show({ color: 'teal', message: t('publish.published', { version: v.version }) });
                },
              })
            }
            loading={publish.isPending}
            disabled={nothingToPublish || campaign.status === 'archived'}
          >
            {t('publish.publish')}
          </Button>
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
              {refused instanceof ApiError && refused.problems.length ? (
                <ProblemList problems={refused.problems} />
              ) : (
                refused.message
              )}
            </Alert>
          ) : null}
        </div>
      </Stack>
      <VersionsTable campaignId={campaign.id} />
    </Stack>
  );
}
