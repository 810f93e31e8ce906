import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { ApiError } from '../../../api/api-error';
import { api, type components, type operations } from '../../../api/client';

export type CatalogueItem = components['schemas']['CatalogueItemDto'];
export type CatalogueQuery = NonNullable<operations['listCatalogue']['parameters']['query']>;

/** The campaigns this partner may launch now, filtered and paged by the API. */
export function useCatalogue(partnerId: string | undefined, query: CatalogueQuery) {
  return useQuery({
    queryKey: ['partners', partnerId, 'catalogue', query],
    enabled: !!partnerId,
    placeholderData: keepPreviousData,
    queryFn: async ({ signal }) => {
      const { data, error, response } = await api.GET('/partners/{partnerId}/catalogue', {
        params: { path: { partnerId: partnerId ?? '' }, query },
        signal,
      });
      if (data === undefined) throw new ApiError(response, error);
      return data;
    },
  });
}
