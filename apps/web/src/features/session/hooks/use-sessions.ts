import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { ApiError } from '../../../api/api-error';
import { api, type components } from '../../../api/client';

export type UserSession = components['schemas']['SessionDto'];

const sessionsKey = ['auth', 'sessions'] as const;

/** The signed-in user's sessions still in force (this browser's marked `current`), newest activity first as the API sorts them. */
export function useSessions(page: { limit: number; offset: number }) {
  return useQuery({
    queryKey: [...sessionsKey, page],
    placeholderData: keepPreviousData,
    queryFn: async ({ signal }) => {
      const { data, error, response } = await api.GET('/auth/sessions', { params: { query: page }, signal });
      if (data === undefined) throw new ApiError(response, error);
      return data;
    },
  });
}

/** Ends one of the user's other sessions (another browser or device). */
export function useRevokeSession() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async (id: string) => {
      const { error, response } = await api.DELETE('/auth/sessions/{id}', { params: { path: { id } } });
      if (!response.ok) throw new ApiError(response, error);
    },
    onSuccess: () => queryClient.invalidateQueries({ queryKey: sessionsKey }),
  });
}
