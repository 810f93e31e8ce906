import type { components } from '../../api/client';

type PartnerHome = components['schemas']['PartnerHomeDto'];

/** Whether the home has anything to show besides its header (the checklist only while incomplete); otherwise it says what to do. */
export function hasSomething(home: PartnerHome): boolean {
  return (
    !home.checklist.complete ||
    home.readyToLaunch.length > 0 ||
    home.pendingLaunches.length > 0 ||
    home.runningLaunches.length > 0 ||
    home.newLeads.count > 0
  );
}
