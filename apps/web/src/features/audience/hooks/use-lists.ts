import { keepPreviousData, useMutation, useQueryClient } from '@tanstack/react-query';
import { api, type components } from '../../../api/client';
import { $api, under, unwrap } from '../../../api/query';

export type ProspectList = components['schemas']['ListViewDto'];

/** A page of the partner's lists, by name, each with its member count. */
export function usePartnerLists(partnerId: string, page: { limit: number; offset: number }) {
  return $api.useQuery(
    'get',
    '/partners/{partnerId}/lists',
    { params: { path: { partnerId }, query: page } },
    { placeholderData: keepPreviousData },
  );
}

export function useCreateList(partnerId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (name: string): Promise<ProspectList> =>
      unwrap(api.POST('/partners/{partnerId}/lists', { params: { path: { partnerId } }, body: { name } })),
    onSuccess: () => queryClient.invalidateQueries(under('/partners/{partnerId}/lists')),
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
      await (remove
        ? api.DELETE('/partners/{partnerId}/lists/{listId}/members', options)
        : api.POST('/partners/{partnerId}/lists/{listId}/members', options));
    },
    onSuccess: () =>
      queryClient.invalidateQueries(under('/partners/{partnerId}/lists', '/partners/{partnerId}/prospects')),
  });
}
