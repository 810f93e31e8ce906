import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { ApiError } from '../../../api/api-error';
import { api, type components } from '../../../api/client';
import { prospectsKey } from './use-prospects';

export type ProspectList = components['schemas']['ListViewDto'];

/** The partner's lists and their sizes (the launch wizard reads the same prefix). */
export const listsKey = (partnerId: string) => ['partners', partnerId, 'lists'] as const;

/** A page of the partner's lists, by name, each with its member count. */
export function usePartnerLists(partnerId: string, page: { limit: number; offset: number }) {
  return useQuery({
    queryKey: [...listsKey(partnerId), page],
    placeholderData: keepPreviousData,
    queryFn: async ({ signal }) => {
      const { data, error, response } = await api.GET('/partners/{partnerId}/lists', {
        params: { path: { partnerId }, query: page },
        signal,
      });
      if (data === undefined) throw new ApiError(response, error);
      return data;
    },
  });
}

export function useCreateList(partnerId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async (name: string): Promise<ProspectList> => {
      const { data, error, response } = await api.POST('/partners/{partnerId}/lists', {
        params: { path: { partnerId } },
        body: { name },
      });
      if (data === undefined) throw new ApiError(response, error);
      return data;
    },
    onSuccess: () => queryClient.invalidateQueries({ queryKey: listsKey(partnerId) }),
  });
}

/** Adds prospects to a list, or removes them (a prospect already in it, or not in it, changes nothing). */
export function useListMembers(partnerId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async ({
      listId,
      prospectIds,
      remove,
    }: {
      listId: string;
      prospectIds: string[];
      remove?: boolean;
    }): Promise<void> => {
      const options = { params: { path: { partnerId, listId } }, body: { prospectIds } };
      const { error, response } = remove
        ? await api.DELETE('/partners/{partnerId}/lists/{listId}/members', options)
        : await api.POST('/partners/{partnerId}/lists/{listId}/members', options);
      if (!response.ok) throw new ApiError(response, error);
    },
    onSuccess: () =>
      Promise.all([
        queryClient.invalidateQueries({ queryKey: listsKey(partnerId) }),
        queryClient.invalidateQueries({ queryKey: prospectsKey(partnerId) }),
      ]),
  });
}
