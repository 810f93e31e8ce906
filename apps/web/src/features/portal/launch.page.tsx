import { Anchor, Box, Group, SimpleGrid, Skeleton, Stack, Table, Text, Title } from '@mantine/core';
import { lazy, Suspense, type ReactNode } from 'react';
import { Link, useParams } from 'react-router';
import { PageHeader } from '../../shared/components/page-header';
import classes from '../../shared/components/panel.module.css';
import { PortalGate } from '../../shared/components/portal-gate';
import { QueryError } from '../../shared/components/query-error';
import { format } from '../../shared/lib/format';
import { LaunchActions } from './components/launch-actions';
import { LaunchStatus } from './components/launch-status';
import { useCampaign } from './hooks/use-campaign';
import { type LaunchProgress, useLaunch, useLaunchDaily, useLaunchProgress } from './hooks/use-launches';

// The charts (and recharts under them) load only on this page, after its figures.
const StepFunnelChart = lazy(() => import('./components/launch-charts').then((m) => ({ default: m.StepFunnelChart })));
const DailyTrendChart = lazy(() => import('./components/launch-charts').then((m) => ({ default: m.DailyTrendChart })));

/** The launch's figures, one tile each, in this order. */
type Count = 'enrolled' | 'sent' | 'opened' | 'clicked' | 'accepted' | 'bounced' | 'unsubscribed' | 'skippedSuppressed';
const FIGURES: Array<{ label: string; key: Count }> = [
  { label: 'Enrolled', key: 'enrolled' },
  { label: 'Sent', key: 'sent' },
  { label: 'Opened', key: 'opened' },
  { label: 'Clicked', key: 'clicked' },
  { label: 'Accepted', key: 'accepted' },
  { label: 'Bounced', key: 'bounced' },
  { label: 'Unsubscribed', key: 'unsubscribed' },
  { label: 'Left out (suppressed)', key: 'skippedSuppressed' },
];

/**
 * The figures once they have arrived: not while they are asked for, nor while a launch just
 * made is still enrolling its first prospects (its counts would all read 0 for a few seconds).
 */
const figuresOf = (p: LaunchProgress | undefined) =>
  p && !(p.status === 'enrolling' && p.enrolled === 0) ? p : undefined;

export function LaunchPage() {
  const { launchId = '' } = useParams();
  return <PortalGate>{() => <LaunchDetail launchId={launchId} />}</PortalGate>;
}

