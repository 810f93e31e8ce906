import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, type components } from '../../../api/client';
import { $api, under, unwrap } from '../../../api/query';

export type SsoConnection = components['schemas']['SsoConnectionDto'];
export type NewSsoConnection = components['schemas']['CreateSsoConnectionDto'];
type SsoConnectionList = components['schemas']['SsoConnectionListDto'];

const connectionsQuery = $api.queryOptions('get', '/sso-connections');

/** The vendor's sign-in connections (OpenID providers), oldest first, each with the redirect URIs to register. */
export function useSsoConnections() {
  return useQuery(connectionsQuery);
}

/** Adds a connection: whether its issuer answers, and what its audience needs, is the API's to say, at the field. */
export function useAddSsoConnection() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: NewSsoConnection): Promise<SsoConnection> => unwrap(api.POST('/sso-connections', { body })),
    onSuccess: () => queryClient.invalidateQueries(under('/sso-connections')),
  });
}

/** Turns a connection on or off: off, its button is gone and its sign-ins are refused. */
export function useSetSsoConnectionEnabled() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ id, enabled }: { id: string; enabled: boolean }): Promise<SsoConnection> =>
      unwrap(api.PATCH('/sso-connections/{id}', { params: { path: { id } }, body: { enabled } })),
    onSuccess: (changed) =>
      queryClient.setQueryData<SsoConnectionList>(connectionsQuery.queryKey, (list) =>
        list ? { items: list.items.map((c) => (c.id === changed.id ? changed : c)) } : list,
      ),
  });
}

export function useRemoveSsoConnection() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async (id: string): Promise<void> => {
      await api.DELETE('/sso-connections/{id}', { params: { path: { id } } });
    },
    onSuccess: () => queryClient.invalidateQueries(under('/sso-connections')),
  });
}
