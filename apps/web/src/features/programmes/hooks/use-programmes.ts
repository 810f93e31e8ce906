import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { ApiError } from '../../../api/api-error';
import { api, type components } from '../../../api/client';

export type Programme = components['schemas']['ProgrammeDto'];
export type NewProgramme = components['schemas']['CreateProgrammeDto'];
export type ProgrammeChanges = components['schemas']['UpdateProgrammeDto'];

/** Every programme query starts here, so a change refreshes them all. */
export const programmesKey = ['programmes'] as const;

/** A page of the vendor's programmes, by name (partners see their vendor's, to subscribe). */
export function useProgrammes(page: { limit: number; offset: number }) {
  return useQuery({
    queryKey: [...programmesKey, 'list', page],
    placeholderData: keepPreviousData,
    queryFn: async ({ signal }) => {
      const { data, error, response } = await api.GET('/programmes', { params: { query: page }, signal });
      if (data === undefined) throw new ApiError(response, error);
      return data;
    },
  });
}

/** How many partners are subscribed to a programme now (one row asked, the total read). */
export function useSubscriberCount(programmeId: string) {
  return useQuery({
    queryKey: [...programmesKey, programmeId, 'subscribers'],
    queryFn: async ({ signal }) => {
      const { data, error, response } = await api.GET('/programme-subscriptions', {
        params: { query: { programmeId, status: 'active', limit: 1 } },
        signal,
      });
      if (data === undefined) throw new ApiError(response, error);
      return data.total;
    },
  });
}

/** How many of a programme's pending launches, of every partner, are in this state (one row asked, the total read). */
export function usePendingCount(programmeId: string, state: 'pending' | 'waiting_readiness') {
  return useQuery({
    queryKey: [...programmesKey, programmeId, 'pending-launches', state],
    queryFn: async ({ signal }) => {
      const { data, error, response } = await api.GET('/pending-launches', {
        params: { query: { programmeId, state, limit: 1 } },
        signal,
      });
      if (data === undefined) throw new ApiError(response, error);
      return data.total;
    },
  });
}

/** Creates a programme, or changes one (`id`): answers it as the API now holds it. */
export function useSaveProgramme(id: string | null) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async (body: NewProgramme & ProgrammeChanges): Promise<Programme> => {
      const answer = id
        ? await api.PATCH('/programmes/{id}', { params: { path: { id } }, body })
        : await api.POST('/programmes', { body });
      if (answer.data === undefined) throw new ApiError(answer.response, answer.error);
      return answer.data;
    },
    onSuccess: () => queryClient.invalidateQueries({ queryKey: programmesKey }),
  });
}

/** Deletes a programme with its subscriptions and pending launches (launches already started stay). */
export function useDeleteProgramme() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async (id: string): Promise<void> => {
      const { error, response } = await api.DELETE('/programmes/{id}', { params: { path: { id } } });
      if (!response.ok) throw new ApiError(response, error);
    },
    onSuccess: () => queryClient.invalidateQueries({ queryKey: programmesKey }),
  });
}
