import { keepPreviousData, useMutation, useQueryClient } from '@tanstack/react-query';
import { api, type components } from '../../../api/client';
import { $api, keyOf, under, unwrap } from '../../../api/query';

export type WebhookEndpoint = components['schemas']['WebhookEndpointDto'];
export type RegisteredWebhook = components['schemas']['RegisteredWebhookDto'];
export type WebhookRegistration = components['schemas']['RegisterWebhookDto'];
export type WebhookEventType = WebhookEndpoint['eventTypes'][number];
export type WebhookDelivery = components['schemas']['WebhookDeliveryDto'];

/** While a delivery is pending, its log is asked again this often. */
const PENDING_REFRESH_MS = 2_000;

/** The caller's endpoints: a partner user's are its partner's, a vendor admin's the vendor's (the API scopes them). */
export function useWebhooks(page: { limit: number; offset: number }) {
  return $api.useQuery('get', '/webhooks', { params: { query: page } }, { placeholderData: keepPreviousData });
}

/** Registers an endpoint; the answer carries its signing secret, which the API never shows again. */
export function useRegisterWebhook() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: WebhookRegistration): Promise<RegisteredWebhook> => unwrap(api.POST('/webhooks', { body })),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: keyOf('get', '/webhooks') }),
  });
}

export function useDeleteWebhook() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async (id: string): Promise<void> => {
      await api.DELETE('/webhooks/{id}', { params: { path: { id } } });
    },
    onSuccess: () => queryClient.invalidateQueries(under('/webhooks')),
  });
}

/** Enables an endpoint the engine disabled for failing; the API queues what it missed. */
export function useEnableWebhook() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (id: string): Promise<WebhookEndpoint> =>
      unwrap(api.POST('/webhooks/{id}/enable', { params: { path: { id } } })),
    onSuccess: () => queryClient.invalidateQueries(under('/webhooks')),
  });
}

/** An endpoint's deliveries, newest first, each with its attempts; asked again while one is pending. */
export function useDeliveries(endpointId: string, page: { limit: number; offset: number }) {
  return $api.useQuery(
    'get',
    '/webhooks/{id}/deliveries',
    { params: { path: { id: endpointId }, query: page } },
    {
      placeholderData: keepPreviousData,
      refetchInterval: (q) => (q.state.data?.items.some((d) => d.status === 'pending') ? PENDING_REFRESH_MS : false),
    },
  );
}

/** Sends a delivery again, with the same webhook-id. */
export function useReplayDelivery(endpointId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (deliveryId: string): Promise<WebhookDelivery> =>
      unwrap(api.POST('/webhooks/deliveries/{deliveryId}/replay', { params: { path: { deliveryId } } })),
    onSuccess: () =>
      queryClient.invalidateQueries({
        queryKey: keyOf('get', '/webhooks/{id}/deliveries', { params: { path: { id: endpointId } } }),
      }),
  });
}
