import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api, type components } from '../../../api/client';
import { $api, under, unwrap } from '../../../api/query';

export type Review = components['schemas']['ReviewDto'];
export type ReviewEvent = components['schemas']['ReviewEventDto'];
/** The vendor's rule and what the signed-in user may do under it, as the API says. */
export type PublishingPolicy = components['schemas']['PublishingPolicyViewDto'];

export function usePublishingPolicy() {
  return $api.useQuery('get', '/publishing-policy');
}

/** The campaign's reviews with their trails, newest first. */
export function useCampaignReviews(id: string) {
  return $api.useQuery('get', '/campaigns/{id}/reviews', { params: { path: { id } } });
}

/** Asks for a review of the draft as it is (the API checks it as publishing would). */
export function useRequestReview(id: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: { note?: string; languages?: Record<string, 'fallback' | 'hold'> }): Promise<Review> =>
      unwrap(api.POST('/campaigns/{id}/reviews', { params: { path: { id } }, body })),
    onSuccess: () => queryClient.invalidateQueries(under('/campaigns')),
  });
}

export type ReviewAction =
  | { kind: 'comment'; body: string; assetId?: string }
  | { kind: 'approve'; comment?: string }
  | { kind: 'request-changes'; comment: string };

/** Comments on, approves (publishing) or returns a waiting review. */
export function useReviewAction(id: string, reviewId: string) {
  const queryClient = useQueryClient();
  const path = { id, reviewId };
  return useMutation({
    mutationFn: (action: ReviewAction): Promise<Review> => {
      if (action.kind === 'comment')
        return unwrap(
          api.POST('/campaigns/{id}/reviews/{reviewId}/comments', {
            params: { path },
            body: { body: action.body, ...(action.assetId ? { assetId: action.assetId } : {}) },
          }),
        );
      if (action.kind === 'approve')
        return unwrap(
          api.POST('/campaigns/{id}/reviews/{reviewId}/approve', {
            params: { path },
            body: action.comment ? { comment: action.comment } : {},
          }),
        );
      return unwrap(
        api.POST('/campaigns/{id}/reviews/{reviewId}/request-changes', {
          params: { path },
          body: { comment: action.comment },
        }),
      );
    },
    onSuccess: () => queryClient.invalidateQueries(under('/campaigns')),
  });
}
