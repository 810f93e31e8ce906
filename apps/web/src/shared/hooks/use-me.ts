import { useQuery } from '@tanstack/react-query';
import { api, type components } from '../../api/client';
import { keyOf, orSignedOut, unwrap } from '../../api/query';

export type Me = components['schemas']['MeDto'];

/** Who the browser is signed in as; `null` when it is not (the API answers 401). */
export function useMe() {
  return useQuery({
    queryKey: keyOf('get', '/me'),
    queryFn: ({ signal }): Promise<Me | null> => orSignedOut(unwrap(api.GET('/me', { signal }))),
  });
}
