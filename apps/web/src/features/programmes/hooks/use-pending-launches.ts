import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { ApiError } from '../../../api/api-error';
import { api, type components } from '../../../api/client';

export type PendingLaunch = components['schemas']['PendingLaunchDto'];
export type PendingLaunchChanges = components['schemas']['EditPendingLaunchDto'];
export type PendingLaunchAction = 'launch' | 'skip';

export const pendingLaunchesKey = ['pending-launches'] as const;

/** States in which a pending launch can still be started, skipped or edited. */
export const OPEN_STATES: ReadonlySet<PendingLaunch['state']> = new Set(['pending', 'waiting_readiness']);

/** A page of pending launches: open ones first, soonest due first (the API's order). */
export function usePendingLaunches(page: { limit: number; offset: number }) {
  return useQuery({
    queryKey: [...pendingLaunchesKey, 'list', page],
    placeholderData: keepPreviousData,
    queryFn: async ({ signal }) => {
      const { data, error, response } = await api.GET('/pending-launches', { params: { query: page }, signal });
      if (data === undefined) throw new ApiError(response, error);
      return data;
    },
  });
}

/** One pending launch with who did what to it; null asks nothing. */
export function usePendingLaunch(id: string | null) {
  return useQuery({
    queryKey: [...pendingLaunchesKey, id],
    enabled: id !== null,
    retry: false,
    queryFn: async ({ signal }) => {
      const { data, error, response } = await api.GET('/pending-launches/{id}', {
        params: { path: { id: id ?? '' } },
        signal,
      });
      if (data === undefined) throw new ApiError(response, error);
      return data;
    },
  });
}

/** Start now or skip: answers the pending launch as it now is. */
export function usePendingLaunchAction() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async ({ id, action }: { id: string; action: PendingLaunchAction }): Promise<PendingLaunch> => {
      const path = { params: { path: { id } } };
      const { data, error, response } =
        action === 'launch'
          ? await api.POST('/pending-launches/{id}/launch', path)
          : await api.POST('/pending-launches/{id}/skip', path);
      if (data === undefined) throw new ApiError(response, error);
      return data;
    },
    onSettled: () =>
      Promise.all([
        queryClient.invalidateQueries({ queryKey: pendingLaunchesKey }),
        queryClient.invalidateQueries({ queryKey: ['launches'] }),
      ]),
  });
}

/** Edits a pending launch before it starts: audience, slot values, start time. */
export function useEditPendingLaunch(id: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async (body: PendingLaunchChanges): Promise<PendingLaunch> => {
      const { data, error, response } = await api.PATCH('/pending-launches/{id}', { params: { path: { id } }, body });
      if (data === undefined) throw new ApiError(response, error);
      return data;
    },
    onSuccess: () => queryClient.invalidateQueries({ queryKey: pendingLaunchesKey }),
  });
}
