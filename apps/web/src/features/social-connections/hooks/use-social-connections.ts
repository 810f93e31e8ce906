import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api, type components } from '../../../api/client';
import { under, unwrap } from '../../../api/query';
import type { SocialConnection } from '../../../shared/hooks/use-social-connections';

export type SocialNetwork = SocialConnection['network'];
export type SocialDisconnection = components['schemas']['SocialDisconnectionDto'];

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
