import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, type components } from '../../../api/client';
import { $api, under, unwrap } from '../../../api/query';

export type CrmConnection = components['schemas']['CrmConnectionDto'];
export type CrmProvider = CrmConnection['provider'];
export type CrmField = components['schemas']['CrmFieldDto'];
export type CrmRecord = components['schemas']['CrmRecordDto'];
export type CrmRecordStatus = CrmRecord['status'];
export type CrmHeldBack = components['schemas']['CrmHeldBackDto'];

/** The CRM connections of the partner (or, for a vendor admin, the vendor's own), as the API lists them. */
export function useCrmConnections() {
  return useQuery($api.queryOptions('get', '/crm-connections'));
}

/** The CRM's writable contact fields, read from the CRM by the API (503 when it cannot be reached). */
export function useCrmFields(id: string, enabled = true) {
  return useQuery({
    ...$api.queryOptions('get', '/crm-connections/{id}/fields', { params: { path: { id } } }),
    enabled,
    retry: false,
  });
}

/** One page of the leads handed to a connection's CRM, newest first; `status` and `partnerId` narrow it. */
export function useCrmRecords(
  id: string,
  query: { status?: CrmRecordStatus; partnerId?: string; limit: number; offset: number },
) {
  return useQuery({
    ...$api.queryOptions('get', '/crm-connections/{id}/records', { params: { path: { id }, query } }),
    placeholderData: (previous) => previous,
  });
}

/** How many leads of partners keeping their contacts private the vendor's own CRM was not handed (counts, no people). */
export function useCrmHeldBack(days: number) {
  return $api.useQuery('get', '/crm-records/held-back', { params: { query: { days } } });
}

/** Starts connecting a CRM: the API answers the CRM's authorization address, where the browser goes next. */
export function useStartCrmConnection() {
  return useMutation({
    mutationFn: async (provider: CrmProvider): Promise<string> =>
      (await unwrap(api.POST('/crm-connections/{provider}/start', { params: { path: { provider } } })))
        .authorizationUrl,
    onSuccess: (authorizationUrl) => window.location.assign(authorizationUrl),
  });
}

/** Replaces a connection's field mapping; the API checks it against the CRM's own fields, field by field. */
export function useSaveCrmFieldMapping(id: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (fieldMapping: Record<string, string>): Promise<CrmConnection> =>
      unwrap(api.PUT('/crm-connections/{id}/field-mapping', { params: { path: { id } }, body: { fieldMapping } })),
    onSuccess: () => queryClient.invalidateQueries(under('/crm-connections')),
  });
}

/** Tries a failed record again now; its connection's records are read again. */
export function useRetryCrmRecord() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async (id: string): Promise<void> => {
      await api.POST('/crm-records/{id}/retry', { params: { path: { id } } });
    },
    onSuccess: () => queryClient.invalidateQueries(under('/crm-connections')),
  });
}

/** Disconnects a CRM: the API removes its records and the revenue it brought. */
export function useDisconnectCrm() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async (id: string): Promise<void> => {
      await api.DELETE('/crm-connections/{id}', { params: { path: { id } } });
    },
    onSuccess: () => queryClient.invalidateQueries(under('/crm-connections', '/crm-records', '/revenue')),
  });
}
