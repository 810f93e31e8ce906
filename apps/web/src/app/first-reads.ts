import type { QueryClient } from '@tanstack/react-query';
import { catalogueQuery, catalogueQueryOf } from '../features/portal/hooks/use-catalogue';
import { meQuery } from '../shared/hooks/use-me';
import { sessionQuery } from '../shared/hooks/use-session';

/**
 * Starts the reads the first page of a visit needs while its code is still arriving: the
 * session, and on the catalogue who the browser acts for and the catalogue page its address
 * names. Otherwise each would wait for the page's code, then for the one before it. The pages
 * read the same cache entries through their own hooks, so nothing is asked twice; a read that
 * fails here is simply asked again by its page, which shows the error.
 */
export function startFirstReads(queryClient: QueryClient, url: URL): void {
  const catalogue = url.pathname.replace(/\/$/, '') === '/portal';
  void (async () => {
    if (!(await queryClient.ensureQueryData(sessionQuery)) || !catalogue) return;
    const me = await queryClient.ensureQueryData(meQuery(queryClient));
    if (me?.partnerId)
      await queryClient.prefetchQuery(catalogueQuery(me.partnerId, catalogueQueryOf(url.searchParams)));
  })().catch(() => undefined);
}
