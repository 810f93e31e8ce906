import { Alert, Card, Code, Grid, List, Select, Stack, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { Link, useNavigate } from 'react-router';
import { ApiError } from '../../api/api-error';
import { CsvDropzone } from '../../shared/components/csv-dropzone';
import { PageHeader } from '../../shared/components/page-header';
import { PortalGate } from '../../shared/components/portal-gate';
import { fileSize } from '../../shared/lib/format';
import { RecentImports } from './components/recent-imports';
import { useStartImport } from './hooks/use-imports';
import { usePartnerLists } from './hooks/use-lists';

export function ImportPage() {
  return <PortalGate>{(partnerId) => <Import partnerId={partnerId} />}</PortalGate>;
}

/** A CSV file dropped or chosen is sent at once; its progress and outcome open on their own page. */
function Import({ partnerId }: { partnerId: string }) {
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
        <Link to="/portal/audience">Your audience</Link> / Import
      </Text>
      <PageHeader title="Import prospects" description="Add or update many prospects at once from a CSV file." />
      <Grid gap="xl">
        <Grid.Col span={{ base: 12, md: 7 }}>
          <Card padding="lg">
            <Stack gap="md">
              <Select
                label="Also add everyone to a list"
                description="Optional: the imported prospects join this list too."
                placeholder={lists.data?.items.length ? 'No list' : 'No list yet'}
                data={(lists.data?.items ?? []).map((l) => ({ value: l.id, label: l.name }))}
                value={listId}
                onChange={setListId}
                disabled={!lists.data?.items.length}
                clearable
                clearButtonProps={{ 'aria-label': 'No list' }}
              />
              {start.isError ? <Refusal error={start.error} file={file} /> : null}
              {start.isPending && file ? (
                <Text size="sm" role="status">
                  Sending {file.name} ({fileSize(file.size)})…
                </Text>
              ) : null}
              <CsvDropzone onFile={send} busy={start.isPending} />
            </Stack>
          </Card>
        </Grid.Col>
        <Grid.Col span={{ base: 12, md: 5 }}>
          <Stack component="section" aria-labelledby="file-help-title" gap="xs">
            <Title order={2} id="file-help-title">
              What the file holds
            </Title>
            <List size="sm" spacing={6}>
              <List.Item>
                UTF-8 text, a header row first with an <Code>email</Code> column; one prospect a row.
              </List.Item>
              <List.Item>
                Read by name (common spellings too): <Code>first_name</Code>, <Code>last_name</Code>,{' '}
                <Code>company</Code>, <Code>title</Code>, <Code>country</Code>, <Code>timezone</Code> (e.g.
                Europe/Warsaw; yours when empty), <Code>consent_source</Code>.
              </List.Item>
              <List.Item>Any other column becomes a custom field your campaigns can use.</List.Item>
              <List.Item>
                An email already among your prospects (any case) updates that prospect: the file’s non-empty values win.
              </List.Item>
              <List.Item>
                A row the engine cannot accept is rejected and listed in a report with its line and the reason; the
                other rows are imported all the same.
              </List.Item>
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
  const name = file ? `${file.name} (${fileSize(file.size)})` : 'The file';
  return (
    <Alert color="red" variant="light" role="alert" title={`${name} was not imported`}>
      <Text size="sm">
        {error instanceof ApiError
          ? error.message
          : `The upload did not complete (${error.message}). Check your connection, then try again.`}
      </Text>
    </Alert>
  );
}
