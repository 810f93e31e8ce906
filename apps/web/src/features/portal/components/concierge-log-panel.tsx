import { Box, Skeleton, Stack, Table, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { PageControls } from '../../../shared/components/list-states';
import classes from '../../../shared/components/panel.module.css';
import { QueryError } from '../../../shared/components/query-error';
import { format } from '../../../shared/lib/format';
import { useConciergeLog } from '../hooks/use-account';

/** Entries per page of the log. */
const PAGE_SIZE = 20;

/** The concierge audit log as the partner reads it: who at the vendor acted for the partner, when, and what they did. */
export function ConciergeLogPanel({ partnerId }: { partnerId: string }) {
  const [page, setPage] = useState(1);
  const log = useConciergeLog(partnerId, { limit: PAGE_SIZE, offset: (page - 1) * PAGE_SIZE });
  const pages = log.data ? Math.ceil(log.data.total / PAGE_SIZE) : 0;

  return (
    <Stack component="section" aria-labelledby="concierge-log-title" gap="md">
      <Stack gap={4}>
        <Title order={2} id="concierge-log-title">
          Your vendor acting for you
        </Title>
        <Text size="sm">
          Your vendor’s team can open this portal on your behalf to help you (concierge service). Every request they
          make for you is recorded here, newest first.
        </Text>
      </Stack>
      {log.isError ? (
        <QueryError error={log.error} retry={() => void log.refetch()} />
      ) : log.isPending ? (
        <Skeleton height={120} aria-label="Loading the log" />
      ) : log.data.items.length === 0 ? (
        <Text size="sm" p="md" className={classes.panel}>
          No one from your vendor has acted for you yet.
        </Text>
      ) : (
        // Three columns that wrap (the path too): a phone's width holds them without scrolling sideways.
        <Box role="region" aria-label="Requests made for you by your vendor">
          <Table bg="white" withTableBorder striped>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>When</Table.Th>
                <Table.Th>Who</Table.Th>
                <Table.Th>Request</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {log.data.items.map((a) => (
                <Table.Tr key={a.id}>
                  <Table.Td>
                    <Text size="sm">{format.dateTimeSeconds(a.at)}</Text>
                  </Table.Td>
                  <Table.Td className="wrap-anywhere">
                    <Text size="sm" fw={600}>
                      {a.userName}
                    </Text>
                    <Text size="xs">{a.userEmail}</Text>
                  </Table.Td>
                  <Table.Td>
                    <Text size="sm" ff="monospace" className="wrap-anywhere">
                      {a.method} {a.path}
                    </Text>
                    {a.action ? (
                      <Text size="sm" fw={600} style={{ overflowWrap: 'anywhere' }}>
                        {a.action}
                      </Text>
                    ) : null}
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Box>
      )}
      <PageControls pages={pages} page={page} onChange={setPage} />
    </Stack>
  );
}
