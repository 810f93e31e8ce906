import '@mantine/charts/styles.css';
import { BarChart, LineChart } from '@mantine/charts';
import { Box, Button, ColorSwatch, Group, Stack, Table, Text } from '@mantine/core';
import { useId, useState } from 'react';
import type { LaunchDaily, LaunchProgress } from '../hooks/use-launches';
import { format } from '../../../shared/lib/format';

/**
 * The launch page's charts, in a chunk of their own (recharts is heavy): only this page loads
 * them. Each chart is a picture with a spoken summary; the figures themselves are in tables (the
 * per-step table beside the funnel, the days' table under the trend).
 */

const dayOf = (day: string) => format.utcDayMonth(`${day}T00:00:00Z`);

/** The funnel's stages, in order, each a colour of its own. */
const STAGES = [
  { key: 'enrolled', name: 'Enrolled', color: 'gray.6' },
  { key: 'sent', name: 'Sent', color: 'blue.7' },
  { key: 'accepted', name: 'Accepted', color: 'violet.5' },
  { key: 'opened', name: 'Opened', color: 'teal.6' },
  { key: 'clicked', name: 'Clicked', color: 'orange.6' },
  { key: 'unsubscribed', name: 'Unsubscribed', color: 'red.8' },
] as const;

const TREND = [
  { key: 'sent', name: 'Sent', color: 'blue.7' },
  { key: 'opened', name: 'Opened', color: 'teal.6' },
  { key: 'clicked', name: 'Clicked', color: 'orange.6' },
] as const;

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
  const data = progress.steps.map((s) => {
    const counts: Record<(typeof STAGES)[number]['key'], number> = { ...s, enrolled: progress.enrolled };
    return { step: `Email ${s.step}`, ...Object.fromEntries(STAGES.map((stage) => [stage.name, counts[stage.key]])) };
  });
  const summary = progress.steps
    .map(
      (s) =>
        `Email ${s.step}: ${STAGES.map((stage) => `${format.count(stage.key === 'enrolled' ? progress.enrolled : s[stage.key])} ${stage.name.toLowerCase()}`).join(', ')}`,
    )
    .join('; ');
  return (
    <Stack gap="xs">
      <Box role="img" aria-label={`Funnel per email. ${summary}.`}>
        <BarChart
          h={280}
          data={data}
          dataKey="step"
          series={STAGES.map(({ name, color }) => ({ name, color }))}
          yAxisProps={COUNT_AXIS}
          tickLine="y"
          accessibilityLayer={false}
          valueFormatter={format.count}
        />
      </Box>
      <Legend series={STAGES} />
    </Stack>
  );
}

/** Per UTC day: emails sent, opened and clicked (unique human opens and clicks). */
export function DailyTrendChart({ daily }: { daily: LaunchDaily }) {
  const [table, setTable] = useState(false);
  const tableId = useId();
  if (!daily.days.length)
    return <Text size="sm">Nothing is sent yet: the trend starts on the launch’s first day.</Text>;
  const data = daily.days.map((d) => ({
    day: dayOf(d.day),
    ...Object.fromEntries(TREND.map((t) => [t.name, d[t.key]])),
  }));
  const sum = (key: (typeof TREND)[number]['key']) => daily.days.reduce((total, d) => total + d[key], 0);
  const first = dayOf(daily.days[0].day);
  const last = dayOf(daily.days[daily.days.length - 1].day);
  const span = first === last ? `on ${first}` : `from ${first} to ${last}`;
  return (
    <Stack gap="xs">
      <Box
        role="img"
        aria-label={`Daily trend ${span}: ${TREND.map((t) => `${format.count(sum(t.key))} ${t.name.toLowerCase()}`).join(', ')} in all.`}
      >
        <LineChart
          h={260}
          data={data}
          dataKey="day"
          series={TREND.map(({ name, color }) => ({ name, color }))}
          yAxisProps={COUNT_AXIS}
          curveType="linear"
          accessibilityLayer={false}
          valueFormatter={format.count}
        />
      </Box>
      <Legend series={TREND} />
      <div>
        <Button
          variant="subtle"
          size="compact-sm"
          onClick={() => setTable((t) => !t)}
          aria-expanded={table}
          aria-controls={table ? tableId : undefined}
        >
          {table ? 'Hide the days’ figures' : 'Show the days’ figures as a table'}
        </Button>
      </div>
      {table ? (
        <Box id={tableId} style={{ overflowX: 'auto' }} tabIndex={0} role="region" aria-label="Figures per day">
          <Table withTableBorder striped bg="white" fz="sm">
            <Table.Caption>Per day (UTC): emails sent, unique human opens and clicks.</Table.Caption>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>Day</Table.Th>
                {TREND.map((t) => (
                  <Table.Th key={t.key} ta="right">
                    {t.name}
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
                  {TREND.map((t) => (
                    <Table.Td key={t.key} ta="right">
                      {format.count(d[t.key])}
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
