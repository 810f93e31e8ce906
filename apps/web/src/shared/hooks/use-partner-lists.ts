import { $api } from '../../api/query';

/**
 * The partner's prospect lists for choosing an audience (a launch's, a subscription's): the 200
 * most recently created, newest first (the launch wizard preselects the newest that has members).
 */
export function useLists(partnerId: string | undefined) {
  return $api.useQuery(
    'get',
    '/partners/{partnerId}/lists',
    { params: { path: { partnerId: partnerId ?? '' }, query: { limit: 200, sort: 'newest' } } },
    { enabled: !!partnerId },
  );
}

/** How many prospects the partner has in all (one row asked, the total read). */
export function useProspectCount(partnerId: string | undefined) {
  return $api.useQuery(
    'get',
    '/partners/{partnerId}/prospects',
    { params: { path: { partnerId: partnerId ?? '' }, query: { limit: 1 } } },
    { enabled: !!partnerId, select: (page) => page.total },
  );
}
