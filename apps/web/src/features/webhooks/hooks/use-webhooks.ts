import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { ApiError } from '../../../api/api-error';
import { api, type components } from '../../../api/client';

export type WebhookEndpoint = components['schemas']['WebhookEndpointDto'];
export type RegisteredWebhook = components['schemas']['RegisteredWebhookDto'];
export type WebhookRegistration = components['schemas']['RegisterWebhookDto'];
export type WebhookEventType = WebhookEndpoint['eventTypes'][number];
export type WebhookDelivery = components['schemas']['WebhookDeliveryDto'];

/** The caller's endpoints: a partner user's are its partner's, a vendor admin's the vendor's (the API scopes them). */
export const webhooksKey = ['webhooks'] as const;
/** While a delivery is pending, its log is asked again this often. */
const PENDING_REFRESH_MS = 2_000;

export function useWebhooks(page: { limit: number; offset: number }) {
  return useQuery({
    queryKey: [...webhooksKey, 'list', page],
    placeholderData: keepPreviousData,
    queryFn: async ({ signal }) => {
      const { data, error, response } = await api.GET('/webhooks', { params: { query: page }, signal });
      if (data === undefined) throw new ApiError(response, error);
      return data;
    },
  });
}

/** Registers an endpoint; the answer carries its signing secret, which the API never shows again. */
export function useRegisterWebhook() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async (body: WebhookRegistration): Promise<RegisteredWebhook> => {
      const { data, error, response } = await api.POST('/webhooks', { body });
      if (data === undefined) throw new ApiError(response, error);
      return data;
    },
    onSuccess: () => queryClient.invalidateQueries({ queryKey: [...webhooksKey, 'list'] }),
  });
}

export function useDeleteWebhook() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async (id: string): Promise<void> => {
      const { error, response } = await api.DELETE('/webhooks/{id}', { params: { path: { id } } });
      if (!response.ok) throw new ApiError(response, error);
    },
    onSuccess: () => queryClient.invalidateQueries({ queryKey: webhooksKey }),
  });
}

/** Enables an endpoint the engine disabled for failing; the API queues what it missed. */
export function useEnableWebhook() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async (id: string): Promise<WebhookEndpoint> => {
      const { data, error, response } = await api.POST('/webhooks/{id}/enable', { params: { path: { id } } });
      if (data === undefined) throw new ApiError(response, error);
      return data;
    },
    onSuccess: () => queryClient.invalidateQueries({ queryKey: webhooksKey }),
  });
}

/** An endpoint's deliveries, newest first, each with its attempts; asked again while one is pending. */
export function useDeliveries(endpointId: string, page: { limit: number; offset: number }) {
  return useQuery({
    queryKey: [...webhooksKey, endpointId, 'deliveries', page],
    placeholderData: keepPreviousData,
    queryFn: async ({ signal }) => {
      const { data, error, response } = await api.GET('/webhooks/{id}/deliveries', {
        params: { path: { id: endpointId }, query: page },
        signal,
      });
      if (data === undefined) throw new ApiError(response, error);
      return data;
    },
    refetchInterval: (q) => (q.state.data?.items.some((d) => d.status === 'pending') ? PENDING_REFRESH_MS : false),
  });
}

/** Sends a delivery again, with the same webhook-id. */
export function useReplayDelivery(endpointId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async (deliveryId: string): Promise<WebhookDelivery> => {
      const { data, error, response } = await api.POST('/webhooks/deliveries/{deliveryId}/replay', {
        params: { path: { deliveryId } },
      });
      if (data === undefined) throw new ApiError(response, error);
      return data;
    },
    onSuccess: () => queryClient.invalidateQueries({ queryKey: [...webhooksKey, endpointId, 'deliveries'] }),
  });
}
