import { Alert, Card, Code, Grid, List, Select, Stack, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { Link, useNavigate } from 'react-router';
import { ApiError } from '../../api/api-error';
import { CsvDropzone } from '../../shared/components/csv-dropzone';
import { PageHeader } from '../../shared/components/page-header';
import { PortalGate } from '../../shared/components/portal-gate';
import { Trans, useFormat, useTranslation } from '../../shared/i18n';
import { RecentImports } from './components/recent-imports';
import { useStartImport } from './hooks/use-imports';
import { usePartnerLists } from './hooks/use-lists';

export function ImportPage() {
  return <PortalGate>{(partnerId) => <Import partnerId={partnerId} />}</PortalGate>;
}

/** A CSV file dropped or chosen is sent at once; its progress and outcome open on their own page. */
function Import({ partnerId }: { partnerId: string }) {
  const { t } = useTranslation('audience');
  const format = useFormat();
  const navigate = useNavigate();
  const [listId, setListId] = useState<string | null>(null);
  const [file, setFile] = useState<File | null>(null);
  const lists = usePartnerLists(partnerId, { limit: 200, offset: 0 });
  const start = useStartImport(partnerId);

  const send = (chosen: File) => {
    setFile(chosen);
    start.mutate(
      { file: chosen, listId },
      { onSuccess: (created) => void navigate(`/portal/audience/imports/${created.id}`) },
    );
  };

  return (
    <Stack gap="lg">
      <Text size="sm">
        <Trans i18nKey="importPage.breadcrumb" t={t} components={{ audience: <Link to="/portal/audience" /> }} />
      </Text>
      <PageHeader title={t('importPage.title')} description={t('importPage.description')} />
      <Grid gap="xl">
        <Grid.Col span={{ base: 12, md: 7 }}>
          <Card padding="lg">
            <Stack gap="md">
              <Select
                label={t('importPage.list')}
                description={t('importPage.listHint')}
                placeholder={lists.data?.items.length ? t('importPage.noList') : t('importPage.noListYet')}
                data={(lists.data?.items ?? []).map((l) => ({ value: l.id, label: l.name }))}
                value={listId}
                onChange={setListId}
                disabled={!lists.data?.items.length}
                clearable
                clearButtonProps={{ 'aria-label': t('importPage.noList') }}
              />
              {start.isError ? <Refusal error={start.error} file={file} /> : null}
              {start.isPending && file ? (
                <Text size="sm" role="status">
                  {t('importPage.sending', { name: file.name, size: format.fileSize(file.size) })}
                </Text>
              ) : null}
              <CsvDropzone onFile={send} busy={start.isPending} />
            </Stack>
          </Card>
        </Grid.Col>
        <Grid.Col span={{ base: 12, md: 5 }}>
          <Stack component="section" aria-labelledby="file-help-title" gap="xs">
            <Title order={2} id="file-help-title">
              {t('fileHelp.title')}
            </Title>
            <List size="sm" spacing={6}>
              <List.Item>
                <Trans i18nKey="fileHelp.header" t={t} components={{ code: <Code /> }} />
              </List.Item>
              <List.Item>
                <Trans i18nKey="fileHelp.columns" t={t} components={{ code: <Code /> }} />
              </List.Item>
              <List.Item>{t('fileHelp.custom')}</List.Item>
              <List.Item>{t('fileHelp.merge')}</List.Item>
              <List.Item>{t('fileHelp.rejected')}</List.Item>
            </List>
          </Stack>
        </Grid.Col>
      </Grid>
      <RecentImports partnerId={partnerId} />
    </Stack>
  );
}

/** The API's refusal of the upload (not CSV text, too large, an unknown list), in its own words. */
function Refusal({ error, file }: { error: Error; file: File | null }) {
  const { t } = useTranslation('audience');
  const format = useFormat();
  const title = file
    ? t('importPage.fileNotImported', { name: file.name, size: format.fileSize(file.size) })
    : t('importPage.notImported');
  return (
    <Alert color="red" variant="light" role="alert" title={title}>
      <Text size="sm">
        {error instanceof ApiError ? error.message : t('importPage.uploadFailed', { reason: error.message })}
      </Text>
    </Alert>
  );
}
