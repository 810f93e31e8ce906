import { useQueryClient } from '@tanstack/react-query';
import { $api } from '../../../api/query';
import type { components } from '../../../api/client';

export type VendorHome = components['schemas']['VendorHomeDto'];
export type IdlePartner = components['schemas']['IdlePartnerDto'];
export type TopCampaign = components['schemas']['TopCampaignDto'];
export type SendingHealth = components['schemas']['HomeSendingDto'];

/** The read of the vendor home (the app starts it before the page's code arrives: app/first-reads.ts). */
export function vendorHomeQuery() {
  return $api.queryOptions('get', '/vendor-home');
}

/**
 * The vendor home, composed by the API: the period, the counts and who is idle are all its own.
 * Asked only when `enabled` (the session offers the marketing areas: the API refuses approvers).
 */
export function useVendorHome(enabled = true) {
  return $api.useQuery('get', '/vendor-home', {}, { enabled });
}

/**
 * Reminds an idle partner (POST /vendor-home/reminders). Whether it is refused (reminded this
 * week, nothing to offer, nobody to email) is the API's to say; either way the home is read
 * again, so the row shows when the partner was reminded, and the button stays busy until it does.
 */
export function useRemindPartner() {
  const queryClient = useQueryClient();
  return $api.useMutation('post', '/vendor-home/reminders', {
    onSettled: () => queryClient.invalidateQueries({ queryKey: vendorHomeQuery().queryKey }),
  });
}

export type WaitingReview = components['schemas']['WaitingReviewDto'];

/** The reviews waiting for the vendor's approvers, oldest first, as the API lists them. */
export function useWaitingReviews() {
  return $api.useQuery('get', '/campaign-reviews/waiting');
}

export type RevenueInfluenced = components['schemas']['RevenueInfluencedDto'];
export type RevenueBy = components['schemas']['RevenueByDto'];

/** The days the home's revenue looks back over (the API's default too). */
export const REVENUE_DAYS = 30;

/** The network's revenue influenced: won deals of its campaigns' leads, per currency. Asked only when `enabled`. */
export function useRevenue(enabled = true) {
  return $api.useQuery('get', '/revenue', { params: { query: { days: REVENUE_DAYS } } }, { enabled });
}

export type WaitingLaunchApproval = components['schemas']['WaitingLaunchApprovalDto'];

/** Launches whose partner's editable block waits for an approver, oldest first; asked only when `enabled` (approvers and admins). */
export function useLaunchApprovals(enabled: boolean) {
  return $api.useQuery('get', '/launch-approvals', {}, { enabled });
}

/** An approver's decision on a waiting launch: approved (it starts) or returned with a comment; the list is read again. */
export function useDecideLaunch() {
  const queryClient = useQueryClient();
  const refresh = { onSettled: () => queryClient.invalidateQueries({ queryKey: ['get', '/launch-approvals'] }) };
  return {
    approve: $api.useMutation('post', '/launches/{id}/approve', refresh),
    return: $api.useMutation('post', '/launches/{id}/return', refresh),
  };
}
