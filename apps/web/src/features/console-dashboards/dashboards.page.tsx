import { NumberInput, Select, Skeleton, Stack } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { lazy, Suspense, useState } from 'react';
import { PageHeader } from '../../shared/components/page-header';
import { QueryError } from '../../shared/components/query-error';
import { useAddressParams } from '../../shared/hooks/use-address-params';
import { useTranslation } from '../../shared/i18n';
import { Report, type ReportColumn } from './components/report-table';
import { utcDayBefore } from './format';
import { csvUrl, useFunnel, usePartnerActivityReport } from './hooks/use-analytics';

// Charts (recharts) load with this page only, after its tables.
const FunnelBarChart = lazy(() => import('./components/funnel-charts').then((m) => ({ default: m.FunnelBarChart })));
const TrendLineChart = lazy(() => import('./components/funnel-charts').then((m) => ({ default: m.TrendLineChart })));

/** The funnel's columns, headed in the reader's language. */
function useFunnelColumns(): ReportColumn[] {
  const { t } = useTranslation('console-dashboards');
  return [
    { key: 'enrolled', label: t('columns.enrolled'), kind: 'count', wide: true },
    { key: 'sent', label: t('columns.sent'), kind: 'count' },
    { key: 'deliveryRate', label: t('columns.delivered'), kind: 'rate', wide: true },
    { key: 'opened', label: t('columns.opened'), kind: 'count', wide: true },
    { key: 'clicked', label: t('columns.clicked'), kind: 'count' },
    { key: 'openRate', label: t('columns.openRate'), kind: 'rate', wide: true },
    { key: 'clickRate', label: t('columns.clickRate'), kind: 'rate', wide: true },
    { key: 'unsubscribed', label: t('columns.unsubscribed'), kind: 'count', wide: true },
    { key: 'converted', label: t('columns.converted'), kind: 'count', wide: true },
  ];
}

/** The activity report's columns. */
function useActivityColumns(): ReportColumn[] {
  const { t } = useTranslation('console-dashboards');
  return [
    { key: 'partnerName', label: t('columns.partner'), kind: 'text' },
    { key: 'tier', label: t('columns.tier'), kind: 'text', wide: true },
    { key: 'region', label: t('columns.region'), kind: 'text', wide: true },
    { key: 'lastLaunchAt', label: t('columns.lastLaunch'), kind: 'date' },
    { key: 'launches', label: t('columns.launches'), kind: 'count', wide: true },
    { key: 'sent', label: t('columns.sent'), kind: 'count', wide: true },
  ];
}
const DEFAULT_INACTIVE_DAYS = 30;

const chartFallback = <Skeleton h={260} mt="sm" aria-hidden />;
const wholeDays = (v: string | null, fallback: number) => (v && /^\d{1,4}$/.test(v) ? Number(v) : fallback);

/** The vendor's results: the funnel by campaign and by partner, the daily trend, and partners gone quiet; each with its CSV. */
export function DashboardsPage() {
  const { t } = useTranslation('console-dashboards');
  const funnel = useFunnelColumns();
  const activity = useActivityColumns();
  const periods = [
    { value: '7', label: t('periods.last', { count: 7 }) },
    { value: '30', label: t('periods.last', { count: 30 }) },
    { value: '90', label: t('periods.last', { count: 90 }) },
  ];
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
      <PageHeader title={t('page.title')} description={t('page.description')} />
      {failed ? <QueryError error={failed.error} retry={() => void failed.refetch()} /> : null}
      {byCampaign.data ? (
        <Report
          id="funnel-by-campaign"
          title={t('byCampaign.title')}
          description={t('byCampaign.description')}
          columns={[{ key: 'campaignName', label: t('columns.campaign'), kind: 'text' }, ...funnel]}
          rows={byCampaign.data.rows}
          csv={csvUrl('/analytics/funnel', { groupBy: 'campaign' })}
          csvName="funnel-by-campaign.csv"
          empty={t('byCampaign.empty')}
          chart={
            <Suspense fallback={chartFallback}>
              <FunnelBarChart rows={byCampaign.data.rows} nameKey="campaignName" label={t('byCampaign.chart')} />
            </Suspense>
          }
        />
      ) : (
        <Skeleton h={320} />
      )}
      {byPartner.data ? (
        <Report
          id="funnel-by-partner"
          title={t('byPartner.title')}
          description={t('byPartner.description')}
          columns={[{ key: 'partnerName', label: t('columns.partner'), kind: 'text' }, ...funnel]}
          rows={byPartner.data.rows}
          csv={csvUrl('/analytics/funnel', { groupBy: 'partner' })}
          csvName="funnel-by-partner.csv"
          empty={t('byPartner.empty')}
          chart={
            <Suspense fallback={chartFallback}>
              <FunnelBarChart rows={byPartner.data.rows} nameKey="partnerName" label={t('byPartner.chart')} />
            </Suspense>
          }
        />
      ) : (
        <Skeleton h={320} />
      )}
      {trend.data ? (
        <Report
          id="daily-trend"
          title={t('trend.title')}
          description={t('trend.description')}
          columns={[
            { key: 'day', label: t('columns.day'), kind: 'date' },
            ...funnel.filter((c) => c.key !== 'enrolled'),
          ]}
          rows={trend.data.rows}
          csv={csvUrl('/analytics/funnel', trendQuery)}
          csvName="daily-trend.csv"
          empty={t('trend.empty')}
          controls={
            <Select
              label={t('trend.period')}
              data={periods}
              value={String(period)}
              allowDeselect={false}
              onChange={(v) => set({ period: v === '30' ? null : v })}
              w={170}
            />
          }
          chart={
            <Suspense fallback={chartFallback}>
              <TrendLineChart rows={trend.data.rows} label={t('trend.chart')} />
            </Suspense>
          }
        />
      ) : (
        <Skeleton h={320} />
      )}
      {quiet.data ? (
        <Report
          id="inactive-partners"
          title={t('inactive.title')}
          description={t('inactive.description', { count: inactiveDays })}
          columns={activity}
          rows={quiet.data.rows}
          csv={csvUrl('/analytics/partners', { inactiveDays })}
          csvName="inactive-partners.csv"
          empty={t('inactive.empty', { count: inactiveDays })}
          controls={
            <NumberInput
              label={t('inactive.days')}
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
