import { keepPreviousData, useMutation, useQueryClient } from '@tanstack/react-query';
import { api, type components } from '../../../api/client';
import { $api, under } from '../../../api/query';

export type UserSession = components['schemas']['SessionDto'];

/** The signed-in user's sessions still in force (this browser's marked `current`), newest activity first as the API sorts them. */
export function useSessions(page: { limit: number; offset: number }) {
  return $api.useQuery('get', '/auth/sessions', { params: { query: page } }, { placeholderData: keepPreviousData });
}

/** Ends one of the user's other sessions (another browser or device). */
export function useRevokeSession() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async (id: string) => {
      await api.DELETE('/auth/sessions/{id}', { params: { path: { id } } });
    },
    onSuccess: () => queryClient.invalidateQueries(under('/auth/sessions')),
  });
}
