import { queryOptions, useQuery, useQueryClient, type QueryClient } from '@tanstack/react-query';
import { api, type components } from '../../api/client';
import { keyOf, orSignedOut, unwrap } from '../../api/query';
import { sessionQuery } from './use-session';

export type Me = components['schemas']['MeDto'];

/**
 * Who the browser acts as (in concierge mode, the partner's user); `null` when it is not signed
 * in. Nobody signed in (the session says so) asks nothing more: GET /me would only answer 401.
 */
export function meQuery(queryClient: QueryClient) {
  return queryOptions({
    queryKey: keyOf('get', '/me'),
    queryFn: async ({ signal }): Promise<Me | null> => {
      if (!(await queryClient.ensureQueryData(sessionQuery))) return null;
      return orSignedOut(unwrap(api.GET('/me', { signal })));
    },
  });
}

export function useMe() {
  return useQuery(meQuery(useQueryClient()));
}
