import { $api } from '../../../api/query';
import type { components } from '../../../api/client';

export type PartnerHome = components['schemas']['PartnerHomeDto'];
export type HomeChecklist = components['schemas']['HomeChecklistDto'];

/** The partner home, composed by the API: every rule (limits, order, what counts as done) is its own. */
export function usePartnerHome(partnerId: string) {
  return $api.useQuery('get', '/partners/{partnerId}/home', { params: { path: { partnerId } } });
}
