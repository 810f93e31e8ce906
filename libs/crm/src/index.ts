export { CRM_CONNECTION_NOTICE } from './crm-notice-words';
export { CRM_NAMES } from './crm-notices';
export { crmCallbackPath, CrmConnectionsService } from './crm-connections.service';
export type { CrmConnectionView } from './crm-connections.service';
export { CRM_STATE_TTL_MS } from './crm-state';
export {
  contactProperties,
  DEFAULT_HUBSPOT_MAPPING,
  DEFAULT_SALESFORCE_MAPPING,
  effectiveMapping,
  MAX_MAPPED_FIELDS,
  mappingProblems,
} from './crm-fields';
export { CrmHeldBackService, MAX_HELD_BACK_PARTNERS } from './crm-held-back.service';
export type { HeldBack, HeldBackPartner } from './crm-held-back.service';
export { CrmLedger } from './crm-ledger';
export type { CrmRecordView } from './crm-records.repository';
export { CrmRevenueService, MAX_CRM_EVENTS } from './crm-revenue.service';
export type { RevenueInfluenced } from './crm-revenue.service';
export type { RevenueBy, RevenueTotal } from './crm-revenue.repository';
export { CrmSweepService, STALE_SYNCING_MS } from './crm-sweep.service';
export { CrmActivitySyncService } from './crm-activity-sync.service';
export { CrmMilestones } from './crm-milestones';
export type { Milestone } from './crm-activities.repository';
export type { ActivityCounts } from './crm-activities.repository';
export { CRM_MAX_ATTEMPTS } from './crm-outcomes';
export type { CrmSyncOutcome } from './crm-outcomes';
export { CrmSyncService } from './crm-sync.service';
export { HUBSPOT_SCOPES } from './hubspot.adapter';
export { SALESFORCE_SCOPES } from './salesforce.adapter';
export { HUBSPOT_SIGNATURE_MAX_AGE_MS, hubspotSignature, hubspotSignatureValid } from './hubspot-signature';
export { CrmModule } from './crm.module';
