import { keepPreviousData, useMutation, useQueryClient } from '@tanstack/react-query';
import { api, type components } from '../../../api/client';
import { $api, under, unwrap } from '../../../api/query';

export type PendingLaunch = components['schemas']['PendingLaunchDto'];
export type PendingLaunchChanges = components['schemas']['EditPendingLaunchDto'];
export type PendingLaunchAction = 'launch' | 'skip';

/** States in which a pending launch can still be started, skipped or edited. */
export const OPEN_STATES: ReadonlySet<PendingLaunch['state']> = new Set(['pending', 'waiting_readiness']);

/** A page of pending launches: open ones first, soonest due first (the API's order). */
export function usePendingLaunches(page: { limit: number; offset: number }) {
  return $api.useQuery('get', '/pending-launches', { params: { query: page } }, { placeholderData: keepPreviousData });
}

/** One pending launch with who did what to it; null asks nothing. */
export function usePendingLaunch(id: string | null) {
  return $api.useQuery(
    'get',
    '/pending-launches/{id}',
    { params: { path: { id: id ?? '' } } },
    { enabled: id !== null, retry: false },
  );
}

/** Start now or skip: answers the pending launch as it now is. */
export function usePendingLaunchAction() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ id, action }: { id: string; action: PendingLaunchAction }): Promise<PendingLaunch> => {
      const path = { params: { path: { id } } };
      return unwrap(
        action === 'launch'
          ? api.POST('/pending-launches/{id}/launch', path)
          : api.POST('/pending-launches/{id}/skip', path),
      );
    },
    onSettled: () => queryClient.invalidateQueries(under('/pending-launches', '/launches')),
  });
}

/** Edits a pending launch before it starts: audience, slot values, start time. */
export function useEditPendingLaunch(id: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: PendingLaunchChanges): Promise<PendingLaunch> =>
      unwrap(api.PATCH('/pending-launches/{id}', { params: { path: { id } }, body })),
    onSuccess: () => queryClient.invalidateQueries(under('/pending-launches')),
  });
}
