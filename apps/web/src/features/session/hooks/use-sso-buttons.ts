import { useDebouncedValue } from '@mantine/hooks';
import { keepPreviousData } from '@tanstack/react-query';
import type { components } from '../../../api/client';
import { $api } from '../../../api/query';
import { TYPING_PAUSE_MS } from '../../../shared/hooks/use-address-params';
import { looksComplete } from '../sso-discovery';

export type SsoButton = components['schemas']['SsoButtonDto'];

/**
 * The "Sign in with …" buttons of the vendor whose page this is (its host name, or the
 * `?vendor=` the tab remembers); none for the engine's own sign-in page.
 */
export function useSsoButtons(vendorSlug: string | null) {
  return $api.useQuery('get', '/auth/sso/connections', {
    params: { query: vendorSlug ? { vendor: vendorSlug } : {} },
  });
}

/**
 * The buttons the typed address's domain selects (a partner's own provider, or the vendor's for
 * its own domain), once typing pauses on a complete-looking address; none before.
 */
export function useDiscoveredSsoButtons(email: string, vendorSlug: string | null): SsoButton[] {
  // Asked once typing pauses: no request per keystroke.
  const [typed] = useDebouncedValue(email.trim(), TYPING_PAUSE_MS);
  const complete = looksComplete(typed);
  const discovered = $api.useQuery(
    'get',
    '/auth/sso/discover',
    { params: { query: vendorSlug ? { email: typed, vendor: vendorSlug } : { email: typed } } },
    // The buttons stay while the next address of the same typing is asked about.
    { enabled: complete, retry: false, staleTime: 60_000, placeholderData: keepPreviousData },
  );
  return complete ? (discovered.data?.items ?? []) : [];
}