function LaunchDetail({ launchId }: { launchId: string }) {
  const launch = useLaunch(launchId);
  const progress = useLaunchProgress(launchId);
  const daily = useLaunchDaily(launchId, progress.data?.status);
  const campaign = useCampaign(launch.data?.campaignId ?? '');

  if (launch.isError) return <QueryError error={launch.error} retry={() => void launch.refetch()} />;
  if (launch.isPending) {
    return (
      <Stack gap="md" aria-busy="true" aria-label="Loading the launch">
        <Skeleton height={32} width="50%" />
        <Skeleton height={200} />
      </Stack>
    );
  }
  const l = launch.data;
  const name = campaign.data?.name ?? 'Launch';
  const p = progress.data;
  const figures = figuresOf(p);

  return (
    <Stack gap="lg">
      <Text size="sm">
        <Link to="/portal/launches">My launches</Link> / {name}
      </Text>
      <Group justify="space-between" align="flex-start" wrap="wrap">
        <PageHeader
          title={name}
          description={`Version ${l.version}, launched ${format.dateTime(l.createdAt)}, starting ${format.dateTime(l.startAt)}.`}
        />
        <Group gap="sm">
          <LaunchStatus status={p?.status ?? l.status} />
        </Group>
      </Group>
      <LaunchActions launch={l} />

      <section aria-labelledby="progress-title">
        <Title order={2} id="progress-title" mb="xs">
          Progress
        </Title>
        {progress.isError ? (
          <QueryError error={progress.error} retry={() => void progress.refetch()} />
        ) : (
          <Stack gap="md">
            <SimpleGrid cols={{ base: 2, sm: 4 }} spacing="xs">
              {FIGURES.map(({ label, key }) => (
                <Figure key={key} label={label} value={figures ? figures[key] : undefined} />
              ))}
            </SimpleGrid>
            {!figures ? (
              <Skeleton height={120} aria-label="Loading the progress per step" />
            ) : (
              <Box style={{ overflowX: 'auto' }} tabIndex={0} role="region" aria-label="Per-step progress">
                <Table miw={600} bg="white" withTableBorder striped>
                  <Table.Caption>
                    Per step; counts trail the events by a few seconds and refresh while the launch runs.
                  </Table.Caption>
                  <Table.Thead>
                    <Table.Tr>
                      <Table.Th>Step</Table.Th>
                      <Table.Th ta="right">Waiting</Table.Th>
                      <Table.Th ta="right">Sent</Table.Th>
                      <Table.Th ta="right">Accepted</Table.Th>
                      <Table.Th ta="right">Opened</Table.Th>
                      <Table.Th ta="right">Clicked</Table.Th>
                      <Table.Th ta="right">Unsubscribed</Table.Th>
                    </Table.Tr>
                  </Table.Thead>
                  <Table.Tbody>
                    {figures.steps.map((s) => (
                      <Table.Tr key={s.step}>
                        <Table.Th scope="row" fw={500}>
                          {s.name}
                        </Table.Th>
                        <Table.Td ta="right">{format.count(s.waiting)}</Table.Td>
                        <Table.Td ta="right">{format.count(s.sent)}</Table.Td>
                        <Table.Td ta="right">{format.count(s.accepted)}</Table.Td>
                        <Table.Td ta="right">{format.count(s.opened)}</Table.Td>
                        <Table.Td ta="right">{format.count(s.clicked)}</Table.Td>
                        <Table.Td ta="right">{format.count(s.unsubscribed)}</Table.Td>
                      </Table.Tr>
                    ))}
                  </Table.Tbody>
                </Table>
              </Box>
            )}
          </Stack>
        )}
      </section>
      <section aria-labelledby="results-title">
        <Title order={2} id="results-title" mb="xs">
          Results
        </Title>
        <SimpleGrid cols={{ base: 1, md: 2 }} spacing="lg">
          <ChartCard title="Funnel per email" id="funnel-title">
            {p ? (
              <Suspense fallback={<Skeleton height={280} aria-label="Loading the chart" />}>
                <StepFunnelChart progress={p} />
              </Suspense>
            ) : (
              <Skeleton height={280} aria-label="Loading the funnel" />
            )}
          </ChartCard>
          <ChartCard title="Day by day" id="trend-title">
            {daily.isError ? (
              <QueryError error={daily.error} retry={() => void daily.refetch()} />
            ) : daily.data ? (
              <Suspense fallback={<Skeleton height={260} aria-label="Loading the chart" />}>
                <DailyTrendChart daily={daily.data} />
              </Suspense>
            ) : (
              <Skeleton height={260} aria-label="Loading the trend" />
            )}
          </ChartCard>
        </SimpleGrid>
      </section>
      <Anchor component={Link} to={`/portal/campaigns/${l.campaignId}`}>
        See the campaign and its previews
      </Anchor>
    </Stack>
  );
}

/** A chart with its title; the chart says what it shows, the tables hold its figures. */
function ChartCard({ title, id, children }: { title: string; id: string; children: ReactNode }) {
  return (
    <Stack
      component="figure"
      gap="xs"
      p="md"
      m={0}
      aria-labelledby={id}
      className={`${classes.panel} ${classes.shrinks}`}
    >
      <Title order={3} size="h4" id={id}>
        {title}
      </Title>
      {children}
    </Stack>
  );
}

/** One figure; a skeleton in its place, never a 0, until it has arrived. */
function Figure({ label, value }: { label: string; value: number | undefined }) {
  return (
    <Stack gap={0} p="sm" className={classes.tile} role="group" aria-label={label} aria-busy={value === undefined}>
      <Text size="xs">{label}</Text>
      {value === undefined ? (
        // As tall as the figure it stands for: nothing moves when it arrives.
        <Skeleton height={31} width={56} my={0} />
      ) : (
        <Text fw={700} size="xl">
          {format.count(value)}
        </Text>
      )}
    </Stack>
  );
}
