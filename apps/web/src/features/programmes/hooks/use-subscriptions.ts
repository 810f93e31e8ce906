import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api, type components } from '../../../api/client';
import { $api, under, unwrap } from '../../../api/query';

export type Subscription = components['schemas']['SubscriptionDto'];
export type SubscriptionSettings = components['schemas']['UpdateSubscriptionDto'];
export type NewSubscription = components['schemas']['SubscribeDto'];
export type SubscriptionAudience = components['schemas']['AudienceDto'];

/** Subscriptions a partner may hold at once in the portal's view (the API pages at most 200). */
const MOST_SUBSCRIPTIONS = 200;

/** The signed-in partner's active subscriptions, newest first. */
export function useMySubscriptions() {
  return $api.useQuery('get', '/programme-subscriptions', {
    params: { query: { status: 'active', limit: MOST_SUBSCRIPTIONS } },
  });
}

/** Subscribes to a programme (`programmeId`) or changes a subscription's defaults (`subscriptionId`). */
export function useSaveSubscription(target: { programmeId: string; subscriptionId: string | null }) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: NewSubscription): Promise<Subscription> =>
      unwrap(
        target.subscriptionId
          ? api.PATCH('/programme-subscriptions/{id}', { params: { path: { id: target.subscriptionId } }, body })
          : api.POST('/programmes/{id}/subscriptions', { params: { path: { id: target.programmeId } }, body }),
      ),
    onSuccess: () =>
      queryClient.invalidateQueries(under('/programmes', '/programme-subscriptions', '/pending-launches')),
  });
}

/** Ends a subscription: the API cancels its pending launches and says how many. */
export function useUnsubscribe() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async (id: string): Promise<number> =>
      (await unwrap(api.DELETE('/programme-subscriptions/{id}', { params: { path: { id } } }))).cancelled,
    onSuccess: () =>
      queryClient.invalidateQueries(under('/programmes', '/programme-subscriptions', '/pending-launches')),
  });
}

export type CurrentLaunches = components['schemas']['CurrentLaunchesDto'];

/**
 * "Launch the current version now": a subscription is offered only versions published after it
 * began, so this starts what is already out (the latest version of each campaign the programme
 * offers the partner). Asking twice starts nothing more.
 */
export function useLaunchCurrent() {
  const queryClient = useQueryClient();
  return $api.useMutation('post', '/programme-subscriptions/{id}/launch-current', {
    onSettled: () => queryClient.invalidateQueries(under('/pending-launches', '/launches')),
  });
}
