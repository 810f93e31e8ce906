import type { QueryClient } from '@tanstack/react-query';
import { partnerHomeQuery } from '../features/partner-home/hooks/use-partner-home';
import { CARDS_FIRST_SEEN, catalogueQuery, catalogueQueryOf } from '../features/portal/hooks/use-catalogue';
import { vendorHomeQuery } from '../features/vendor-home/hooks/use-vendor-home';
import { meQuery } from '../shared/hooks/use-me';
import { portalBrandQuery } from '../shared/hooks/use-portal-brand';
import { sessionQuery } from '../shared/hooks/use-session';

/**
 * Starts the reads the first page of a visit needs while its code is still arriving: the
 * session; once it says who is signed in, who the browser acts for and, for a partner's user,
 * the vendor's brand (the theme waits for it) and the catalogue page, the partner home or the
 * vendor home the address names, at once. Otherwise each would wait for the page's code,
 * then for the one before it (a cold partner home asked session, brand, me and home one after another). The
 * pages read the same cache entries through their own hooks, so nothing is asked twice; a read
 * that fails here is simply asked again by its page, which shows the error. Called by main.tsx
 * as the app's code starts, before the router has loaded the page's.
 */
export function startFirstReads(queryClient: QueryClient, url: URL): void {
  const path = url.pathname.replace(/\/$/, '');
  void (async () => {
    const session = await queryClient.ensureQueryData(sessionQuery);
    if (!session) return;
    const reads: Array<Promise<unknown>> = [];
    if (session.capabilities.partnerPortal && !session.capabilities.vendorConsole)
      reads.push(queryClient.prefetchQuery(portalBrandQuery));
    if (path === '/portal' || path === '/portal/home') {
      reads.push(queryClient.prefetchQuery(meQuery(queryClient)));
      // The partner the pages read for (GET /me's partnerId) is the session's own: its page is
      // asked beside /me, not after it (a cold catalogue waited 200 ms for /me).
      const partnerId = session.actingForPartnerId ?? session.user.partnerId;
      if (partnerId && path === '/portal')
        reads.push(
          queryClient
            .fetchQuery(catalogueQuery(partnerId, catalogueQueryOf(url.searchParams)))
            .then((page) => preloadImages(page.items.slice(0, CARDS_FIRST_SEEN).map((i) => i.thumbnailUrl))),
        );
      if (partnerId && path === '/portal/home')
        reads.push(
          queryClient
            .fetchQuery(partnerHomeQuery(partnerId))
            .then((home) => preloadImages(home.readyToLaunch.map((i) => i.thumbnailUrl))),
        );
    }
    if (path === '/console/home' && session.capabilities.vendorMarketing && !session.actingForPartnerId)
      reads.push(queryClient.prefetchQuery(vendorHomeQuery()));
    await Promise.all(reads);
  })().catch(() => undefined);
}

/**
 * Starts the downloads of the thumbnails on screen as soon as their addresses are known: the
 * page's cards ask for the same addresses (the browser's memory cache answers them), but only
 * once they have rendered, which took about 180 ms after the catalogue's answer on a cold load.
 */
function preloadImages(urls: Array<string | null | undefined>): void {
  for (const url of urls) {
    if (!url) continue;
    const image = new Image();
    image.fetchPriority = 'high';
    image.src = url;
  }
}
