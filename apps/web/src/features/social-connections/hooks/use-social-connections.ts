import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api, type components } from '../../../api/client';
import { $api, under, unwrap } from '../../../api/query';

export type SocialConnection = components['schemas']['SocialConnectionDto'];
export type SocialNetwork = SocialConnection['network'];
export type SocialDisconnection = components['schemas']['SocialDisconnectionDto'];

/** The partner's social connections (at most 100: a partner has a handful). */
export function useSocialConnections() {
  return $api.useQuery('get', '/social-connections', { params: { query: { limit: 100, offset: 0 } } });
}

/** Starts connecting a network: the API answers the network's authorization address, where the browser goes next. */
export function useStartSocialConnection() {
  return useMutation({
    mutationFn: async (network: SocialNetwork): Promise<string> =>
      (await unwrap(api.POST('/social-connections/{network}/start', { params: { path: { network } } })))
        .authorizationUrl,
    onSuccess: (authorizationUrl) => window.location.assign(authorizationUrl),
  });
}

/** Disconnects an account (revoked at the network where it allows) or removes one already disconnected; the API words the outcome. */
export function useDisconnectSocialConnection() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (id: string): Promise<SocialDisconnection> =>
      unwrap(api.DELETE('/social-connections/{id}', { params: { path: { id } } })),
    onSuccess: () => queryClient.invalidateQueries(under('/social-connections')),
  });
}
