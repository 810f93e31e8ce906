import type { Insertable, Selectable } from 'kysely';
import type * as T from './database.types';

/** Rows as the engine reads them, one type per table, derived from the generated schema types. */
export type AnalyticsDailyRow = Selectable<T.AnalyticsDaily>;
export type ApiTokenRow = Selectable<T.ApiTokens>;
export type AssistantCallRow = Selectable<T.AssistantCalls>;
export type BrandKitRow = Selectable<T.BrandKits>;
export type CampaignRow = Selectable<T.Campaigns>;
export type CampaignVersionRow = Selectable<T.CampaignVersions>;
export type EnrollmentRow = Selectable<T.Enrollments>;
export type EventRow = Selectable<T.Events>;
export type LaunchRow = Selectable<T.Launches>;
export type OutboxMessageRow = Selectable<T.OutboxMessages>;
export type PartnerRow = Selectable<T.Partners>;
export type ProspectImportRow = Selectable<T.ProspectImports>;
export type ProspectListRow = Selectable<T.ProspectLists>;
export type ProspectRow = Selectable<T.Prospects>;
export type RenderedAssetRow = Selectable<T.RenderedAssets>;
export type SendingConfigRow = Selectable<T.SendingConfigs>;
export type SendRow = Selectable<T.Sends>;
export type StoredFileRow = Selectable<T.StoredFiles>;
export type SuppressionRow = Selectable<T.Suppressions>;
export type UserRow = Selectable<T.Users>;
export type VendorRow = Selectable<T.Vendors>;
export type VendorHostNameRow = Selectable<T.VendorHostNames>;
export type EmailDomainRow = Selectable<T.EmailDomains>;
export type VendorBrandRow = Selectable<T.VendorBrands>;

export type NewLaunch = Insertable<T.Launches>;
export type WorkerRow = Selectable<T.Workers>;
export type LeadRow = Selectable<T.Leads>;
export type DataRequestRow = Selectable<T.DataRequests>;
export type ConsentRecordRow = Selectable<T.ConsentRecords>;
export type WebhookEndpointRow = Selectable<T.WebhookEndpoints>;
export type WebhookDeliveryRow = Selectable<T.WebhookDeliveries>;
export type WebhookAttemptRow = Selectable<T.WebhookAttempts>;
export type NewApiToken = Insertable<T.ApiTokens>;
export type NewUser = Insertable<T.Users>;
export type NewPartner = Insertable<T.Partners>;
export type NewCampaign = Insertable<T.Campaigns>;
export type NewStoredFile = Insertable<T.StoredFiles>;
export type NewProspectImport = Insertable<T.ProspectImports>;
export type NewRenderedAsset = Insertable<T.RenderedAssets>;
export type PublicBlobRow = Selectable<T.PublicBlobs>;

/** Which slice of a listing to read: the API's PageQuery. */
export interface PageWindow {
  limit: number;
  offset: number;
}

/** One slice of a listing and how many rows match in all (the API wraps it as `Page<T>`). */
export interface Found<T> {
  items: T[];
  total: number;
}
export type InvitationRow = Selectable<T.Invitations>;
export type PasswordResetRow = Selectable<T.PasswordResets>;
export type SessionRow = Selectable<T.Sessions>;
export type ConciergeAccessRow = Selectable<T.ConciergeAccesses>;
export type BrandKitLogoRow = Selectable<T.BrandKitLogos>;
export type ProgrammeRow = Selectable<T.Programmes>;
export type ProgrammeSubscriptionRow = Selectable<T.ProgrammeSubscriptions>;
export type PendingLaunchRow = Selectable<T.PendingLaunches>;
export type PendingLaunchActionRow = Selectable<T.PendingLaunchActions>;
export type SocialConnectionRow = Selectable<T.SocialConnections>;
export type SsoConnectionRow = Selectable<T.SsoConnections>;
export type NewSsoConnection = Insertable<T.SsoConnections>;
export type SamlAssertionRow = Selectable<T.SamlAssertions>;
export type SamlRequestRow = Selectable<T.SamlRequests>;
export type CrmConnectionRow = Selectable<T.CrmConnections>;
export type CrmRecordRow = Selectable<T.CrmRecords>;
export type CrmActivityRow = Selectable<T.CrmActivities>;
export type CrmRevenueRow = Selectable<T.CrmRevenue>;
export type SsoRefusalRow = Selectable<T.SsoRefusals>;
