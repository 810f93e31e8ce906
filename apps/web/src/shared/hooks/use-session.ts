import { useQuery } from '@tanstack/react-query';
import { api, setCsrfToken, type components } from '../../api/client';
import { keyOf, orSignedOut, unwrap } from '../../api/query';

export type CurrentSession = components['schemas']['CurrentSessionDto'];

/** The cache key of the signed-in session (signing out empties it). */
export const SESSION_KEY = keyOf('get', '/auth/session');

/** The signed-in user of this browser; `null` when not signed in. Keeps the CSRF token for the client. */
export function useSession() {
  return useQuery({
    queryKey: SESSION_KEY,
    queryFn: async ({ signal }): Promise<CurrentSession | null> => {
      const session = await orSignedOut(unwrap(api.GET('/auth/session', { signal })));
      setCsrfToken(session?.csrfToken ?? null);
      return session;
    },
  });
}
