import { useQuery } from '@tanstack/react-query';
import { $api } from '../../../api/query';
import type { components } from '../../../api/client';

export type PartnerHome = components['schemas']['PartnerHomeDto'];
export type HomeChecklist = components['schemas']['HomeChecklistDto'];

/** The read of a partner's home (the app starts it before the page's code arrives: app/first-reads.ts). */
export function partnerHomeQuery(partnerId: string) {
  return $api.queryOptions('get', '/partners/{partnerId}/home', { params: { path: { partnerId } } });
}

/** The partner home, composed by the API: every rule (limits, order, what counts as done) is its own. */
export function usePartnerHome(partnerId: string) {
  return useQuery(partnerHomeQuery(partnerId));
}

export type RevenueInfluenced = components['schemas']['RevenueInfluencedDto'];

/** The days the home's revenue looks back over (the API's default too). */
export const REVENUE_DAYS = 30;

/** The partner's own revenue influenced: won deals of its leads, per currency. */
export function useRevenue() {
  return $api.useQuery('get', '/revenue', { params: { query: { days: REVENUE_DAYS } } });
}
