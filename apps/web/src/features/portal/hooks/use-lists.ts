import { useQuery } from '@tanstack/react-query';
import { ApiError } from '../../../api/api-error';
import { api } from '../../../api/client';

/**
 * The partner's prospect lists for choosing an audience: the 200 most recently created, newest
 * first (the wizard preselects the newest that has members).
 */
export function useLists(partnerId: string | undefined) {
  return useQuery({
    queryKey: ['partners', partnerId, 'lists', 'newest'],
    enabled: !!partnerId,
    queryFn: async ({ signal }) => {
      const { data, error, response } = await api.GET('/partners/{partnerId}/lists', {
        params: { path: { partnerId: partnerId ?? '' }, query: { limit: 200, sort: 'newest' } },
        signal,
      });
      if (data === undefined) throw new ApiError(response, error);
      return data;
    },
  });
}

/** How many prospects the partner has in all (one row asked, the total read). */
export function useProspectCount(partnerId: string | undefined) {
  return useQuery({
    queryKey: ['partners', partnerId, 'prospects', 'count'],
    enabled: !!partnerId,
    queryFn: async ({ signal }) => {
      const { data, error, response } = await api.GET('/partners/{partnerId}/prospects', {
        params: { path: { partnerId: partnerId ?? '' }, query: { limit: 1 } },
        signal,
      });
      if (data === undefined) throw new ApiError(response, error);
      return data.total;
    },
  });
}
