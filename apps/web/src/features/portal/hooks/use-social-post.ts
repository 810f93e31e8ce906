import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api, type components } from '../../../api/client';
import { under, unwrap } from '../../../api/query';

export type SocialPostRequest = components['schemas']['CreateSocialPostDto'];

/** Schedules a post (the API checks the networks, the time and the campaign; its field errors come back as ApiError.problems). */
export function useCreateSocialPost() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: SocialPostRequest) => unwrap(api.POST('/social-posts', { body })),
    onSuccess: () => queryClient.invalidateQueries(under('/social-posts')),
  });
}
