import '@mantine/charts/styles.css';
import { BarChart, LineChart } from '@mantine/charts';
import { Box } from '@mantine/core';
import { count, label as text } from '../format';
import type { ReportRow } from '../hooks/use-analytics';

/** The funnel's steps drawn, in the theme's colours (each above 3:1 on white). */
const SERIES = [
  { name: 'sent', label: 'Sent', color: 'indigo.8' },
  { name: 'opened', label: 'Opened', color: 'teal.8' },
  { name: 'clicked', label: 'Clicked', color: 'orange.8' },
];

const figures = (rows: ReportRow[], key: string) =>
  rows.map((r) => ({ [key]: text(r[key]), ...Object.fromEntries(SERIES.map((s) => [s.name, count(r, s.name)])) }));

/** The chart is a picture of the table under it: screen readers and the keyboard use the table instead (recharts' own keyboard layer is off). */
function Figure({ label, children }: { label: string; children: React.ReactNode }) {
  return (
    <Box role="img" aria-label={label} mt="sm">
      <div aria-hidden>{children}</div>
    </Box>
  );
}

/** Sent, opened and clicked per campaign or partner (the ten that sent most). */
export function FunnelBarChart({ rows, nameKey, label }: { rows: ReportRow[]; nameKey: string; label: string }) {
  const top = [...rows].sort((a, b) => count(b, 'sent') - count(a, 'sent')).slice(0, 10);
  return (
    <Figure label={label}>
      <BarChart
        h={260}
        data={figures(top, nameKey)}
        dataKey={nameKey}
        series={SERIES}
        withLegend
        legendProps={{ verticalAlign: 'bottom' }}
        tickLine="y"
        gridAxis="y"
        maxBarWidth={56}
        barChartProps={{ accessibilityLayer: false }}
      />
    </Figure>
  );
}

/** Sent, opened and clicked per day. */
export function TrendLineChart({ rows, label }: { rows: ReportRow[]; label: string }) {
  return (
    <Figure label={label}>
      <LineChart
        h={260}
        data={figures(rows, 'day')}
        dataKey="day"
        series={SERIES}
        withLegend
        legendProps={{ verticalAlign: 'bottom' }}
        curveType="monotone"
        tickLine="y"
        gridAxis="y"
        lineChartProps={{ accessibilityLayer: false }}
      />
    </Figure>
  );
}
