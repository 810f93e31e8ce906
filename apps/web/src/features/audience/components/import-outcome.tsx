import { Alert, Anchor, Code, Group, Progress, SimpleGrid, Stack, Table, Text } from '@mantine/core';
import classes from '../../../shared/components/panel.module.css';
import { Trans, useFormat, useTranslation } from '../../../shared/i18n';
import { REJECTED_ROWS_SHOWN, useImportRejections, type ProspectImport } from '../hooks/use-imports';
import { ImportStatus } from './import-status';
import { LoadingBlock } from '../../../shared/components/list-states';

/** Where an import stands, as the API last answered: progress while the worker reads it, then its counts. */
export function ImportOutcome({ partnerId, item }: { partnerId: string; item: ProspectImport }) {
  const { t } = useTranslation('audience');
  const format = useFormat();
  const running = item.status === 'queued' || item.status === 'running';
  return (
    <Stack gap="md">
      <Group gap="sm">
        <ImportStatus status={item.status} />
        <Text size="sm" c="dimmed">
          {item.finishedAt
            ? t('outcome.sizeFinished', {
                size: format.fileSize(item.fileSize),
                finished: format.dateTime(item.finishedAt),
              })
            : format.fileSize(item.fileSize)}
        </Text>
      </Group>
      <div role="status" aria-live="polite">
        {running ? (
          <Stack gap="xs">
            <Text>{item.status === 'queued' ? t('outcome.queued') : t('outcome.running')}</Text>
            <Progress value={100} striped animated aria-label={t('outcome.inProgress')} />
          </Stack>
        ) : item.status === 'failed' ? (
          <Alert color="red" variant="light" title={t('outcome.failed')}>
            <Text size="sm">{item.error ?? t('outcome.noReason')}</Text>
            {item.inserted + item.merged > 0 ? (
              <Text size="sm">{t('outcome.savedBeforeStop', { count: item.inserted + item.merged })}</Text>
            ) : null}
          </Alert>
        ) : (
          <Text fw={600}>
            {t('outcome.summary', {
              count: item.rows,
              imported: item.inserted + item.merged,
              rejected: item.rejected,
            })}
          </Text>
        )}
      </div>
      {item.status === 'completed' ? (
        <>
          <SimpleGrid cols={{ base: 2, sm: 4 }} spacing="xs">
            <Figure label={t('outcome.rowsRead')} value={item.rows} />
            <Figure label={t('outcome.newProspects')} value={item.inserted} />
            <Figure label={t('outcome.merged')} value={item.merged} />
            <Figure label={t('outcome.rejected')} value={item.rejected} tone={item.rejected ? 'red.9' : undefined} />
          </SimpleGrid>
          {item.rejected > 0 ? (
            <RejectedRows partnerId={partnerId} item={item} />
          ) : item.rejected === 0 ? (
            <Text size="sm">{t('outcome.noneRejected')}</Text>
          ) : null}
          {item.ignoredColumns.length ? (
            <Text size="sm">
              {t('outcome.ignoredColumns')}{' '}
              {item.ignoredColumns.map((c, i) => (
                <span key={`${c}-${i}`}>
                  {i ? ', ' : ''}
                  <Code>{c || t('outcome.emptyColumn')}</Code>
                </span>
              ))}
            </Text>
          ) : null}
        </>
      ) : null}
    </Stack>
  );
}

/** The first rejected rows with their line and reason, beside the report that holds them all. */
function RejectedRows({ partnerId, item }: { partnerId: string; item: ProspectImport }) {
  const { t } = useTranslation('audience');
  const rows = useImportRejections(partnerId, item.id, item.status === 'completed');
  const all = item.rejected <= REJECTED_ROWS_SHOWN;
  return (
    <Stack gap="xs">
      <Text size="sm">
        {all
          ? item.rejected === 1
            ? t('rejections.theOne')
            : t('rejections.each')
          : t('rejections.first', { shown: REJECTED_ROWS_SHOWN, total: item.rejected })}
      </Text>
      {rows.isError ? (
        <Text size="sm" c="red.9">
          {t('rejections.unreadable', { reason: rows.error.message })}
        </Text>
      ) : !rows.data ? (
        <LoadingBlock height={72} label={t('rejections.loading')} />
      ) : (
        <Table bg="white" withTableBorder striped aria-label={t('rejections.table')}>
          <Table.Thead>
            <Table.Tr>
              <Table.Th w="5rem">{t('rejections.line')}</Table.Th>
              <Table.Th>{t('rejections.reason')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {rows.data.items.map((r) => (
              <Table.Tr key={r.line}>
                <Table.Td>{r.line}</Table.Td>
                <Table.Td className="wrap-words">{r.reason}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
      {item.reportUrl ? (
        <Text size="sm">
          <Trans
            i18nKey="rejections.download"
            t={t}
            components={{ download: <Anchor href={item.reportUrl} download /> }}
          />
        </Text>
      ) : null}
    </Stack>
  );
}

function Figure({ label, value, tone }: { label: string; value: number; tone?: string }) {
  const format = useFormat();
  return (
    <Stack gap={0} p="sm" className={classes.tile}>
      <Text size="xs">{label}</Text>
      <Text fw={700} size="xl" c={tone}>
        {format.count(value)}
      </Text>
    </Stack>
  );
}
