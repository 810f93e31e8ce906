import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { ApiError } from '../../../api/api-error';
import { api, type components, type operations } from '../../../api/client';

export type Prospect = components['schemas']['ProspectViewDto'];
export type ProspectChanges = components['schemas']['UpdateProspectDto'];
export type ProspectQuery = NonNullable<operations['listProspects']['parameters']['query']>;

/** Every cached read of the partner's prospects (pages, counts, single prospects) starts with this. */
export const prospectsKey = (partnerId: string) => ['partners', partnerId, 'prospects'] as const;

/** A page of the partner's prospects (oldest first), optionally searched or of one list. */
export function useProspects(partnerId: string, query: ProspectQuery) {
  return useQuery({
    queryKey: [...prospectsKey(partnerId), query],
    placeholderData: keepPreviousData,
    queryFn: async ({ signal }) => {
      const { data, error, response } = await api.GET('/partners/{partnerId}/prospects', {
        params: { path: { partnerId }, query },
        signal,
      });
      if (data === undefined) throw new ApiError(response, error);
      return data;
    },
  });
}

/** One prospect; another partner's or an unknown id is a 404. */
export function useProspect(partnerId: string, id: string) {
  return useQuery({
    queryKey: [...prospectsKey(partnerId), 'one', id],
    queryFn: async ({ signal }) => {
      const { data, error, response } = await api.GET('/partners/{partnerId}/prospects/{id}', {
        params: { path: { partnerId, id } },
        signal,
      });
      if (data === undefined) throw new ApiError(response, error);
      return data;
    },
  });
}

export function useUpdateProspect(partnerId: string, id: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async (body: ProspectChanges): Promise<Prospect> => {
      const { data, error, response } = await api.PATCH('/partners/{partnerId}/prospects/{id}', {
        params: { path: { partnerId, id } },
        body,
      });
      if (data === undefined) throw new ApiError(response, error);
      return data;
    },
    onSuccess: (prospect) => {
      queryClient.setQueryData([...prospectsKey(partnerId), 'one', id], prospect);
      // The pages and counts it may appear in; the prospect itself was just set.
      return queryClient.invalidateQueries({
        queryKey: prospectsKey(partnerId),
        predicate: (q) => q.queryKey[3] !== 'one',
      });
    },
  });
}

/** Erases the prospect with its enrollments and list memberships. */
export function useEraseProspect(partnerId: string, id: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async (): Promise<void> => {
      const { error, response } = await api.DELETE('/partners/{partnerId}/prospects/{id}', {
        params: { path: { partnerId, id } },
      });
      if (!response.ok) throw new ApiError(response, error);
    },
    onSuccess: () => {
      queryClient.removeQueries({ queryKey: [...prospectsKey(partnerId), 'one', id] });
      return Promise.all([
        queryClient.invalidateQueries({ queryKey: prospectsKey(partnerId) }),
        queryClient.invalidateQueries({ queryKey: ['partners', partnerId, 'lists'] }),
      ]);
    },
  });
}
