import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, type components } from '../../../api/client';
import { $api, unwrap } from '../../../api/query';

export type SendingSettings = components['schemas']['SendingConfigViewDto'];
export type SendingSettingsRequest = components['schemas']['SendingConfigDto'];
export type DnsRecord = components['schemas']['DnsRecordDto'];
export type DnsCheckReport = components['schemas']['DnsCheckReportDto'];
export type DnsCheck = components['schemas']['DnsCheckDto'];

const sendingQuery = $api.queryOptions('get', '/sending');

/** The vendor's SMTP server, sending domain, rate and DKIM key, with the DNS records to publish. */
export function useVendorSending() {
  return useQuery(sendingQuery);
}

/** Saves the fields given; a field left out keeps its value (the SMTP password, the DKIM key). */
export function useReplaceVendorSending() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: SendingSettingsRequest): Promise<SendingSettings> => unwrap(api.PUT('/sending', { body })),
    onSuccess: (settings) => queryClient.setQueryData(sendingQuery.queryKey, settings),
  });
}

/** The engine generates a new DKIM key for the sending domain; it signs from now on. */
export function useGenerateDkimKey() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (selector: string | undefined): Promise<SendingSettings> =>
      unwrap(api.POST('/sending/dkim', { body: selector ? { selector } : {} })),
    onSuccess: (settings) => queryClient.setQueryData(sendingQuery.queryKey, settings),
  });
}

/** Asks the engine to look the records up in DNS now; the answer says, per record, what is missing or wrong. */
export function useCheckVendorDns() {
  return useMutation({ mutationFn: (): Promise<DnsCheckReport> => unwrap(api.POST('/sending/dns-check')) });
}
