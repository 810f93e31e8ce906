import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { ApiError } from '../../../api/api-error';
import { api, type components, type operations } from '../../../api/client';

export type SocialPost = components['schemas']['SocialPostDto'];
export type SocialDelivery = components['schemas']['SocialDeliveryDto'];
export type SocialPostRequest = components['schemas']['CreateSocialPostDto'];

/** Posts still being published are asked again this often, so the calendar shows them land. */
const REFRESH_MS = 5_000;
const UNSETTLED = new Set<SocialDelivery['status']>(['publishing', 'uncertain']);

export type SocialPostsQuery = NonNullable<operations['listSocialPosts']['parameters']['query']>;

/** A page of the social calendar, latest due first: the partner's own, or (console) the vendor's partners', filtered. */
export function useSocialPosts(query: SocialPostsQuery) {
  return useQuery({
    queryKey: ['social-posts', query],
    placeholderData: keepPreviousData,
    queryFn: async ({ signal }) => {
      const { data, error, response } = await api.GET('/social-posts', { params: { query }, signal });
      if (data === undefined) throw new ApiError(response, error);
      return data;
    },
    refetchInterval: (q) =>
      q.state.data?.items.some((p) => p.deliveries.some((d) => UNSETTLED.has(d.status))) ? REFRESH_MS : false,
  });
}

/** Schedules a post (the API checks the networks, the time and the campaign; its field errors come back as ApiError.problems). */
export function useCreateSocialPost() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: async (body: SocialPostRequest) => {
      const { data, error, response } = await api.POST('/social-posts', { body });
      if (data === undefined) throw new ApiError(response, error);
      return data;
    },
    onSuccess: () => client.invalidateQueries({ queryKey: ['social-posts'] }),
  });
}

/** Cancels a post no network has been tried for yet (409 after). */
export function useCancelSocialPost() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: async (id: string) => {
      const { data, error, response } = await api.DELETE('/social-posts/{id}', { params: { path: { id } } });
      if (data === undefined) throw new ApiError(response, error);
      return data;
    },
    onSuccess: () => client.invalidateQueries({ queryKey: ['social-posts'] }),
  });
}
