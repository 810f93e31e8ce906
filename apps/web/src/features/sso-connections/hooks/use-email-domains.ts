import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, type components } from '../../../api/client';
import { $api, under, unwrap } from '../../../api/query';

export type EmailDomain = components['schemas']['EmailDomainDto'];
type EmailDomainList = components['schemas']['EmailDomainListDto'];

const domainsQuery = $api.queryOptions('get', '/email-domains');

/** The company's email domains (the vendor's own, or the partner's), pending and verified, each with its TXT record. */
export function useEmailDomains() {
  return useQuery(domainsQuery);
}

/** Claims a domain: the answer is pending, with its TXT record to publish. */
export function useClaimEmailDomain() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (domain: string): Promise<EmailDomain> => unwrap(api.POST('/email-domains', { body: { domain } })),
    onSuccess: () => queryClient.invalidateQueries(under('/email-domains')),
  });
}

/** Looks the TXT record up now; the answer is the domain as the check left it. */
export function useCheckEmailDomain() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (id: string): Promise<EmailDomain> =>
      unwrap(api.POST('/email-domains/{id}/check', { params: { path: { id } } })),
    onSuccess: (checked) =>
      queryClient.setQueryData<EmailDomainList>(domainsQuery.queryKey, (list) =>
        list ? { items: list.items.map((d) => (d.id === checked.id ? checked : d)) } : list,
      ),
  });
}

export function useRemoveEmailDomain() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async (id: string): Promise<void> => {
      await api.DELETE('/email-domains/{id}', { params: { path: { id } } });
    },
    onSuccess: () => queryClient.invalidateQueries(under('/email-domains')),
  });
}
