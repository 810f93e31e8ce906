import { keepPreviousData, useMutation, useQueryClient } from '@tanstack/react-query';
import { api, type components, type operations } from '../../../api/client';
import { $api, under, unwrap } from '../../../api/query';

export type SocialPost = components['schemas']['SocialPostDto'];
export type SocialDelivery = components['schemas']['SocialDeliveryDto'];

/** Posts still being published are asked again this often, so the calendar shows them land. */
const REFRESH_MS = 5_000;
const UNSETTLED = new Set<SocialDelivery['status']>(['publishing', 'uncertain']);

export type SocialPostsQuery = NonNullable<operations['listSocialPosts']['parameters']['query']>;

/** A page of the social calendar, latest due first: the partner's own, or (console) the vendor's partners', filtered. */
export function useSocialPosts(query: SocialPostsQuery) {
  return $api.useQuery(
    'get',
    '/social-posts',
    { params: { query } },
    {
      placeholderData: keepPreviousData,
      refetchInterval: (q) =>
        q.state.data?.items.some((p) => p.deliveries.some((d) => UNSETTLED.has(d.status))) ? REFRESH_MS : false,
    },
  );
}

/**
 * Cancels a post no network has been tried for yet (409 after). A vendor user's cancel from the
 * console acts for the post's partner for that one request (concierge: X-Acting-For), which the
 * API records in the partner's audit log and emails to its users; without it the API refuses.
 */
export function useCancelSocialPost() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ id, actingFor }: { id: string; actingFor?: string }) =>
      unwrap(
        api.DELETE('/social-posts/{id}', {
          params: { path: { id } },
          ...(actingFor ? { headers: { 'X-Acting-For': actingFor } } : {}),
        }),
      ),
    onSuccess: () => queryClient.invalidateQueries(under('/social-posts')),
  });
}
