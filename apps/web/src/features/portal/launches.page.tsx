import { Anchor, Box, Button, Group, Pagination, Skeleton, Stack, Table, Text, Title } from '@mantine/core';
import { Link, useSearchParams } from 'react-router';
import { PageHeader } from '../../shared/components/page-header';
import classes from '../../shared/components/panel.module.css';
import { PortalGate } from '../../shared/components/portal-gate';
import { QueryError } from '../../shared/components/query-error';
import { pageOf } from '../../shared/hooks/use-address-params';
import { useFormat, useTranslation } from '../../shared/i18n';
import { LaunchStatus } from './components/launch-status';
import { useLaunches, type LaunchSummary } from './hooks/use-launches';

/** Launches per page. */
const PAGE_SIZE = 20;

export function LaunchesPage() {
  return <PortalGate>{() => <Launches />}</PortalGate>;
}

function Launches() {
  const { t } = useTranslation('portal');
  const format = useFormat();
  const [params, setParams] = useSearchParams();
  const page = pageOf(params);
  const launches = useLaunches({ limit: PAGE_SIZE, offset: (page - 1) * PAGE_SIZE });
  const pages = launches.data ? Math.ceil(launches.data.total / PAGE_SIZE) : 0;

  return (
    <Stack gap="lg">
      <PageHeader title={t('launches.title')} description={t('launches.description')} />
      {launches.isError ? (
        <QueryError error={launches.error} retry={() => void launches.refetch()} />
      ) : launches.isPending ? (
        <Stack gap="xs" aria-busy="true" aria-label={t('launches.loading')}>
          {Array.from({ length: 4 }, (_, i) => (
            <Skeleton key={i} height={40} />
          ))}
        </Stack>
      ) : launches.data.items.length === 0 ? (
        <Stack gap="xs" align="flex-start" p="lg" className={classes.panel}>
          <Title order={2} size="h3">
            {t('launches.emptyTitle')}
          </Title>
          <Text>{t('launches.empty')}</Text>
          <Button component={Link} to="/portal">
            {t('launches.openCatalogue')}
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
          <Box
            visibleFrom="sm"
            style={{ overflowX: 'auto' }}
            tabIndex={0}
            role="region"
            aria-label={t('launches.table')}
          >
            <Table miw={720} striped highlightOnHover bg="white" withTableBorder>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t('launches.campaign')}</Table.Th>
                  <Table.Th>{t('launches.status')}</Table.Th>
                  <Table.Th>{t('launches.progress')}</Table.Th>
                  <Table.Th ta="right">{t('figures.opened')}</Table.Th>
                  <Table.Th ta="right">{t('figures.clicked')}</Table.Th>
                  <Table.Th ta="right">{t('figures.leftOut')}</Table.Th>
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
                        {t('launches.launchedOn', {
                          launched: format.dateTime(l.createdAt),
                          version: l.version,
                          starts: format.dateTime(l.startAt),
                        })}
                      </Text>
                    </Table.Td>
                    <Table.Td>
                      <LaunchStatus status={l.status} />
                    </Table.Td>
                    <Table.Td>
                      <Text size="sm" fw={600}>
                        {t('launches.sentCount', { sent: format.count(l.sent) })}
                      </Text>
                      <Text size="xs">{t('launches.enrolledCount', { enrolled: format.count(l.enrolled) })}</Text>
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
                getItemProps={(p) => ({ 'aria-label': t('shared:lists.page', { page: p }) })}
              />
            </Group>
          ) : null}
        </>
      )}
    </Stack>
  );
}

function LaunchCard({ launch: l }: { launch: LaunchSummary }) {
  const { t } = useTranslation('portal');
  const format = useFormat();
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
        {t('launches.launchedOn', {
          launched: format.dateTime(l.createdAt),
          version: l.version,
          starts: format.dateTime(l.startAt),
        })}
      </Text>
      <Group gap="lg">
        {(
          [
            [t('figures.sent'), l.sent],
            [t('figures.enrolled'), l.enrolled],
            [t('figures.opened'), l.opened],
            [t('figures.clicked'), l.clicked],
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
