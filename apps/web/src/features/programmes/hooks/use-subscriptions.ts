import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { ApiError } from '../../../api/api-error';
import { api, type components } from '../../../api/client';
import { pendingLaunchesKey } from './use-pending-launches';
import { programmesKey } from './use-programmes';

export type Subscription = components['schemas']['SubscriptionDto'];
export type SubscriptionSettings = components['schemas']['UpdateSubscriptionDto'];
export type NewSubscription = components['schemas']['SubscribeDto'];
export type SubscriptionAudience = components['schemas']['AudienceDto'];

/** Subscriptions a partner may hold at once in the portal's view (the API pages at most 200). */
const MOST_SUBSCRIPTIONS = 200;

/** The signed-in partner's active subscriptions, newest first. */
export function useMySubscriptions() {
  return useQuery({
    queryKey: [...programmesKey, 'subscriptions', 'mine'],
    queryFn: async ({ signal }) => {
      const { data, error, response } = await api.GET('/programme-subscriptions', {
        params: { query: { status: 'active', limit: MOST_SUBSCRIPTIONS } },
        signal,
      });
      if (data === undefined) throw new ApiError(response, error);
      return data;
    },
  });
}

/** Subscribes to a programme (`programmeId`) or changes a subscription's defaults (`subscriptionId`). */
export function useSaveSubscription(target: { programmeId: string; subscriptionId: string | null }) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async (body: NewSubscription): Promise<Subscription> => {
      const answer = target.subscriptionId
        ? await api.PATCH('/programme-subscriptions/{id}', { params: { path: { id: target.subscriptionId } }, body })
        : await api.POST('/programmes/{id}/subscriptions', { params: { path: { id: target.programmeId } }, body });
      if (answer.data === undefined) throw new ApiError(answer.response, answer.error);
      return answer.data;
    },
    onSuccess: () => queryClient.invalidateQueries({ queryKey: programmesKey }),
  });
}

/** Ends a subscription: the API cancels its pending launches and says how many. */
export function useUnsubscribe() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async (id: string): Promise<number> => {
      const { data, error, response } = await api.DELETE('/programme-subscriptions/{id}', { params: { path: { id } } });
      if (data === undefined) throw new ApiError(response, error);
      return data.cancelled;
    },
    onSuccess: () =>
      Promise.all([
        queryClient.invalidateQueries({ queryKey: programmesKey }),
        queryClient.invalidateQueries({ queryKey: pendingLaunchesKey }),
      ]),
  });
}
