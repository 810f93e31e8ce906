import { Button, Card, Group, Stack, Text } from '@mantine/core';
import { useQueryClient } from '@tanstack/react-query';
import { useEffect } from 'react';
import { Link, useParams } from 'react-router';
import { under } from '../../api/query';
import { PageHeader } from '../../shared/components/page-header';
import { PortalGate } from '../../shared/components/portal-gate';
import { QueryError } from '../../shared/components/query-error';
import { Trans, useFormat, useTranslation } from '../../shared/i18n';
import { ImportOutcome } from './components/import-outcome';
import { isFinished, useImport } from './hooks/use-imports';
import { LoadingBlock } from '../../shared/components/list-states';

export function ImportResultPage() {
  const { importId = '' } = useParams();
  return <PortalGate>{(partnerId) => <ImportResult partnerId={partnerId} importId={importId} />}</PortalGate>;
}

/** One import: asked for every second until the worker finishes, then its counts and report. */
function ImportResult({ partnerId, importId }: { partnerId: string; importId: string }) {
  const { t } = useTranslation('audience');
  const format = useFormat();
  const queryClient = useQueryClient();
  const item = useImport(partnerId, importId);
  const finished = !!item.data && isFinished(item.data);
  const failed = item.data?.status === 'failed';

  // Once it is done, what it changed (prospects, list sizes) is read again wherever it is shown.
  useEffect(() => {
    if (!finished) return;
    void queryClient.invalidateQueries(under('/partners/{partnerId}/prospects', '/partners/{partnerId}/lists'));
  }, [finished, queryClient]);

  if (item.isError) return <QueryError error={item.error} retry={() => void item.refetch()} />;
  return (
    <Stack gap="lg">
      <Text size="sm">
        <Trans
          i18nKey="result.breadcrumb"
          t={t}
          components={{ audience: <Link to="/portal/audience" />, import: <Link to="/portal/audience/import" /> }}
        />
      </Text>
      <PageHeader
        title={item.data ? t('result.titleOf', { date: format.dateTime(item.data.createdAt) }) : t('result.title')}
        description={finished ? undefined : t('result.following')}
      />
      <Card padding="lg">
        {item.isPending ? (
          <LoadingBlock height={120} label={t('result.loading')} />
        ) : (
          <ImportOutcome partnerId={partnerId} item={item.data} />
        )}
      </Card>
      {finished ? (
        // After a failure the next step is the file again; after success, the prospects.
        <Group gap="sm">
          <Button component={Link} to="/portal/audience" variant={failed ? 'default' : 'filled'}>
            {t('result.seeProspects')}
          </Button>
          <Button component={Link} to="/portal/audience/import" variant={failed ? 'filled' : 'default'}>
            {failed ? t('result.importAgain') : t('result.importAnother')}
          </Button>
        </Group>
      ) : null}
    </Stack>
  );
}
