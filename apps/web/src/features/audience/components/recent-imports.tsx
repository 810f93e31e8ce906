import { Anchor, Box, Skeleton, Stack, Table, Text, Title } from '@mantine/core';
import { Link } from 'react-router';
import { QueryError } from '../../../shared/components/query-error';
import { format } from '../../../shared/lib/format';
import { useImports } from '../hooks/use-imports';
import { ImportStatus } from './import-status';

/** How many of the latest imports are shown. */
const SHOWN = 10;

/** The partner's latest imports, each opening its outcome. */
export function RecentImports({ partnerId }: { partnerId: string }) {
  const imports = useImports(partnerId, { limit: SHOWN, offset: 0 });
  return (
    <Stack component="section" aria-labelledby="recent-imports-title" gap="sm">
      <Title order={2} id="recent-imports-title">
        Recent imports
      </Title>
      {imports.isError ? (
        <QueryError error={imports.error} retry={() => void imports.refetch()} />
      ) : imports.isPending ? (
        <Skeleton height={80} aria-label="Loading your imports" />
      ) : imports.data.items.length === 0 ? (
        <Text size="sm">No import yet.</Text>
      ) : (
        <>
          {imports.data.total > SHOWN ? (
            <Text size="sm">
              The latest {SHOWN} of {format.count(imports.data.total)}.
            </Text>
          ) : null}
          <Box style={{ overflowX: 'auto' }} tabIndex={0} role="region" aria-label="Your recent imports">
            <Table miw={560} striped bg="white" withTableBorder>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>Sent</Table.Th>
                  <Table.Th>Status</Table.Th>
                  <Table.Th ta="right">Rows</Table.Th>
                  <Table.Th ta="right">Imported</Table.Th>
                  <Table.Th ta="right">Rejected</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {imports.data.items.map((i) => (
                  <Table.Tr key={i.id}>
                    <Table.Td>
                      <Anchor component={Link} to={`/portal/audience/imports/${i.id}`}>
                        {format.dateTime(i.createdAt)}
                      </Anchor>
                    </Table.Td>
                    <Table.Td>
                      <ImportStatus status={i.status} />
                    </Table.Td>
                    <Table.Td ta="right">{format.count(i.rows)}</Table.Td>
                    <Table.Td ta="right">{format.count(i.inserted + i.merged)}</Table.Td>
                    <Table.Td ta="right">{format.count(i.rejected)}</Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Box>
        </>
      )}
    </Stack>
  );
}
