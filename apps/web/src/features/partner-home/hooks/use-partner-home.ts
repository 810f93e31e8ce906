import { $api } from '../../../api/query';
import type { components } from '../../../api/client';

export type PartnerHome = components['schemas']['PartnerHomeDto'];
export type HomeChecklist = components['schemas']['HomeChecklistDto'];

/** The partner home, composed by the API: every rule (limits, order, what counts as done) is its own. */
export function usePartnerHome(partnerId: string) {
  return $api.useQuery('get', '/partners/{partnerId}/home', { params: { path: { partnerId } } });
}

/** Whether the home has anything to show besides its header: otherwise it says what to do. */
export function hasSomething(home: PartnerHome): boolean {
  return (
    !home.checklist.complete ||
    home.readyToLaunch.length > 0 ||
    home.pendingLaunches.length > 0 ||
    home.runningLaunches.length > 0 ||
    home.newLeads.count > 0
  );
}
