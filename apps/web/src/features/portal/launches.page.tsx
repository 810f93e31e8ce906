import { Anchor, Box, Button, Group, Pagination, Skeleton, Stack, Table, Text, Title } from '@mantine/core';
import { Link, useSearchParams } from 'react-router';
import { PageHeader } from '../../shared/components/page-header';
import classes from '../../shared/components/panel.module.css';
import { PortalGate } from '../../shared/components/portal-gate';
import { QueryError } from '../../shared/components/query-error';
import { pageOf } from '../../shared/hooks/use-address-params';
import { format } from '../../shared/lib/format';
import { LaunchStatus } from './components/launch-status';
import { useLaunches, type LaunchSummary } from './hooks/use-launches';

/** Launches per page. */
const PAGE_SIZE = 20;

export function LaunchesPage() {
  return <PortalGate>{() => <Launches />}</PortalGate>;
}

function Launches() {
  const [params, setParams] = useSearchParams();
  const page = pageOf(params);
  const launches = useLaunches({ limit: PAGE_SIZE, offset: (page - 1) * PAGE_SIZE });
  const pages = launches.data ? Math.ceil(launches.data.total / PAGE_SIZE) : 0;

  return (
    <Stack gap="lg">
      <PageHeader
        title="My launches"
        description="Every campaign you launched, newest first, with its progress: running launches refresh every few seconds."
      />
      {launches.isError ? (
        <QueryError error={launches.error} retry={() => void launches.refetch()} />
      ) : launches.isPending ? (
        <Stack gap="xs" aria-busy="true" aria-label="Loading your launches">
          {Array.from({ length: 4 }, (_, i) => (
            <Skeleton key={i} height={40} />
          ))}
        </Stack>
      ) : launches.data.items.length === 0 ? (
        <Stack gap="xs" align="flex-start" p="lg" className={classes.panel}>
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
          {/* A phone gets a card a launch; wider screens the table. */}
          <Stack gap="sm" hiddenFrom="sm">
            {launches.data.items.map((l) => (
              <LaunchCard key={l.id} launch={l} />
            ))}
          </Stack>
          <Box visibleFrom="sm" style={{ overflowX: 'auto' }} tabIndex={0} role="region" aria-label="Your launches">
            <Table miw={720} striped highlightOnHover bg="white" withTableBorder>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>Campaign</Table.Th>
                  <Table.Th>Status</Table.Th>
                  <Table.Th>Progress</Table.Th>
                  <Table.Th ta="right">Opened</Table.Th>
                  <Table.Th ta="right">Clicked</Table.Th>
                  <Table.Th ta="right">Left out</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {launches.data.items.map((l) => (
                  <Table.Tr key={l.id}>
                    <Table.Td>
                      <Anchor component={Link} to={`/portal/launches/${l.id}`} fw={600}>
                        {l.campaignName}
                      </Anchor>
                      <Text size="xs">
                        Launched {format.dateTime(l.createdAt)}, version {l.version}; starts{' '}
                        {format.dateTime(l.startAt)}
                      </Text>
                    </Table.Td>
                    <Table.Td>
                      <LaunchStatus status={l.status} />
                    </Table.Td>
                    <Table.Td>
                      <Text size="sm" fw={600}>
                        {format.count(l.sent)} sent
                      </Text>
                      <Text size="xs">{format.count(l.enrolled)} enrolled</Text>
                    </Table.Td>
                    <Table.Td ta="right">{format.count(l.opened)}</Table.Td>
                    <Table.Td ta="right">{format.count(l.clicked)}</Table.Td>
                    <Table.Td ta="right">{format.count(l.skippedSuppressed)}</Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Box>
          {pages > 1 ? (
            <Group justify="center">
              <Pagination
                total={pages}
                value={page}
                onChange={(p) => setParams({ page: String(p) })}
                getItemProps={(p) => ({ 'aria-label': `Page ${p}` })}
              />
            </Group>
          ) : null}
        </>
      )}
    </Stack>
  );
}

function LaunchCard({ launch: l }: { launch: LaunchSummary }) {
  return (
    <Stack component="article" aria-label={l.campaignName} gap={6} p="md" className={classes.panel}>
      <Group justify="space-between" align="flex-start" wrap="nowrap" gap="sm">
        <Anchor component={Link} to={`/portal/launches/${l.id}`} fw={600}>
          {l.campaignName}
        </Anchor>
        {/* The status never shrinks: the name wraps instead. */}
        <Box style={{ flexShrink: 0 }}>
          <LaunchStatus status={l.status} />
        </Box>
      </Group>
      <Text size="xs">
        Launched {format.dateTime(l.createdAt)}, version {l.version}; starts {format.dateTime(l.startAt)}
      </Text>
      <Group gap="lg">
        {(
          [
            ['Sent', l.sent],
            ['Enrolled', l.enrolled],
            ['Opened', l.opened],
            ['Clicked', l.clicked],
          ] as const
        ).map(([label, value]) => (
          <Stack key={label} gap={0}>
            <Text size="xs">{label}</Text>
            <Text fw={700}>{format.count(value)}</Text>
          </Stack>
        ))}
      </Group>
    </Stack>
  );
}
