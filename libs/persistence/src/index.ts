export { ensureDatabase } from './ensure-database';
export { openDataSource } from './open-data-source';
export { PersistenceModule } from './persistence.module';
export { DatabaseNotices, NOTICES_RECONNECT_MS } from './db/database-notices';
export type { NoticeListener } from './db/database-notices';
export {
  ASSISTANT_CALL_STATUSES,
  CAMPAIGN_STATUSES,
  CONSENT_SOURCES,
  CRM_CONNECTION_STATUSES,
  CRM_PROVIDERS,
  CRM_RECORD_STATUSES,
  CRM_ACTIVITY_KINDS,
  DATA_REQUEST_KINDS,
  ENROLLMENT_STATUSES,
  LAUNCH_STATUSES,
  LEAD_STATUSES,
  PARTNER_STATUSES,
  PENDING_LAUNCH_STATES,
  REVIEW_EVENT_KINDS,
  REVIEW_STATUSES,
  ROLES,
  SOCIAL_CONNECTION_STATUSES,
  SOCIAL_DELIVERY_STATUSES,
  SOCIAL_NETWORKS,
  SOCIAL_POST_SOURCES,
  SSO_AUDIENCES,
  SSO_PROTOCOLS,
  VENDOR_HOST_NAME_STATUSES,
  EMAIL_DOMAIN_STATUSES,
  WEBHOOK_DELIVERY_STATUSES,
  WEBHOOK_EVENT_TYPES,
} from './schema/column-types';
export type {
  AssistantCallStatus,
  AudienceSpec,
  BrandLogo,
  CampaignStatus,
  ConsentSource,
  CrmActivityKind,
  CrmConnectionStatus,
  CrmProvider,
  CrmRecordStatus,
  DataRequestKind,
  EnrollmentStatus,
  EventType,
  LaunchStatus,
  LeadStatus,
  MissingItem,
  PartnerStatus,
  PendingLaunchState,
  ReviewEventKind,
  ReviewStatus,
  Role,
  SendStatus,
  SocialConnectionStatus,
  SocialDeliveryStatus,
  SocialNetwork,
  SocialPostSource,
  SsoAudience,
  SsoProtocol,
  StoredFileMetadata,
  SuppressionReason,
  VendorHostNameStatus,
  EmailDomainStatus,
  WebhookDeliveryStatus,
  WebhookEventType,
} from './schema/column-types';
export { schemaDrift } from './schema-drift';
export { Batcher } from './batcher';
export { Database, openDatabase } from './db/database';
export type { Executor } from './db/database';
export type { DB } from './db/database.types';
export { PartnerScope, VendorScope } from './db/tenant-scope';
export type { TenantScope } from './db/tenant-scope';
export { contactsOwned, ownedAtLevel, ownVendor, partnerOwned, vendorOwned, visiblePartners } from './db/scope-filters';
export type {
  ApiTokenRow,
  AssistantCallRow,
  BrandKitRow,
  CampaignRow,
  CampaignVersionRow,
  ConciergeAccessRow,
  ConsentRecordRow,
  DataRequestRow,
  Found,
  InvitationRow,
  LaunchRow,
  LeadRow,
  NewApiToken,
  NewCampaign,
  NewLaunch,
  NewPartner,
  NewProspectImport,
  NewRenderedAsset,
  NewStoredFile,
  NewUser,
  OutboxMessageRow,
  PageWindow,
  PartnerRow,
  PendingLaunchRow,
  ProgrammeSubscriptionRow,
  ProspectImportRow,
  ProspectListRow,
  ProspectRow,
  PublicBlobRow,
  RenderedAssetRow,
  SendingConfigRow,
  SessionRow,
  SocialConnectionRow,
  StoredFileRow,
  SuppressionRow,
  UserRow,
  SsoConnectionRow,
  NewSsoConnection,
  SamlAssertionRow,
  SamlRequestRow,
  CrmConnectionRow,
  CrmRecordRow,
  CrmActivityRow,
  CrmRevenueRow,
  SsoRefusalRow,
  VendorHostNameRow,
  EmailDomainRow,
  VendorRow,
  VendorBrandRow,
  WebhookAttemptRow,
  WebhookDeliveryRow,
  WebhookEndpointRow,
} from './db/rows';
export { executorOf, Transactions } from './db/transactions';
export type { Tx } from './db/transactions';
export { unnest } from './db/unnest';
export { prepared } from './db/prepared';
export type { PreparedValues } from './db/prepared';
export { EXCLUSION_REASONS, exclusionRank, suppressionCovers, suppressionTargetOf } from './rules/suppression.rule';
export type { ExclusionReason } from './rules/suppression.rule';
export { inAudience } from './rules/audience.rule';
export { dueAndNotQueued, stepDue } from './rules/due-steps.rule';
export { claimantAlive } from './rules/claimant.rule';
export { changedFields } from './db/changes';
export { containing } from './db/like';
export { isTransientDatabaseError } from './transient-error';
export {
  addMonths,
  boundLiteral,
  EVENT_DEFAULT_PARTITION,
  EVENT_PARTITION_SCHEMA,
  EVENT_PARTITIONS_AHEAD,
  eventPartitionName,
  monthOf,
  monthOfEventPartition,
} from './schema/event-partitions';
