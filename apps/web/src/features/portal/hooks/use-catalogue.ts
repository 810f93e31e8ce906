import { keepPreviousData } from '@tanstack/react-query';
import type { components, operations } from '../../../api/client';
import { $api } from '../../../api/query';

export type CatalogueItem = components['schemas']['CatalogueItemDto'];
export type CatalogueQuery = NonNullable<operations['listCatalogue']['parameters']['query']>;

/** The campaigns this partner may launch now, filtered and paged by the API. */
export function useCatalogue(partnerId: string | undefined, query: CatalogueQuery) {
  return $api.useQuery(
    'get',
    '/partners/{partnerId}/catalogue',
    { params: { path: { partnerId: partnerId ?? '' }, query } },
    { enabled: !!partnerId, placeholderData: keepPreviousData },
  );
}
