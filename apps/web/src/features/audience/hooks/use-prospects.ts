import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, type components, type operations } from '../../../api/client';
import { $api, keyOf, under, unwrap } from '../../../api/query';

export type Prospect = components['schemas']['ProspectViewDto'];
export type ProspectChanges = components['schemas']['UpdateProspectDto'];
export type ProspectQuery = NonNullable<operations['listProspects']['parameters']['query']>;

/** A page of the partner's prospects (oldest first), optionally searched or of one list. */
export function useProspects(partnerId: string, query: ProspectQuery) {
  return $api.useQuery(
    'get',
    '/partners/{partnerId}/prospects',
    { params: { path: { partnerId }, query } },
    { placeholderData: keepPreviousData },
  );
}

const prospectQuery = (partnerId: string, id: string) =>
  $api.queryOptions('get', '/partners/{partnerId}/prospects/{id}', { params: { path: { partnerId, id } } });

/** One prospect; another partner's or an unknown id is a 404. */
export function useProspect(partnerId: string, id: string) {
  return useQuery(prospectQuery(partnerId, id));
}

export function useUpdateProspect(partnerId: string, id: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: ProspectChanges): Promise<Prospect> =>
      unwrap(api.PATCH('/partners/{partnerId}/prospects/{id}', { params: { path: { partnerId, id } }, body })),
    onSuccess: (prospect) => {
      queryClient.setQueryData(prospectQuery(partnerId, id).queryKey, prospect);
      // The pages and counts it may appear in; the prospect itself was just set.
      return queryClient.invalidateQueries({ queryKey: keyOf('get', '/partners/{partnerId}/prospects') });
    },
  });
}

/** Erases the prospect with its enrollments and list memberships. */
export function useEraseProspect(partnerId: string, id: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async (): Promise<void> => {
      await api.DELETE('/partners/{partnerId}/prospects/{id}', { params: { path: { partnerId, id } } });
    },
    onSuccess: () => {
      queryClient.removeQueries({ queryKey: prospectQuery(partnerId, id).queryKey });
      return queryClient.invalidateQueries(under('/partners/{partnerId}/prospects', '/partners/{partnerId}/lists'));
    },
  });
}
