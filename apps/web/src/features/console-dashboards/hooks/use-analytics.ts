import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { ApiError } from '../../../api/api-error';
import { api, type operations } from '../../../api/client';

export type FunnelQuery = NonNullable<operations['getFunnel']['parameters']['query']>;
export type ActivityQuery = NonNullable<operations['getPartnerActivity']['parameters']['query']>;
/** One row of a report, keyed by the report's columns. */
export type ReportRow = Record<string, unknown>;

export const analyticsKey = ['console', 'analytics'] as const;

/** The funnel grouped as asked (by campaign, partner or day), as the API computes it from its rollups. */
export function useFunnel(query: Omit<FunnelQuery, 'format'>) {
  return useQuery({
    queryKey: [...analyticsKey, 'funnel', query],
    placeholderData: keepPreviousData,
    queryFn: async ({ signal }) => {
      const { data, error, response } = await api.GET('/analytics/funnel', {
        params: { query: { ...query, format: 'json' } },
        signal,
        parseAs: 'json',
      });
      if (data === undefined) throw new ApiError(response, error);
      return data;
    },
  });
}

/** Every partner's activity and results; with inactiveDays, only those who have not launched for that many days (or never). */
export function usePartnerActivityReport(query: Omit<ActivityQuery, 'format'>) {
  return useQuery({
    queryKey: [...analyticsKey, 'partners', query],
    placeholderData: keepPreviousData,
    queryFn: async ({ signal }) => {
      const { data, error, response } = await api.GET('/analytics/partners', {
        params: { query: { ...query, format: 'json' } },
        signal,
        parseAs: 'json',
      });
      if (data === undefined) throw new ApiError(response, error);
      return data;
    },
  });
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
