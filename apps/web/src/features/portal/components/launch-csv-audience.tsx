import { Alert, Anchor, Button, Code, Group, List, Progress, Stack, Text } from '@mantine/core';
import { ApiError } from '../../../api/api-error';
import { CsvDropzone } from '../../../shared/components/csv-dropzone';
import { Trans, useFormat, useTranslation, type TFunction } from '../../../shared/i18n';
import {
  isImportFinished,
  REJECTED_SHOWN,
  useImportRejections,
  type LaunchImport,
  type useUploadAudience,
} from '../hooks/use-launch-import';

/** A rejected row as it was sent, its trailing empty cells left out. */
function asSent(values: string[], t: TFunction): string {
  const end = values.findLastIndex((v) => v.trim() !== '');
  return end < 0 ? t('portal:csv.unreadableRow') : values.slice(0, end + 1).join(', ');
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
  const { t } = useTranslation('portal');
  const format = useFormat();
  const sent = upload.progress;
  const fileName = file?.name ?? t('csv.theFile');
  const bytes = {
    file: fileName,
    loaded: format.fileSize(sent?.loaded ?? 0),
    total: format.fileSize(sent?.total ?? file?.size ?? 0),
  };
  if (!upload.data && !upload.isPending) {
    return (
      <Stack gap="xs">
        {upload.isError && file ? (
          <Alert color="red" variant="light" role="alert" title={t('csv.notImported', { file: file.name })}>
            <Text size="sm">
              {upload.error instanceof ApiError
                ? upload.error.message
                : t('csv.incomplete', { reason: upload.error.message })}
            </Text>
          </Alert>
        ) : null}
        <Text size="sm">
          <Trans i18nKey="csv.help" t={t} components={{ code: <Code /> }} />
        </Text>
        <CsvDropzone onFile={onFile} busy={false} />
      </Stack>
    );
  }
  const percent = sent && sent.total > 0 ? Math.round((sent.loaded / sent.total) * 100) : 0;
  return (
    <Stack gap="sm">
      <Stack gap={4}>
        <Text size="sm">{upload.isPending ? t('csv.sending', bytes) : t('csv.sent', bytes)}</Text>
        <Progress
          value={upload.isPending ? percent : 100}
          aria-label={t('csv.uploadOf', { file: fileName })}
          color={upload.isPending ? 'indigo.7' : 'teal.8'}
        />
      </Stack>
      {item ? <ImportState partnerId={partnerId} item={item} listName={listName} /> : null}
      {item && isImportFinished(item) ? (
        <Group>
          <Button variant="default" size="xs" onClick={onReset}>
            {t('csv.uploadAnother')}
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
  const { t } = useTranslation('portal');
  const rejections = useImportRejections(partnerId, item);
  const imported = item.inserted + item.merged;
  return (
    <Stack gap="sm">
      <div role="status" aria-live="polite">
        {item.status === 'queued' || item.status === 'running' ? (
          <Stack gap={4}>
            <Text size="sm">
              {item.status === 'queued'
                ? t('csv.waitingForWorker')
                : item.rejected
                  ? t('csv.importingRejected', {
                      count: item.rows,
                      rejected: t('csv.rejected', { count: item.rejected }),
                    })
                  : t('csv.importing', { count: item.rows })}
            </Text>
            <Progress value={100} striped animated aria-label={t('csv.inProgress')} />
          </Stack>
        ) : item.status === 'failed' ? (
          <Alert color="red" variant="light" title={t('csv.failed')}>
            <Text size="sm">{item.error ?? t('csv.noReason')}</Text>
          </Alert>
        ) : (
          <Text size="sm" fw={600}>
            {t('csv.done', {
              rows: t('csv.rows', { count: item.rows }),
              prospects: t('csv.prospects', { count: imported }),
              list: listName ?? t('csv.importedList'),
              rejected: t('csv.rows', { count: item.rejected }),
            })}
          </Text>
        )}
      </div>
      {item.status === 'completed' && item.rejected > 0 ? (
        <Stack gap={6}>
          <Text size="sm" fw={600} id={`rejected-${item.id}`}>
            {item.rejected > REJECTED_SHOWN
              ? t('csv.firstRejected', { shown: REJECTED_SHOWN, total: item.rejected })
              : item.rejected === 1
                ? t('csv.rejectedRow')
                : t('csv.rejectedRows')}
          </Text>
          <List size="sm" spacing={4} aria-labelledby={`rejected-${item.id}`} listStyleType="none" p={0} m={0}>
            {(rejections.data?.items ?? []).map((r) => (
              <List.Item key={r.line}>
                <Text span size="sm" fw={600}>
                  {t('csv.line', { line: r.line })}
                </Text>{' '}
                {r.reason}
                <Text size="xs" c="dimmed" style={{ wordBreak: 'break-word' }}>
                  {asSent(r.values, t)}
                </Text>
              </List.Item>
            ))}
          </List>
          {rejections.isError ? <Text size="sm">{rejections.error.message}</Text> : null}
          {item.reportUrl ? (
            <Anchor href={item.reportUrl} download size="sm">
              {t('csv.downloadRejected')}
            </Anchor>
          ) : null}
        </Stack>
      ) : null}
    </Stack>
  );
}
