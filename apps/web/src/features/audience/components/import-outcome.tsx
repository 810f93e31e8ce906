import { Alert, Anchor, Code, Group, Progress, SimpleGrid, Skeleton, Stack, Table, Text } from '@mantine/core';
import classes from '../../../shared/components/panel.module.css';
import { fileSize, format, plural } from '../../../shared/lib/format';
import { REJECTED_ROWS_SHOWN, useImportRejections, type ProspectImport } from '../hooks/use-imports';
import { ImportStatus } from './import-status';

/** Where an import stands, as the API last answered: progress while the worker reads it, then its counts. */
export function ImportOutcome({ partnerId, item }: { partnerId: string; item: ProspectImport }) {
  const running = item.status === 'queued' || item.status === 'running';
  return (
    <Stack gap="md">
      <Group gap="sm">
        <ImportStatus status={item.status} />
        <Text size="sm" c="dimmed">
          {fileSize(item.fileSize)}
          {item.finishedAt ? `, finished ${format.dateTime(item.finishedAt)}` : ''}
        </Text>
      </Group>
      <div role="status" aria-live="polite">
        {running ? (
          <Stack gap="xs">
            <Text>
              {item.status === 'queued'
                ? 'Waiting for a worker to read the file…'
                : 'Reading the file and saving its prospects…'}
            </Text>
            <Progress value={100} striped animated aria-label="Import in progress" />
          </Stack>
        ) : item.status === 'failed' ? (
          <Alert color="red" variant="light" title="The import failed">
            <Text size="sm">{item.error ?? 'The engine did not say why.'}</Text>
            {item.inserted + item.merged > 0 ? (
              <Text size="sm">
                {plural(item.inserted + item.merged, 'row was', 'rows were')} saved before it stopped: importing the
                file again completes it.
              </Text>
            ) : null}
          </Alert>
        ) : (
          <Text fw={600}>
            {plural(item.rows, 'row')} read: {format.count(item.inserted + item.merged)} imported,{' '}
            {format.count(item.rejected)} rejected.
          </Text>
        )}
      </div>
      {item.status === 'completed' ? (
        <>
          <SimpleGrid cols={{ base: 2, sm: 4 }} spacing="xs">
            <Figure label="Rows read" value={item.rows} />
            <Figure label="New prospects" value={item.inserted} />
            <Figure label="Merged into existing" value={item.merged} />
            <Figure label="Rejected" value={item.rejected} tone={item.rejected ? 'red.9' : undefined} />
          </SimpleGrid>
          {item.rejected > 0 ? (
            <RejectedRows partnerId={partnerId} item={item} />
          ) : item.rejected === 0 ? (
            <Text size="sm">No row was rejected.</Text>
          ) : null}
          {item.ignoredColumns.length ? (
            <Text size="sm">
              Columns ignored (a repeated column, or a name that cannot be a custom field):{' '}
              {item.ignoredColumns.map((c, i) => (
                <span key={`${c}-${i}`}>
                  {i ? ', ' : ''}
                  <Code>{c || '(empty)'}</Code>
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
  const rows = useImportRejections(partnerId, item.id, item.status === 'completed');
  const all = item.rejected <= REJECTED_ROWS_SHOWN;
  return (
    <Stack gap="xs">
      <Text size="sm">
        {all
          ? item.rejected === 1
            ? 'The rejected row, with its line in the file and the reason:'
            : 'Each rejected row, with its line in the file and the reason:'
          : `The first ${REJECTED_ROWS_SHOWN} of ${format.count(item.rejected)} rejected rows, with their line in the file and the reason; the report holds them all.`}
      </Text>
      {rows.isError ? (
        <Text size="sm" c="red.9">
          The rejected rows could not be read: {rows.error.message}
        </Text>
      ) : !rows.data ? (
        <Skeleton height={72} aria-label="Loading the rejected rows" />
      ) : (
        <Table bg="white" withTableBorder striped aria-label="Rejected rows">
          <Table.Thead>
            <Table.Tr>
              <Table.Th w="5rem">Line</Table.Th>
              <Table.Th>Reason</Table.Th>
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
          <Anchor href={item.reportUrl} download>
            Download the rejected rows (CSV)
          </Anchor>{' '}
          with each row as it was sent.
        </Text>
      ) : null}
    </Stack>
  );
}

function Figure({ label, value, tone }: { label: string; value: number; tone?: string }) {
  return (
    <Stack gap={0} p="sm" className={classes.tile}>
      <Text size="xs">{label}</Text>
      <Text fw={700} size="xl" c={tone}>
        {format.count(value)}
      </Text>
    </Stack>
  );
}
