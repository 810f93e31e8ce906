import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, type components } from '../../../api/client';
import { $api, under, unwrap } from '../../../api/query';

export type VendorHostName = components['schemas']['VendorHostNameDto'];
type HostNameList = components['schemas']['VendorHostNameListDto'];

const hostNamesQuery = $api.queryOptions('get', '/vendor-host-names');

/** The vendor's host names, pending and verified, each with the TXT record that proves it. */
export function useHostNames() {
  return useQuery(hostNamesQuery);
}

/** Claims a host name: the answer is pending, with its TXT record to publish. */
export function useClaimHostName() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (host: string): Promise<VendorHostName> => unwrap(api.POST('/vendor-host-names', { body: { host } })),
    onSuccess: () => queryClient.invalidateQueries(under('/vendor-host-names')),
  });
}

/** Asks the engine to look the TXT record up now; the answer is the host name as the check left it. */
export function useCheckHostName() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (id: string): Promise<VendorHostName> =>
      unwrap(api.POST('/vendor-host-names/{id}/check', { params: { path: { id } } })),
    onSuccess: (checked) =>
      queryClient.setQueryData<HostNameList>(hostNamesQuery.queryKey, (list) =>
        list ? { items: list.items.map((h) => (h.id === checked.id ? checked : h)) } : list,
      ),
  });
}

export function useRemoveHostName() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async (id: string): Promise<void> => {
      await api.DELETE('/vendor-host-names/{id}', { params: { path: { id } } });
    },
    onSuccess: () => queryClient.invalidateQueries(under('/vendor-host-names')),
  });
}
