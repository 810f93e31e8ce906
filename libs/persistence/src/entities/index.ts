import { AssistantCallEntity } from './assistant-call.entity';
import { AnalyticsDailyEntity, AnalyticsTotalsEntity } from './analytics-daily.entity';
import { EnrollmentEntity } from './enrollment.entity';
import { EventEntity } from './event.entity';
import { LaunchEntity } from './launch.entity';
import { OutboxMessageEntity } from './outbox-message.entity';
import { ProspectImportEntity } from './prospect-import.entity';
import { ProspectEntity } from './prospect.entity';
import { SendEntity } from './send.entity';
import { SendingConfigEntity } from './sending-config.entity';
import { SuppressionEntity } from './suppression.entity';
import { ProspectListEntity, ProspectListMemberEntity } from './prospect-list.entity';
import { ApiTokenEntity } from './api-token.entity';
import { BrandKitEntity } from './brand-kit.entity';
import { BrandKitLogoEntity } from './brand-kit-logo.entity';
import { VendorBrandEntity } from './vendor-brand.entity';
import { CampaignVersionEntity } from './campaign-version.entity';
import { CampaignEntity } from './campaign.entity';
import { InstanceSettingEntity } from './instance-setting.entity';
import { PartnerEntity } from './partner.entity';
import { PartnerReminderEntity } from './partner-reminder.entity';
import { ApprovedTextBlockEntity } from './approved-text-block.entity';
import { CampaignReviewEntity } from './campaign-review.entity';
import { CampaignReviewEventEntity } from './campaign-review-event.entity';
import { PublicBlobEntity } from './public-blob.entity';
import { RenderedAssetEntity } from './rendered-asset.entity';
import { StoredFileEntity } from './stored-file.entity';
import { UserEntity } from './user.entity';
import { VendorEntity } from './vendor.entity';
import { SsoConnectionEntity } from './sso-connection.entity';
import { SamlAssertionEntity, SamlRequestEntity } from './saml.entity';
import { CrmConnectionEntity } from './crm-connection.entity';
import { SsoRefusalEntity } from './sso-refusal.entity';
import { EmailDomainEntity } from './email-domain.entity';
import { CrmRecordEntity } from './crm-record.entity';
import { CrmActivityEntity } from './crm-activity.entity';
import { CrmRevenueEntity } from './crm-revenue.entity';
import { VendorHostNameEntity } from './vendor-host-name.entity';
import { WorkerEntity } from './worker.entity';
import { ConsentRecordEntity } from './consent-record.entity';
import { LeadEntity } from './lead.entity';
import { DataRequestEntity } from './data-request.entity';
import { WebhookAttemptEntity, WebhookDeliveryEntity, WebhookEndpointEntity } from './webhook.entity';
import { ConciergeAccessEntity } from './concierge-access.entity';
import { InvitationEntity } from './invitation.entity';
import { PasswordResetEntity } from './password-reset.entity';
import { SessionEntity } from './session.entity';
import { SignInThrottleEntity } from './sign-in-throttle.entity';
import { ProgrammeCampaignEntity, ProgrammeEntity } from './programme.entity';
import { ProgrammeSubscriptionEntity } from './programme-subscription.entity';
import { PendingLaunchActionEntity, PendingLaunchEntity } from './pending-launch.entity';
import { SocialPostDeliveryEntity, SocialPostEntity } from './social-post.entity';
import { SocialPostClickEntity, SocialPostLinkEntity } from './social-post-link.entity';
import { SocialAuthorizationEntity, SocialConnectionEntity } from './social-connection.entity';

export const ENTITIES = [
  VendorEntity,
  PartnerEntity,
  UserEntity,
  ApiTokenEntity,
  CampaignEntity,
  CampaignVersionEntity,
  StoredFileEntity,
  InstanceSettingEntity,
  BrandKitEntity,
  BrandKitLogoEntity,
  VendorBrandEntity,
  PublicBlobEntity,
  RenderedAssetEntity,
  ProspectEntity,
  ProspectListEntity,
  ProspectListMemberEntity,
  ProspectImportEntity,
  LaunchEntity,
  EnrollmentEntity,
  SendEntity,
  EventEntity,
  AnalyticsDailyEntity,
  AnalyticsTotalsEntity,
  SuppressionEntity,
  OutboxMessageEntity,
  SendingConfigEntity,
  WorkerEntity,
  ConsentRecordEntity,
  LeadEntity,
  DataRequestEntity,
  WebhookEndpointEntity,
  WebhookDeliveryEntity,
  WebhookAttemptEntity,
  InvitationEntity,
  PasswordResetEntity,
  SessionEntity,
  SignInThrottleEntity,
  ConciergeAccessEntity,
  ProgrammeEntity,
  ProgrammeCampaignEntity,
  ProgrammeSubscriptionEntity,
  PendingLaunchEntity,
  PendingLaunchActionEntity,
  SocialPostEntity,
  SocialPostDeliveryEntity,
  SocialPostLinkEntity,
  SocialPostClickEntity,
  SocialConnectionEntity,
  SocialAuthorizationEntity,
  VendorHostNameEntity,
  AssistantCallEntity,
  PartnerReminderEntity,
  CampaignReviewEntity,
  CampaignReviewEventEntity,
  SsoConnectionEntity,
  SamlRequestEntity,
  SamlAssertionEntity,
  CrmConnectionEntity,
  CrmRecordEntity,
  CrmActivityEntity,
  CrmRevenueEntity,
  SsoRefusalEntity,
  EmailDomainEntity,
  ApprovedTextBlockEntity,
];
