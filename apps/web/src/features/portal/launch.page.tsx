import { Alert, Anchor, Box, Group, SimpleGrid, Skeleton, Stack, Table, Text, Title } from '@mantine/core';
import { lazy, Suspense, type ReactNode } from 'react';
import { Link, useParams } from 'react-router';
import { PageHeader } from '../../shared/components/page-header';
import classes from '../../shared/components/panel.module.css';
import { PortalGate } from '../../shared/components/portal-gate';
import { QueryError } from '../../shared/components/query-error';
import { Trans, useFormat, useTranslation, type TFunction } from '../../shared/i18n';
import { LaunchActions } from './components/launch-actions';
import { LaunchStatus } from './components/launch-status';
import { useCampaign } from './hooks/use-campaign';
import { type LaunchProgress, useLaunch, useLaunchDaily, useLaunchProgress } from './hooks/use-launches';
import { LoadingBlock } from '../../shared/components/list-states';

// The charts (and recharts under them) load only on this page, after its figures.
const StepFunnelChart = lazy(() => import('./components/launch-charts').then((m) => ({ default: m.StepFunnelChart })));
const DailyTrendChart = lazy(() => import('./components/launch-charts').then((m) => ({ default: m.DailyTrendChart })));

/** The launch's figures, one tile each, in this order. */
type Count = 'enrolled' | 'sent' | 'opened' | 'clicked' | 'accepted' | 'bounced' | 'unsubscribed' | 'skippedSuppressed';
const figuresIn = (t: TFunction): Array<{ label: string; key: Count }> => [
  { label: t('portal:figures.enrolled'), key: 'enrolled' },
  { label: t('portal:figures.sent'), key: 'sent' },
  { label: t('portal:figures.opened'), key: 'opened' },
  { label: t('portal:figures.clicked'), key: 'clicked' },
  { label: t('portal:figures.accepted'), key: 'accepted' },
  { label: t('portal:figures.bounced'), key: 'bounced' },
  { label: t('portal:figures.unsubscribed'), key: 'unsubscribed' },
  { label: t('portal:figures.leftOutSuppressed'), key: 'skippedSuppressed' },
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
  const { t } = useTranslation('portal');
  const format = useFormat();
  const launch = useLaunch(launchId);
  const progress = useLaunchProgress(launchId);
  const daily = useLaunchDaily(launchId, progress.data?.status);
  const campaign = useCampaign(launch.data?.campaignId ?? '');

  if (launch.isError) return <QueryError error={launch.error} retry={() => void launch.refetch()} />;
  if (launch.isPending) {
    return (
      <Stack gap="md" aria-busy="true" aria-label={t('launch.loading')}>
        <Skeleton height={32} width="50%" />
        <Skeleton height={200} />
      </Stack>
    );
  }
  const l = launch.data;
  const name = campaign.data?.name ?? t('launch.untitled');
  const p = progress.data;
  const figures = figuresOf(p);
  const blockLabel = (slot: string) => campaign.data?.content.slots.find((s) => s.name === slot)?.label ?? slot;

  return (
    <Stack gap="lg">
      <Text size="sm">
        <Trans
          i18nKey="launch.breadcrumb"
          t={t}
          values={{ name }}
          components={{ parent: <Link to="/portal/launches" /> }}
        />
      </Text>
      <Group justify="space-between" align="flex-start" wrap="wrap">
        <PageHeader
          title={name}
          description={t('launch.description', {
            version: l.version,
            launched: format.dateTime(l.createdAt),
            starts: format.dateTime(l.startAt),
          })}
        />
        <Group gap="sm">
          <LaunchStatus status={p?.status ?? l.status} />
        </Group>
      </Group>
      {l.status === 'awaiting_approval' ? (
        <Alert color="blue" variant="light" title={t('launch.approval.waitingTitle')}>
          <Text size="sm">
            {t('launch.approval.waiting', { blocks: (l.approvalSlots ?? []).map(blockLabel).join(', ') })}
          </Text>
        </Alert>
      ) : l.status === 'returned' ? (
        <Alert color="red" variant="light" title={t('launch.approval.returnedTitle')}>
          <Stack gap={4}>
            {l.approvalComment ? (
              <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>
                {t('launch.approval.comment', { comment: l.approvalComment })}
              </Text>
            ) : null}
            <Text size="sm">{t('launch.approval.returned')}</Text>
          </Stack>
        </Alert>
      ) : null}
      <LaunchActions launch={l} />

      <section aria-labelledby="progress-title">
        <Title order={2} id="progress-title" mb="xs">
          {t('launch.progress')}
        </Title>
        {progress.isError ? (
          <QueryError error={progress.error} retry={() => void progress.refetch()} />
        ) : (
          <Stack gap="md">
            <SimpleGrid cols={{ base: 2, sm: 4 }} spacing="xs">
              {figuresIn(t).map(({ label, key }) => (
                <Figure key={key} label={label} value={figures ? figures[key] : undefined} />
              ))}
            </SimpleGrid>
            {!figures ? (
              <LoadingBlock height={120} label={t('launch.loadingSteps')} />
            ) : (
              <Box style={{ overflowX: 'auto' }} tabIndex={0} role="region" aria-label={t('launch.perStep')}>
                <Table miw={600} bg="white" withTableBorder striped>
                  <Table.Caption>{t('launch.perStepCaption')}</Table.Caption>
                  <Table.Thead>
                    <Table.Tr>
                      <Table.Th>{t('figures.step')}</Table.Th>
                      <Table.Th ta="right">{t('figures.waiting')}</Table.Th>
                      <Table.Th ta="right">{t('figures.sent')}</Table.Th>
                      <Table.Th ta="right">{t('figures.accepted')}</Table.Th>
                      <Table.Th ta="right">{t('figures.opened')}</Table.Th>
                      <Table.Th ta="right">{t('figures.clicked')}</Table.Th>
                      <Table.Th ta="right">{t('figures.unsubscribed')}</Table.Th>
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
          {t('launch.results')}
        </Title>
        <SimpleGrid cols={{ base: 1, md: 2 }} spacing="lg">
          <ChartCard title={t('launch.funnel')} id="funnel-title">
            {p ? (
              <Suspense fallback={<LoadingBlock height={280} label={t('launch.loadingChart')} />}>
                <StepFunnelChart progress={p} />
              </Suspense>
            ) : (
              <LoadingBlock height={280} label={t('launch.loadingFunnel')} />
            )}
          </ChartCard>
          <ChartCard title={t('launch.dayByDay')} id="trend-title">
            {daily.isError ? (
              <QueryError error={daily.error} retry={() => void daily.refetch()} />
            ) : daily.data ? (
              <Suspense fallback={<LoadingBlock height={260} label={t('launch.loadingChart')} />}>
                <DailyTrendChart daily={daily.data} />
              </Suspense>
            ) : (
              <LoadingBlock height={260} label={t('launch.loadingTrend')} />
            )}
          </ChartCard>
        </SimpleGrid>
      </section>
      <Anchor component={Link} to={`/portal/campaigns/${l.campaignId}`}>
        {t('launch.seeCampaign')}
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
  const format = useFormat();
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
