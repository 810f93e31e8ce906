import '@mantine/charts/styles.css';
import { BarChart, LineChart } from '@mantine/charts';
import { Box, Button, ColorSwatch, Group, Stack, Table, Text } from '@mantine/core';
import { useId, useState } from 'react';
import type { LaunchDaily, LaunchProgress } from '../hooks/use-launches';
import { useFormat, useTranslation, type TFunction } from '../../../shared/i18n';

/**
 * The launch page's charts, in a chunk of their own (recharts is heavy): only this page loads
 * them. Each chart is a picture with a spoken summary; the figures themselves are in tables (the
 * per-step table beside the funnel, the days' table under the trend).
 */

type Stage = 'enrolled' | 'sent' | 'accepted' | 'opened' | 'clicked' | 'unsubscribed';

/** Each series' name, and a count of it as a chart's summary says it ("3 sent"), in the reader's language. */
const seriesIn = (t: TFunction): Record<Stage, { name: string; count: (n: string) => string }> => ({
  enrolled: { name: t('portal:figures.enrolled'), count: (n) => t('portal:charts.enrolledCount', { n }) },
  sent: { name: t('portal:figures.sent'), count: (n) => t('portal:charts.sentCount', { n }) },
  accepted: { name: t('portal:figures.accepted'), count: (n) => t('portal:charts.acceptedCount', { n }) },
  opened: { name: t('portal:figures.opened'), count: (n) => t('portal:charts.openedCount', { n }) },
  clicked: { name: t('portal:figures.clicked'), count: (n) => t('portal:charts.clickedCount', { n }) },
  unsubscribed: {
    name: t('portal:figures.unsubscribed'),
    count: (n) => t('portal:charts.unsubscribedCount', { n }),
  },
});

/** The funnel's stages, in order, each a colour of its own. */
const STAGES = [
  { key: 'enrolled', color: 'gray.6' },
  { key: 'sent', color: 'blue.7' },
  { key: 'accepted', color: 'violet.5' },
  { key: 'opened', color: 'teal.6' },
  { key: 'clicked', color: 'orange.6' },
  { key: 'unsubscribed', color: 'red.8' },
] as const;

const TREND = [
  { key: 'sent', color: 'blue.7' },
  { key: 'opened', color: 'teal.6' },
  { key: 'clicked', color: 'orange.6' },
] as const;

/** A chart's series as it draws them: each stage's name in the reader's language, and its colour. */
const named = <S extends { key: Stage; color: string }>(stages: readonly S[], t: TFunction) => {
  const series = seriesIn(t);
  return stages.map((s) => ({ ...s, name: series[s.key].name, count: series[s.key].count }));
};

/**
 * The series' names and colours, in their own order, as page text under the chart: it wraps on a
 * phone (recharts' legend has a fixed height) and is hidden from screen readers, which have the
 * chart's summary and the tables.
 */
function Legend({ series }: { series: ReadonlyArray<{ name: string; color: string }> }) {
  return (
    <Group gap="md" justify="center" aria-hidden="true">
      {series.map((s) => (
        <Group key={s.name} gap={6} wrap="nowrap">
          <ColorSwatch color={`var(--mantine-color-${s.color.replace('.', '-')})`} size={12} withShadow={false} />
          <Text size="sm">{s.name}</Text>
        </Group>
      ))}
    </Group>
  );
}
/** Counts: whole numbers on the axis. */
const COUNT_AXIS = { allowDecimals: false } as const;

/** Per email of the sequence: of those enrolled, how many were sent it, accepted it, opened, clicked and unsubscribed. */
export function StepFunnelChart({ progress }: { progress: LaunchProgress }) {
  const { t } = useTranslation('portal');
  const format = useFormat();
  const stages = named(STAGES, t);
  const data = progress.steps.map((s) => {
    const counts: Record<Stage, number> = { ...s, enrolled: progress.enrolled };
    return {
      step: t('charts.email', { step: s.step }),
      ...Object.fromEntries(stages.map((stage) => [stage.name, counts[stage.key]])),
    };
  });
  const summary = progress.steps
    .map((s) =>
      t('charts.funnelStep', {
        step: s.step,
        counts: stages
          .map((stage) => stage.count(format.count(stage.key === 'enrolled' ? progress.enrolled : s[stage.key])))
          .join(', '),
      }),
    )
    .join('; ');
  return (
    <Stack gap="xs">
      <Box role="img" aria-label={t('charts.funnelSummary', { summary })}>
        <BarChart
          h={280}
          data={data}
          dataKey="step"
          series={stages.map(({ name, color }) => ({ name, color }))}
          yAxisProps={COUNT_AXIS}
          tickLine="y"
          accessibilityLayer={false}
          valueFormatter={format.count}
        />
      </Box>
      <Legend series={stages} />
    </Stack>
  );
}

/** Per UTC day: emails sent, opened and clicked (unique human opens and clicks). */
export function DailyTrendChart({ daily }: { daily: LaunchDaily }) {
  const { t } = useTranslation('portal');
  const format = useFormat();
  const [table, setTable] = useState(false);
  const tableId = useId();
  if (!daily.days.length) return <Text size="sm">{t('charts.nothingSent')}</Text>;
  const trend = named(TREND, t);
  const dayOf = (day: string) => format.utcDayMonth(`${day}T00:00:00Z`);
  const data = daily.days.map((d) => ({
    day: dayOf(d.day),
    ...Object.fromEntries(trend.map((s) => [s.name, d[s.key]])),
  }));
  const sum = (key: (typeof TREND)[number]['key']) => daily.days.reduce((total, d) => total + d[key], 0);
  const first = dayOf(daily.days[0].day);
  const last = dayOf(daily.days[daily.days.length - 1].day);
  const counts = trend.map((s) => s.count(format.count(sum(s.key)))).join(', ');
  return (
    <Stack gap="xs">
      <Box
        role="img"
        aria-label={
          first === last
            ? t('charts.trendOn', { day: first, counts })
            : t('charts.trendFromTo', { first, last, counts })
        }
      >
        <LineChart
          h={260}
          data={data}
          dataKey="day"
          series={trend.map(({ name, color }) => ({ name, color }))}
          yAxisProps={COUNT_AXIS}
          curveType="linear"
          accessibilityLayer={false}
          valueFormatter={format.count}
        />
      </Box>
      <Legend series={trend} />
      <div>
        <Button
          variant="subtle"
          size="compact-sm"
          onClick={() => setTable((t) => !t)}
          aria-expanded={table}
          aria-controls={table ? tableId : undefined}
        >
          {table ? t('charts.hideTable') : t('charts.showTable')}
        </Button>
      </div>
      {table ? (
        <Box id={tableId} style={{ overflowX: 'auto' }} tabIndex={0} role="region" aria-label={t('charts.perDay')}>
          <Table withTableBorder striped bg="white" fz="sm">
            <Table.Caption>{t('charts.perDayCaption')}</Table.Caption>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('charts.day')}</Table.Th>
                {trend.map((s) => (
                  <Table.Th key={s.key} ta="right">
                    {s.name}
                  </Table.Th>
                ))}
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {daily.days.map((d) => (
                <Table.Tr key={d.day}>
                  <Table.Th scope="row" fw={500}>
                    <time dateTime={d.day}>{dayOf(d.day)}</time>
                  </Table.Th>
                  {trend.map((s) => (
                    <Table.Td key={s.key} ta="right">
                      {format.count(d[s.key])}
                    </Table.Td>
                  ))}
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Box>
      ) : null}
    </Stack>
  );
}
