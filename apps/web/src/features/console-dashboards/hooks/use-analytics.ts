import { keepPreviousData } from '@tanstack/react-query';
import type { operations } from '../../../api/client';
import { $api } from '../../../api/query';

export type FunnelQuery = NonNullable<operations['getFunnel']['parameters']['query']>;
export type ActivityQuery = NonNullable<operations['getPartnerActivity']['parameters']['query']>;
/** One row of a report, keyed by the report's columns. */
export type ReportRow = Record<string, unknown>;

/**
 * How often an open dashboard asks again: the rollups follow sends, opens and clicks a few seconds
 * behind (TRACK_INTERVAL_SECONDS, default 5), so a dashboard left open during a launch keeps up
 * instead of showing what it first read. Only while the tab is visible (TanStack Query's default).
 */
export const DASHBOARD_REFRESH_MS = 10_000;

/** The funnel grouped as asked (by campaign, partner or day), as the API computes it from its rollups. */
export function useFunnel(query: Omit<FunnelQuery, 'format'>) {
  return $api.useQuery(
    'get',
    '/analytics/funnel',
    { params: { query: { ...query, format: 'json' } }, parseAs: 'json' },
    { placeholderData: keepPreviousData, refetchInterval: DASHBOARD_REFRESH_MS },
  );
}

/** Every partner's activity and results; with inactiveDays, only those who have not launched for that many days (or never). */
export function usePartnerActivityReport(query: Omit<ActivityQuery, 'format'>) {
  return $api.useQuery(
    'get',
    '/analytics/partners',
    { params: { query: { ...query, format: 'json' } }, parseAs: 'json' },
    { placeholderData: keepPreviousData, refetchInterval: DASHBOARD_REFRESH_MS },
  );
}

/** The same report as the API's formula-safe CSV, for a download link (the session cookie goes with it). */
export function csvUrl(
  path: '/analytics/funnel' | '/analytics/partners',
  query: Record<string, string | number | undefined>,
): string {
  const params = new URLSearchParams(
    Object.entries({ ...query, format: 'csv' }).flatMap(([k, v]) => (v === undefined ? [] : [[k, String(v)]])),
  );
  return `${path}?${params.toString()}`;
}
