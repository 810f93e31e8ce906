import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { ApiError } from '../../../api/api-error';
import { api, type components } from '../../../api/client';

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

/** A page of launches, each with its totals so far; asked again every few seconds while one of them runs. */
export function useLaunches(page: { limit: number; offset: number }) {
  return useQuery({
    queryKey: ['launches', page],
    placeholderData: keepPreviousData,
    queryFn: async ({ signal }) => {
      const { data, error, response } = await api.GET('/launches', { params: { query: page }, signal });
      if (data === undefined) throw new ApiError(response, error);
      return data;
    },
    refetchInterval: (q) => (q.state.data?.items.some((l) => ACTIVE.has(l.status)) ? REFRESH_MS : false),
  });
}

/** The launch's sends, opens and clicks per day (from the API's rollups), refreshed like its progress. */
export function useLaunchDaily(id: string, status: Launch['status'] | undefined) {
  return useQuery({
    queryKey: ['launches', id, 'daily'],
    queryFn: async ({ signal }) => {
      const { data, error, response } = await api.GET('/launches/{id}/daily', { params: { path: { id } }, signal });
      if (data === undefined) throw new ApiError(response, error);
      return data;
    },
    refetchInterval: status && ACTIVE.has(status) ? REFRESH_MS : false,
  });
}

/**
 * How many prospects an audience selects and how many could be emailed: the API's dry run of the
 * launch body (nothing is written), asked again as the body changes; null asks nothing.
 */
export function useAudienceMatch(body: LaunchRequest | null) {
  return useQuery({
    queryKey: ['launches', 'preview', body],
    enabled: body !== null,
    placeholderData: keepPreviousData,
    retry: false,
    queryFn: async ({ signal }): Promise<LaunchPreview> => {
      if (!body) throw new Error('No audience to count');
      const { data, error, response } = await api.POST('/launches/preview', { body, signal });
      if (data === undefined) throw new ApiError(response, error);
      return data;
    },
  });
}

export function useLaunch(id: string) {
  return useQuery({
    queryKey: ['launches', id],
    queryFn: async ({ signal }) => {
      const { data, error, response } = await api.GET('/launches/{id}', { params: { path: { id } }, signal });
      if (data === undefined) throw new ApiError(response, error);
      return data;
    },
    refetchInterval: (q) => (q.state.data && ACTIVE.has(q.state.data.status) ? REFRESH_MS : false),
  });
}

export function useLaunchProgress(id: string) {
  return useQuery({
    queryKey: ['launches', id, 'progress'],
    queryFn: async ({ signal }) => {
      const { data, error, response } = await api.GET('/launches/{id}/progress', { params: { path: { id } }, signal });
      if (data === undefined) throw new ApiError(response, error);
      return data;
    },
    refetchInterval: (q) => (q.state.data && ACTIVE.has(q.state.data.status) ? REFRESH_MS : false),
  });
}

/** The API's dry run of a launch: audience, exclusions and per time zone when each step goes. Writes nothing. */
export function useLaunchPreview() {
  return useMutation({
    mutationFn: async (body: LaunchRequest): Promise<LaunchPreview> => {
      const { data, error, response } = await api.POST('/launches/preview', { body });
      if (data === undefined) throw new ApiError(response, error);
      return data;
    },
  });
}

export function useCreateLaunch() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async (body: LaunchRequest): Promise<Launch> => {
      const { data, error, response } = await api.POST('/launches', { body });
      if (data === undefined) throw new ApiError(response, error);
      return data;
    },
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ['launches'] }),
  });
}

export function useLaunchAction(id: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async (action: LaunchAction): Promise<Launch> => {
      const path = { params: { path: { id } } };
      const { data, error, response } =
        action === 'pause'
          ? await api.POST('/launches/{id}/pause', path)
          : action === 'resume'
            ? await api.POST('/launches/{id}/resume', path)
            : await api.POST('/launches/{id}/cancel', path);
      if (data === undefined) throw new ApiError(response, error);
      return data;
    },
    onSuccess: (launch) => {
      queryClient.setQueryData(['launches', id], launch);
      return queryClient.invalidateQueries({ queryKey: ['launches'] });
    },
  });
}
