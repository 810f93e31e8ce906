import '@mantine/charts/styles.css';
import { BarChart, LineChart } from '@mantine/charts';
import { Box } from '@mantine/core';
import { useTranslation } from '../../../shared/i18n';
import { count, label as text } from '../format';
import type { ReportRow } from '../hooks/use-analytics';

/** The funnel's steps drawn, in the theme's colours (each above 3:1 on white). */
const STEPS = [
  { name: 'sent', color: 'indigo.8' },
  { name: 'opened', color: 'teal.8' },
  { name: 'clicked', color: 'orange.8' },
] as const;

/** The steps with their names in the reader's language, for the legend. */
function useSeries() {
  const { t } = useTranslation('console-dashboards');
  const labels = { sent: t('columns.sent'), opened: t('columns.opened'), clicked: t('columns.clicked') };
  return STEPS.map((s) => ({ ...s, label: labels[s.name] }));
}

const figures = (rows: ReportRow[], key: string) =>
  rows.map((r) => ({ [key]: text(r[key]), ...Object.fromEntries(STEPS.map((s) => [s.name, count(r, s.name)])) }));

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
  const series = useSeries();
  const top = [...rows].sort((a, b) => count(b, 'sent') - count(a, 'sent')).slice(0, 10);
  return (
    <Figure label={label}>
      <BarChart
        h={260}
        data={figures(top, nameKey)}
        dataKey={nameKey}
        series={series}
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
  const series = useSeries();
  return (
    <Figure label={label}>
      <LineChart
        h={260}
        data={figures(rows, 'day')}
        dataKey="day"
        series={series}
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
