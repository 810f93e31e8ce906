import { NumberInput, Select, Skeleton, Stack } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { lazy, Suspense, useState } from 'react';
import { PageHeader } from '../../shared/components/page-header';
import { QueryError } from '../../shared/components/query-error';
import { useAddressParams } from '../../shared/hooks/use-address-params';
import { Report, type ReportColumn } from './components/report-table';
import { utcDayBefore } from './format';
import { csvUrl, useFunnel, usePartnerActivityReport } from './hooks/use-analytics';

// Charts (recharts) load with this page only, after its tables.
const FunnelBarChart = lazy(() => import('./components/funnel-charts').then((m) => ({ default: m.FunnelBarChart })));
const TrendLineChart = lazy(() => import('./components/funnel-charts').then((m) => ({ default: m.TrendLineChart })));

const FUNNEL: ReportColumn[] = [
  { key: 'enrolled', label: 'Enrolled', kind: 'count', wide: true },
  { key: 'sent', label: 'Sent', kind: 'count' },
  { key: 'deliveryRate', label: 'Delivered', kind: 'rate', wide: true },
  { key: 'opened', label: 'Opened', kind: 'count', wide: true },
  { key: 'clicked', label: 'Clicked', kind: 'count' },
  { key: 'openRate', label: 'Open rate', kind: 'rate', wide: true },
  { key: 'clickRate', label: 'Click rate', kind: 'rate', wide: true },
  { key: 'unsubscribed', label: 'Unsubscribed', kind: 'count', wide: true },
  { key: 'converted', label: 'Converted', kind: 'count', wide: true },
];
const ACTIVITY: ReportColumn[] = [
  { key: 'partnerName', label: 'Partner', kind: 'text' },
  { key: 'tier', label: 'Tier', kind: 'text', wide: true },
  { key: 'region', label: 'Region', kind: 'text', wide: true },
  { key: 'lastLaunchAt', label: 'Last launch', kind: 'date' },
  { key: 'launches', label: 'Launches', kind: 'count', wide: true },
  { key: 'sent', label: 'Sent', kind: 'count', wide: true },
];
const PERIODS = [
  { value: '7', label: 'Last 7 days' },
  { value: '30', label: 'Last 30 days' },
  { value: '90', label: 'Last 90 days' },
];
const DEFAULT_INACTIVE_DAYS = 30;

const chartFallback = <Skeleton h={260} mt="sm" aria-hidden />;
const wholeDays = (v: string | null, fallback: number) => (v && /^\d{1,4}$/.test(v) ? Number(v) : fallback);

/** The vendor's results: the funnel by campaign and by partner, the daily trend, and partners gone quiet; each with its CSV. */
export function DashboardsPage() {
  const { params, set } = useAddressParams();
  const period = wholeDays(params.get('period'), 30);
  const [inactive, setInactive] = useState<number>(wholeDays(params.get('inactive'), DEFAULT_INACTIVE_DAYS));
  const [inactiveDays] = useDebouncedValue(inactive, 400);
  const trendQuery = { groupBy: 'day' as const, from: utcDayBefore(period - 1), to: utcDayBefore(0) };
  const byCampaign = useFunnel({ groupBy: 'campaign' });
  const byPartner = useFunnel({ groupBy: 'partner' });
  const trend = useFunnel(trendQuery);
  const quiet = usePartnerActivityReport({ inactiveDays });
  const failed = [byCampaign, byPartner, trend, quiet].find((q) => q.isError);

  return (
    <Stack gap="lg">
      <PageHeader
        title="Dashboards"
        description="Results of every partner’s launches, from the engine’s funnel rollups (opens and clicks judged human, a few seconds behind the events)."
      />
      {failed ? <QueryError error={failed.error} retry={() => void failed.refetch()} /> : null}
      {byCampaign.data ? (
        <Report
          id="funnel-by-campaign"
          title="Funnel by campaign"
          description="All time, every partner."
          columns={[{ key: 'campaignName', label: 'Campaign', kind: 'text' }, ...FUNNEL]}
          rows={byCampaign.data.rows}
          csv={csvUrl('/analytics/funnel', { groupBy: 'campaign' })}
          csvName="funnel-by-campaign.csv"
          empty="No launches yet: the funnel fills as partners launch campaigns."
          chart={
            <Suspense fallback={chartFallback}>
              <FunnelBarChart
                rows={byCampaign.data.rows}
                nameKey="campaignName"
                label="Bar chart of emails sent, opened and clicked per campaign; the table below gives the figures."
              />
            </Suspense>
          }
        />
      ) : (
        <Skeleton h={320} />
      )}
      {byPartner.data ? (
        <Report
          id="funnel-by-partner"
          title="Funnel by partner"
          description="All time, every campaign."
          columns={[{ key: 'partnerName', label: 'Partner', kind: 'text' }, ...FUNNEL]}
          rows={byPartner.data.rows}
          csv={csvUrl('/analytics/funnel', { groupBy: 'partner' })}
          csvName="funnel-by-partner.csv"
          empty="No partner has launched a campaign yet."
          chart={
            <Suspense fallback={chartFallback}>
              <FunnelBarChart
                rows={byPartner.data.rows}
                nameKey="partnerName"
                label="Bar chart of emails sent, opened and clicked per partner; the table below gives the figures."
              />
            </Suspense>
          }
        />
      ) : (
        <Skeleton h={320} />
      )}
      {trend.data ? (
        <Report
          id="daily-trend"
          title="Daily trend"
          description="Per UTC day, days with activity."
          columns={[{ key: 'day', label: 'Day', kind: 'date' }, ...FUNNEL.filter((c) => c.key !== 'enrolled')]}
          rows={trend.data.rows}
          csv={csvUrl('/analytics/funnel', trendQuery)}
          csvName="daily-trend.csv"
          empty="Nothing was sent in this period."
          controls={
            <Select
              label="Period"
              data={PERIODS}
              value={String(period)}
              allowDeselect={false}
              onChange={(v) => set({ period: v === '30' ? null : v })}
              w={170}
            />
          }
          chart={
            <Suspense fallback={chartFallback}>
              <TrendLineChart
                rows={trend.data.rows}
                label="Line chart of emails sent, opened and clicked per day; the table below gives the figures."
              />
            </Suspense>
          }
        />
      ) : (
        <Skeleton h={320} />
      )}
      {quiet.data ? (
        <Report
          id="inactive-partners"
          title="Inactive partners"
          description={`Partners who have not launched a campaign for ${inactiveDays} days, or never.`}
          columns={ACTIVITY}
          rows={quiet.data.rows}
          csv={csvUrl('/analytics/partners', { inactiveDays })}
          csvName="inactive-partners.csv"
          empty={`Every partner launched a campaign in the last ${inactiveDays} days.`}
          controls={
            <NumberInput
              label="Inactive for (days)"
              min={0}
              max={3650}
              allowDecimal={false}
              value={inactive}
              onChange={(v) => {
                const days = typeof v === 'number' ? v : DEFAULT_INACTIVE_DAYS;
                setInactive(days);
                set({ inactive: days === DEFAULT_INACTIVE_DAYS ? null : String(days) });
              }}
              w={170}
            />
          }
        />
      ) : (
        <Skeleton h={200} />
      )}
    </Stack>
  );
}
