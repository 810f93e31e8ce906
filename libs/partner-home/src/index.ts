export { PartnerHomeModule } from './partner-home.module';
export {
  HOME_NEW_LEADS,
  HOME_NEW_LEADS_DAYS,
  HOME_PENDING_LAUNCHES,
  HOME_READY_TO_LAUNCH,
  HOME_RUNNING_LAUNCHES,
  HOME_RUNNING_STATUSES,
  PartnerHomeService,
} from './partner-home.service';
export type { HomeChecklist, PartnerHome } from './partner-home.service';
export { PartnerSetupService, SETUP_STEPS, setupSteps } from './partner-setup.service';
export type { PartnerSetup, SetupStep, SetupStepKey } from './partner-setup.service';
