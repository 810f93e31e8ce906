import { Anchor, Box, Button, Group, Pagination, Skeleton, Stack, Table, Text, Title } from '@mantine/core';
import { Link, useSearchParams } from 'react-router';
import { PageHeader } from '../../shared/page-header';
import { LaunchStatus } from './components/launch-status';
import { PortalGate } from './components/portal-gate';
import { QueryError } from './components/query-error';
import { useLaunches } from './hooks/use-launches';

/** Launches per page. */
const PAGE_SIZE = 20;
const dateTime = new Intl.DateTimeFormat('en-GB', { dateStyle: 'medium', timeStyle: 'short' });

export function LaunchesPage() {
  return <PortalGate>{() => <Launches />}</PortalGate>;
}

function Launches() {
  const [params, setParams] = useSearchParams();
  const page = Math.max(1, Number(params.get('page') ?? '1') || 1);
  const launches = useLaunches({ limit: PAGE_SIZE, offset: (page - 1) * PAGE_SIZE });
  const pages = launches.data ? Math.ceil(launches.data.total / PAGE_SIZE) : 0;

  return (
    <Stack gap="lg">
      <PageHeader title="My launches" description="Every campaign you launched, newest first, with its progress." />
      {launches.isError ? (
        <QueryError error={launches.error} retry={() => void launches.refetch()} />
      ) : launches.isPending ? (
        <Stack gap="xs" aria-busy="true" aria-label="Loading your launches">
          {Array.from({ length: 4 }, (_, i) => (
            <Skeleton key={i} height={40} />
          ))}
        </Stack>
      ) : launches.data.items.length === 0 ? (
        <Stack gap="xs" align="flex-start" p="lg" bg="white" style={{ borderRadius: 8, border: '1px solid var(--mantine-color-gray-3)' }}>
          <Title order={2} size="h3">
            You have not launched a campaign yet
          </Title>
          <Text>Pick one in the catalogue, check its previews with your brand, and press Launch.</Text>
          <Button component={Link} to="/portal">
            Open the catalogue
          </Button>
        </Stack>
      ) : (
        <>
          <Box style={{ overflowX: 'auto' }} tabIndex={0} role="region" aria-label="Your launches">
            <Table miw={600} striped highlightOnHover bg="white" withTableBorder>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>Launch</Table.Th>
                  <Table.Th>Status</Table.Th>
                  <Table.Th>Starts</Table.Th>
                  <Table.Th ta="right">Enrolled</Table.Th>
                  <Table.Th ta="right">Left out</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {launches.data.items.map((l) => (
                  <Table.Tr key={l.id}>
                    <Table.Td>
                      <Anchor component={Link} to={`/portal/launches/${l.id}`}>
                        Launched {dateTime.format(new Date(l.createdAt))}
                      </Anchor>
                      <Text size="xs">Version {l.version}</Text>
                    </Table.Td>
                    <Table.Td>
                      <LaunchStatus status={l.status} />
                    </Table.Td>
                    <Table.Td>{dateTime.format(new Date(l.startAt))}</Table.Td>
                    <Table.Td ta="right">{l.enrolled.toLocaleString('en-GB')}</Table.Td>
                    <Table.Td ta="right">{l.skippedSuppressed.toLocaleString('en-GB')}</Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Box>
          {pages > 1 ? (
            <Group justify="center">
              <Pagination total={pages} value={page} onChange={(p) => setParams({ page: String(p) })} getItemProps={(p) => ({ 'aria-label': `Page ${p}` })} />
            </Group>
          ) : null}
        </>
      )}
    </Stack>
  );
}
