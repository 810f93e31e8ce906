import { $api } from '../../../api/query';

/**
 * The "Sign in with …" buttons of the vendor whose page this is (its host name, or the
 * `?vendor=` the tab remembers); none for the engine's own sign-in page.
 */
export function useSsoButtons(vendorSlug: string | null) {
  return $api.useQuery('get', '/auth/sso/connections', {
    params: { query: vendorSlug ? { vendor: vendorSlug } : {} },
  });
}
