import { useMutation } from '@tanstack/react-query';
import { api, type components } from '../../../api/client';
import { $api, unwrap } from '../../../api/query';

export type SsoTestResult = components['schemas']['SsoTestResultDto'];

/** Starts a test sign-in: the browser goes through the connection's provider and comes back to this page. */
export function useStartSsoTest() {
  return useMutation({
    mutationFn: (id: string) => unwrap(api.POST('/sso-connections/{id}/test', { params: { path: { id } } })),
    onSuccess: ({ startUrl }) => window.location.assign(startUrl),
  });
}

/** A test sign-in's result (kept 10 minutes, for the admin who ran it). */
export function useSsoTestResult(id: string | null, resultId: string | null) {
  return $api.useQuery(
    'get',
    '/sso-connections/{id}/test-results/{resultId}',
    { params: { path: { id: id ?? '', resultId: resultId ?? '' } } },
    { enabled: !!id && !!resultId, retry: false },
  );
}

/** The connection's refused sign-ins of the last 30 days (read when the admin opens them). */
export function useSsoRefusals(id: string, enabled: boolean) {
  return $api.useQuery('get', '/sso-connections/{id}/refusals', { params: { path: { id } } }, { enabled });
}
