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
          Check and publish
        </Title>
        <Text size="sm">
          {nothingToPublish
            ? 'Every change is published: edit the campaign to start a new draft.'
            : 'Publishing makes the draft a new version: partners launch it from their catalogue; launches under way keep their version.'}
        </Text>
        <Group gap="sm">
          <Button
            variant="default"
            onClick={() => validate.mutate()}
            loading={validate.isPending}
            disabled={nothingToPublish}
          >
            Check the draft
          </Button>
          <Button
            onClick={() =>
              publish.mutate(undefined, {
                onSuccess: (v) => {
                  validate.reset();
                  notifications.show({ color: 'teal', message: `Version ${v.version} is published.` });
                },
              })
            }
            loading={publish.isPending}
            disabled={nothingToPublish || campaign.status === 'archived'}
          >
            Publish
          </Button>
        </Group>
        <div aria-live="polite">
          {validate.error ? (
            <Alert color="red" variant="light" title="The check did not run">
              {validate.error.message}
            </Alert>
          ) : report?.valid ? (
            <Alert color="teal" variant="light" title="Ready to publish">
              The draft passes every check.
            </Alert>
          ) : report ? (
            <Alert
              color="red"
              variant="light"
              title={
                report.problems.length === 1
                  ? '1 problem to fix before publishing'
                  : `${report.problems.length} problems to fix before publishing`
              }
            >
              <ProblemList problems={report.problems} />
            </Alert>
          ) : null}
          {refused ? (
            <Alert color="red" variant="light" role="alert" title="Not published">
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
