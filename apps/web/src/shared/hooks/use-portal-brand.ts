import { queryOptions, useQuery } from '@tanstack/react-query';
import { api, type components } from '../../api/client';
import { $api, unwrap } from '../../api/query';
import { vendorSlugFrom } from '../lib/vendor-slug';
import { useCapabilities, useSession } from './use-session';

export type PortalBrand = components['schemas']['PortalBrandDto'];

/**
 * A partner's vendor's brand (the key the typed client gives GET /vendor-brand). Its read takes
 * no abort signal: the app starts it before the page's code arrives (first-reads.ts), and the
 * shell that watches it mounts again as that code lands; a read that took the signal was
 * cancelled with the first mount (a failed request in the browser's log) and asked again.
 */
export const portalBrandQuery = queryOptions({
  queryKey: $api.queryOptions('get', '/vendor-brand').queryKey,
  queryFn: () => unwrap(api.GET('/vendor-brand')),
  staleTime: 60_000,
});

/**
 * The vendor's brand the app is shown in, or null for the engine's own look: a partner's
 * vendor once signed in (GET /vendor-brand); on a signed-out page, the vendor whose host name the
 * page is served at, else the one its address names (GET /public/brand?vendor=…: the API decides). Vendor users see the console as it always looked: their brand
 * is what their partners see, and the console's Brand page previews it.
 */
export function usePortalBrand(): PortalBrand | null {
  const session = useSession();
  const can = useCapabilities();
  const slug = session.data === null ? vendorSlugFrom(window.location.search) : null;
  const signedIn = useQuery({ ...portalBrandQuery, enabled: !!session.data && !can.vendorConsole });
  const signedOut = $api.useQuery(
    'get',
    '/public/brand',
    { params: { query: { vendor: slug ?? undefined } } },
    { enabled: session.data === null, staleTime: 60_000 },
  );
  if (session.data === undefined) return null;
  const brand = session.data ? (can.vendorConsole ? null : signedIn.data) : signedOut.data;
  return brand && brand.vendor !== null ? brand : null;
}
