import { keepPreviousData } from '@tanstack/react-query';
import type { components, operations } from '../../../api/client';
import { $api } from '../../../api/query';
import { pageOf } from '../../../shared/hooks/use-address-params';

export type CatalogueItem = components['schemas']['CatalogueItemDto'];
export type CatalogueQuery = NonNullable<operations['listCatalogue']['parameters']['query']>;

/** Cards per page of the catalogue. */
export const CATALOGUE_PAGE_SIZE = 24;

export function isAssetType(v: string | null): v is NonNullable<CatalogueQuery['assetType']> {
  return v === 'email' || v === 'pdf' || v === 'social';
}

/** The catalogue's query as its address says (the filters live there, so a filtered catalogue can be bookmarked). */
export function catalogueQueryOf(params: URLSearchParams): CatalogueQuery {
  const page = pageOf(params);
  const assetType = params.get('assetType');
  return {
    limit: CATALOGUE_PAGE_SIZE,
    offset: (page - 1) * CATALOGUE_PAGE_SIZE,
    ...(params.get('search') ? { search: params.get('search') ?? '' } : {}),
    ...(params.get('tag') ? { tag: params.get('tag') ?? '' } : {}),
    ...(params.get('language') ? { language: params.get('language') ?? '' } : {}),
    ...(isAssetType(assetType) ? { assetType } : {}),
  };
}

/** The read of a catalogue page; the hook and the prefetch on arrival share its key. */
/** Cards on screen when the catalogue opens (its first two rows at the widest): their thumbnails are fetched at once. */
export const CARDS_FIRST_SEEN = 6;

export function catalogueQuery(partnerId: string, query: CatalogueQuery) {
  return $api.queryOptions('get', '/partners/{partnerId}/catalogue', {
    params: { path: { partnerId }, query },
  });
}

/** The campaigns this partner may launch now, filtered and paged by the API. */
export function useCatalogue(partnerId: string | undefined, query: CatalogueQuery) {
  return $api.useQuery(
    'get',
    '/partners/{partnerId}/catalogue',
    { params: { path: { partnerId: partnerId ?? '' }, query } },
    { enabled: !!partnerId, placeholderData: keepPreviousData },
  );
}
