import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { ApiError } from '../../../api/api-error';
import { api, type components } from '../../../api/client';

export type SendingSettings = components['schemas']['SendingConfigViewDto'];
export type SendingSettingsRequest = components['schemas']['SendingConfigDto'];
export type DnsRecord = components['schemas']['DnsRecordDto'];
export type DnsCheckReport = components['schemas']['DnsCheckReportDto'];
export type DnsCheck = components['schemas']['DnsCheckDto'];

const sendingKey = ['sending', 'vendor'] as const;

/** The vendor's SMTP server, sending domain, rate and DKIM key, with the DNS records to publish. */
export function useVendorSending() {
  return useQuery({
    queryKey: sendingKey,
    queryFn: async ({ signal }): Promise<SendingSettings> => {
      const { data, error, response } = await api.GET('/sending', { signal });
      if (data === undefined) throw new ApiError(response, error);
      return data;
    },
  });
}

/** Saves the fields given; a field left out keeps its value (the SMTP password, the DKIM key). */
export function useReplaceVendorSending() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async (body: SendingSettingsRequest): Promise<SendingSettings> => {
      const { data, error, response } = await api.PUT('/sending', { body });
      if (data === undefined) throw new ApiError(response, error);
      return data;
    },
    onSuccess: (settings) => queryClient.setQueryData(sendingKey, settings),
  });
}

/** The engine generates a new DKIM key for the sending domain; it signs from now on. */
export function useGenerateDkimKey() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async (selector: string | undefined): Promise<SendingSettings> => {
      const { data, error, response } = await api.POST('/sending/dkim', { body: selector ? { selector } : {} });
      if (data === undefined) throw new ApiError(response, error);
      return data;
    },
    onSuccess: (settings) => queryClient.setQueryData(sendingKey, settings),
  });
}

/** Asks the engine to look the records up in DNS now; the answer says, per record, what is missing or wrong. */
export function useCheckVendorDns() {
  return useMutation({
    mutationFn: async (): Promise<DnsCheckReport> => {
      const { data, error, response } = await api.POST('/sending/dns-check');
      if (data === undefined) throw new ApiError(response, error);
      return data;
    },
  });
}
