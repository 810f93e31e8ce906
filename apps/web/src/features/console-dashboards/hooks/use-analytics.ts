import { keepPreviousData } from '@tanstack/react-query';
import type { operations } from '../../../api/client';
import { $api } from '../../../api/query';

export type FunnelQuery = NonNullable<operations['getFunnel']['parameters']['query']>;
export type ActivityQuery = NonNullable<operations['getPartnerActivity']['parameters']['query']>;
/** One row of a report, keyed by the report's columns. */
export type ReportRow = Record<string, unknown>;

/** The funnel grouped as asked (by campaign, partner or day), as the API computes it from its rollups. */
export function useFunnel(query: Omit<FunnelQuery, 'format'>) {
  return $api.useQuery(
    'get',
    '/analytics/funnel',
    { params: { query: { ...query, format: 'json' } }, parseAs: 'json' },
    { placeholderData: keepPreviousData },
  );
}

/** Every partner's activity and results; with inactiveDays, only those who have not launched for that many days (or never). */
export function usePartnerActivityReport(query: Omit<ActivityQuery, 'format'>) {
  return $api.useQuery(
    'get',
    '/analytics/partners',
    { params: { query: { ...query, format: 'json' } }, parseAs: 'json' },
    { placeholderData: keepPreviousData },
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
