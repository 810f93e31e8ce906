import { keepPreviousData, skipToken, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, type components } from '../../../api/client';
import { $api, keyOf, under, unwrap } from '../../../api/query';
import { ApiError } from '../../../api/api-error';

export type Launch = components['schemas']['LaunchViewDto'];
export type LaunchSummary = components['schemas']['LaunchSummaryDto'];
export type LaunchDaily = components['schemas']['LaunchDailyDto'];
export type LaunchProgress = components['schemas']['LaunchProgressDto'];
export type LaunchRequest = components['schemas']['CreateLaunchDto'];
export type LaunchPreview = components['schemas']['LaunchPreviewDto'];
export type LaunchAction = 'pause' | 'resume' | 'cancel';

const ACTIVE = new Set<Launch['status']>(['enrolling', 'active']);
/** Live progress: a running launch is asked again every few seconds. */
const REFRESH_MS = 5_000;
/** Asked again every few seconds while the launch runs. */
const whileRunning = (launch: { status: Launch['status'] } | undefined) =>
  launch && ACTIVE.has(launch.status) ? REFRESH_MS : false;

/** A page of launches, each with its totals so far; asked again every few seconds while one of them runs. */
export function useLaunches(page: { limit: number; offset: number }) {
  return $api.useQuery(
    'get',
    '/launches',
    { params: { query: page } },
    {
      placeholderData: keepPreviousData,
      refetchInterval: (q) => (q.state.data?.items.some((l) => ACTIVE.has(l.status)) ? REFRESH_MS : false),
    },
  );
}

/** The launch's sends, opens and clicks per day (from the API's rollups), refreshed like its progress. */
export function useLaunchDaily(id: string, status: Launch['status'] | undefined) {
  return $api.useQuery(
    'get',
    '/launches/{id}/daily',
    { params: { path: { id } } },
    { refetchInterval: status && ACTIVE.has(status) ? REFRESH_MS : false },
  );
}

/**
 * How many prospects an audience selects and how many could be emailed: the API's dry run of the
 * launch body (nothing is written), asked again as the body changes; null asks nothing.
 */
export function useAudienceMatch(body: LaunchRequest | null) {
  return useQuery({
    queryKey: keyOf('post', '/launches/preview', { body }),
    queryFn: body === null ? skipToken : ({ signal }) => unwrap(api.POST('/launches/preview', { body, signal })),
    placeholderData: keepPreviousData,
    retry: false,
  });
}

const launchQuery = (id: string) => $api.queryOptions('get', '/launches/{id}', { params: { path: { id } } });

export function useLaunch(id: string) {
  return useQuery({ ...launchQuery(id), refetchInterval: (q) => whileRunning(q.state.data) });
}

export function useLaunchProgress(id: string) {
  return $api.useQuery(
    'get',
    '/launches/{id}/progress',
    { params: { path: { id } } },
    { refetchInterval: (q) => whileRunning(q.state.data) },
  );
}

/**
 * The API's dry run of a launch: audience, exclusions and per time zone when each step goes. Writes
 * nothing. Fails, as the launch itself would, when the API lists what would refuse the launch.
 */
export function useLaunchPreview() {
  return useMutation({
    mutationFn: async (body: LaunchRequest): Promise<LaunchPreview> => {
      const preview = await unwrap(api.POST('/launches/preview', { body }));
      if (preview.problems.length) throw ApiError.refusal(preview.problems);
      return preview;
    },
  });
}

export function useCreateLaunch() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: LaunchRequest): Promise<Launch> => unwrap(api.POST('/launches', { body })),
    onSuccess: () => queryClient.invalidateQueries(under('/launches')),
  });
}

export function useLaunchAction(id: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (action: LaunchAction): Promise<Launch> => {
      const path = { params: { path: { id } } };
      return unwrap(
        action === 'pause'
          ? api.POST('/launches/{id}/pause', path)
          : action === 'resume'
            ? api.POST('/launches/{id}/resume', path)
            : api.POST('/launches/{id}/cancel', path),
      );
    },
    onSuccess: (launch) => {
      queryClient.setQueryData(launchQuery(id).queryKey, launch);
      return queryClient.invalidateQueries(under('/launches'));
    },
  });
}
