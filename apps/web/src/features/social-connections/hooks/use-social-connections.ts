import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { ApiError } from '../../../api/api-error';
import { api, type components } from '../../../api/client';

export type SocialConnection = components['schemas']['SocialConnectionDto'];
export type SocialNetwork = SocialConnection['network'];

const connectionsKey = ['social-connections'] as const;

/** The partner's social connections (at most 100: a partner has a handful). */
export function useSocialConnections() {
  return useQuery({
    queryKey: connectionsKey,
    queryFn: async ({ signal }) => {
      const { data, error, response } = await api.GET('/social-connections', {
        params: { query: { limit: 100, offset: 0 } },
        signal,
      });
      if (data === undefined) throw new ApiError(response, error);
      return data;
    },
  });
}

/** Starts connecting a network: the API answers the network's authorization address, where the browser goes next. */
export function useStartSocialConnection() {
  return useMutation({
    mutationFn: async (network: SocialNetwork): Promise<string> => {
      const { data, error, response } = await api.POST('/social-connections/{network}/start', {
        params: { path: { network } },
      });
      if (data === undefined) throw new ApiError(response, error);
      return data.authorizationUrl;
    },
    onSuccess: (authorizationUrl) => window.location.assign(authorizationUrl),
  });
}

export type SocialDisconnection = components['schemas']['SocialDisconnectionDto'];

/** Disconnects an account (revoked at the network where it allows) or removes one already disconnected; the API words the outcome. */
export function useDisconnectSocialConnection() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async (id: string): Promise<SocialDisconnection> => {
      const { data, error, response } = await api.DELETE('/social-connections/{id}', { params: { path: { id } } });
      if (data === undefined) throw new ApiError(response, error);
      return data;
    },
    onSuccess: () => queryClient.invalidateQueries({ queryKey: connectionsKey }),
  });
}
