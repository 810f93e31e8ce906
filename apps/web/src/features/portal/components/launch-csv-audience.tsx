import { Alert, Anchor, Button, Code, Group, List, Progress, Stack, Text } from '@mantine/core';
import { ApiError } from '../../../api/api-error';
import { CsvDropzone } from '../../../shared/components/csv-dropzone';
import { fileSize, plural } from '../../../shared/lib/format';
import {
  isImportFinished,
  REJECTED_SHOWN,
  useImportRejections,
  type LaunchImport,
  type useUploadAudience,
} from '../hooks/use-launch-import';

/** A rejected row as it was sent, its trailing empty cells left out. */
function asSent(values: string[]): string {
  const end = values.findLastIndex((v) => v.trim() !== '');
  return end < 0 ? '(the row could not be read)' : values.slice(0, end + 1).join(', ');
}

interface LaunchCsvAudienceProps {
  partnerId: string;
  upload: ReturnType<typeof useUploadAudience>;
  /** The file being sent or sent, and the list its import creates. */
  file: File | null;
  listName: string | null;
  item: LaunchImport | undefined;
  onFile: (file: File) => void;
  /** Forget this file, to choose another. */
  onReset: () => void;
}

/**
 * A CSV uploaded inside the wizard: the bytes sent as they leave, then the import as the API
 * reports it (rows read so far, then its counts, the first rejected rows with their reasons and
 * the whole report to download). The imported prospects form a new list, the launch's audience.
 */
export function LaunchCsvAudience({
  partnerId,
  upload,
  file,
  listName,
  item,
  onFile,
  onReset,
}: LaunchCsvAudienceProps) {
  const sent = upload.progress;
  if (!upload.data && !upload.isPending) {
    return (
      <Stack gap="xs">
        {upload.isError && file ? (
          <Alert color="red" variant="light" role="alert" title={`${file.name} was not imported`}>
            <Text size="sm">
              {upload.error instanceof ApiError
                ? upload.error.message
                : `The upload did not complete (${upload.error.message}). Check your connection, then try again.`}
            </Text>
          </Alert>
        ) : null}
        <Text size="sm">
          A header row with an <Code>email</Code> column, one prospect a row. They are added to your prospects and to a
          new list, which this launch goes to; a row that cannot be imported is reported with its reason.
        </Text>
        <CsvDropzone onFile={onFile} busy={false} />
      </Stack>
    );
  }
  const percent = sent && sent.total > 0 ? Math.round((sent.loaded / sent.total) * 100) : 0;
  return (
    <Stack gap="sm">
      <Stack gap={4}>
        <Text size="sm">
          {upload.isPending ? 'Sending' : 'Sent'} {file?.name ?? 'the file'}: {fileSize(sent?.loaded ?? 0)} of{' '}
          {fileSize(sent?.total ?? file?.size ?? 0)}
        </Text>
        <Progress
          value={upload.isPending ? percent : 100}
          aria-label={`Upload of ${file?.name ?? 'the file'}`}
          color={upload.isPending ? 'indigo.7' : 'teal.8'}
        />
      </Stack>
      {item ? <ImportState partnerId={partnerId} item={item} listName={listName} /> : null}
      {item && isImportFinished(item) ? (
        <Group>
          <Button variant="default" size="xs" onClick={onReset}>
            Upload another file
          </Button>
        </Group>
      ) : null}
    </Stack>
  );
}

function ImportState({
  partnerId,
  item,
  listName,
}: {
  partnerId: string;
  item: LaunchImport;
  listName: string | null;
}) {
  const rejections = useImportRejections(partnerId, item);
  const imported = item.inserted + item.merged;
  return (
    <Stack gap="sm">
      <div role="status" aria-live="polite">
        {item.status === 'queued' || item.status === 'running' ? (
          <Stack gap={4}>
            <Text size="sm">
              {item.status === 'queued'
                ? 'Waiting for a worker to read the file…'
                : `Importing: ${plural(item.rows, 'row')} read${item.rejected ? `, ${plural(item.rejected, 'rejected', 'rejected')}` : ''} so far…`}
            </Text>
            <Progress value={100} striped animated aria-label="Import in progress" />
          </Stack>
        ) : item.status === 'failed' ? (
          <Alert color="red" variant="light" title="The import failed">
            <Text size="sm">{item.error ?? 'The engine did not say why.'}</Text>
          </Alert>
        ) : (
          <Text size="sm" fw={600}>
            {plural(item.rows, 'row')} read: {plural(imported, 'prospect')} in the new list “{listName ?? 'imported'}”,{' '}
            {plural(item.rejected, 'row')} rejected.
          </Text>
        )}
      </div>
      {item.status === 'completed' && item.rejected > 0 ? (
        <Stack gap={6}>
          <Text size="sm" fw={600} id={`rejected-${item.id}`}>
            {item.rejected > REJECTED_SHOWN
              ? `The first ${REJECTED_SHOWN} of ${item.rejected} rejected rows`
              : item.rejected === 1
                ? 'The rejected row'
                : 'The rejected rows'}
            , with the line of the file and the reason:
          </Text>
          <List size="sm" spacing={4} aria-labelledby={`rejected-${item.id}`} listStyleType="none" p={0} m={0}>
            {(rejections.data?.items ?? []).map((r) => (
              <List.Item key={r.line}>
                <Text span size="sm" fw={600}>
                  Line {r.line}:
                </Text>{' '}
                {r.reason}
                <Text size="xs" c="dimmed" style={{ wordBreak: 'break-word' }}>
                  {asSent(r.values)}
                </Text>
              </List.Item>
            ))}
          </List>
          {rejections.isError ? <Text size="sm">{rejections.error.message}</Text> : null}
          {item.reportUrl ? (
            <Anchor href={item.reportUrl} download size="sm">
              Download the rejected rows (CSV)
            </Anchor>
          ) : null}
        </Stack>
      ) : null}
    </Stack>
  );
}
