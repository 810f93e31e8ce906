import { queryOptions, useQuery } from '@tanstack/react-query';
import { api, setCsrfToken, type components } from '../../api/client';
import { keyOf, orSignedOut, unwrap } from '../../api/query';

type SessionAnswer = components['schemas']['CurrentSessionDto'];

/** A signed-in session: its user, CSRF token, concierge partner and the areas the API lets the user see. */
export type CurrentSession = SessionAnswer & { user: NonNullable<SessionAnswer['user']> };
export type Capabilities = SessionAnswer['capabilities'];

/** The cache key of the signed-in session (signing out empties it). */
export const SESSION_KEY = keyOf('get', '/auth/session');

/**
 * Who is signed in: `null` when nobody is. The API answers a browser without a cookie 200
 * `{ signedIn: false }` (so a signed-out page logs no failed request), and a cookie that has
 * ended 401, read here as nobody too. Keeps the CSRF token for the client.
 */
export const sessionQuery = queryOptions({
  queryKey: SESSION_KEY,
  // No abort signal: every page reads the session, and a page that suspends while its words load
  // unmounts its readers for a moment; with the signal that cancelled the request in flight (a
  // failed request in the browser's log) only to ask again when they came back.
  queryFn: async (): Promise<CurrentSession | null> => {
    const answer = await orSignedOut(unwrap(api.GET('/auth/session')));
    const session = answer?.signedIn && answer.user ? { ...answer, user: answer.user } : null;
    setCsrfToken(session?.csrfToken ?? null);
    return session;
  },
});

/** The signed-in user of this browser; `null` when not signed in. */
export function useSession() {
  return useQuery(sessionQuery);
}

/** What nobody signed in may see: none of the areas. */
const NONE: Capabilities = {
  vendorConsole: false,
  partnerPortal: false,
  developerTools: false,
  vendorSettings: false,
  vendorMarketing: false,
};

/**
 * The areas the navigation offers, as the API's session answer says (never derived here from a
 * role); none while it is being asked or when nobody is signed in.
 */
export function useCapabilities(): Capabilities {
  return useSession().data?.capabilities ?? NONE;
}
