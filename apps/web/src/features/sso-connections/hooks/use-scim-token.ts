import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, type components } from '../../../api/client';
import { $api, unwrap } from '../../../api/query';

export type IssuedScimToken = components['schemas']['IssuedScimTokenDto'];

const settingsQuery = $api.queryOptions('get', '/scim-token');

/** Whether SCIM provisioning is on, and the base URL the identity provider needs. */
export function useScimSettings() {
  return useQuery(settingsQuery);
}

/** A new token (the previous one stops working): the answer is the one time it is shown. */
export function useGenerateScimToken() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (): Promise<IssuedScimToken> => unwrap(api.POST('/scim-token')),
    onSuccess: ({ enabled, baseUrl }) => queryClient.setQueryData(settingsQuery.queryKey, { enabled, baseUrl }),
  });
}

/** Turns SCIM off: the token stops working. */
export function useRevokeScimToken() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async (): Promise<void> => {
      await api.DELETE('/scim-token');
    },
    onSuccess: () => queryClient.invalidateQueries({ queryKey: settingsQuery.queryKey }),
  });
}
