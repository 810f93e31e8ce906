// Every migration, oldest first. Files are named <epoch-ms>-<PascalName>.ts and never renamed.
import { Initial1795334923247 } from './1795334923247-Initial';
import { BrandKits1795336889335 } from './1795336889335-BrandKits';
import { RenderedAssets1795338489815 } from './1795338489815-RenderedAssets';
import { AudienceLaunchesDelivery1795339858720 } from './1795339858720-AudienceLaunchesDelivery';
import { EnrollmentsWithoutLaunchForeignKey1795348900000 } from './1795348900000-EnrollmentsWithoutLaunchForeignKey';
import { Tracking1795350264466 } from './1795350264466-Tracking';
import { WorkerHeartbeats1795411357229 } from './1795411357229-WorkerHeartbeats';
import { LandingPagesLeads1795420000000 } from './1795420000000-LandingPagesLeads';
import { Webhooks1795420100000 } from './1795420100000-Webhooks';
import { CampaignCatalogue1795421294342 } from './1795421294342-CampaignCatalogue';
import { BrowserSignIn1795421388309 } from './1795421388309-BrowserSignIn';
import { SenderConfirmation1795480000000 } from './1795480000000-SenderConfirmation';
import { StoredFilesHousekeeping1795530000000 } from './1795530000000-StoredFilesHousekeeping';
import { EventsPartitionedByMonth1795531000000 } from './1795531000000-EventsPartitionedByMonth';
import { DataRequests1795610000000 } from './1795610000000-DataRequests';
import { WebhookEndpointHealth1795610100000 } from './1795610100000-WebhookEndpointHealth';
import { Programmes1795650000000 } from './1795650000000-Programmes';
import { SocialConnections1795700000000 } from './1795700000000-SocialConnections';
import { SocialRefreshClaims1795700100000 } from './1795700100000-SocialRefreshClaims';
import { SocialPosts1795705000000 } from './1795705000000-SocialPosts';
import { ConsentDeclaredSource1795710000000 } from './1795710000000-ConsentDeclaredSource';
import { SocialConnectionRevocation1795730000000 } from './1795730000000-SocialConnectionRevocation';
import { SubscriptionSocialPostingTime1795731000000 } from './1795731000000-SubscriptionSocialPostingTime';
import { SocialPostClicks1795732000000 } from './1795732000000-SocialPostClicks';
import { SocialPostAccounts1795733000000 } from './1795733000000-SocialPostAccounts';
import { SocialDeliveryReferenceAndThrottle1795733280000 } from './1795733280000-SocialDeliveryReferenceAndThrottle';
import { ProgrammeStartsOnce1795745000000 } from './1795745000000-ProgrammeStartsOnce';
import { LandingPageChangeNotices1795750000000 } from './1795750000000-LandingPageChangeNotices';
import { VendorBrands1795760000000 } from './1795760000000-VendorBrands';
import { VendorHostNames1795770000000 } from './1795770000000-VendorHostNames';
import { PartnerExternalId1795775000000 } from './1795775000000-PartnerExternalId';
import { AssistantCalls1795850000000 } from './1795850000000-AssistantCalls';
import { PartnerReminders1795900000000 } from './1795900000000-PartnerReminders';
import { UserLocales1795820000000 } from './1795820000000-UserLocales';
import { ProgrammeStrandedStarts1796100000000 } from './1796100000000-ProgrammeStrandedStarts';
import { ProspectLanguages1796200000000 } from './1796200000000-ProspectLanguages';
import { SendLanguages1796300000000 } from './1796300000000-SendLanguages';
import { CampaignReviews1796400000000 } from './1796400000000-CampaignReviews';
import { SsoConnections1796500000000 } from './1796500000000-SsoConnections';
import { SamlConnections1796600000000 } from './1796600000000-SamlConnections';
import { CrmHandOff1796700000000 } from './1796700000000-CrmHandOff';
import { SsoRefusals1796800000000 } from './1796800000000-SsoRefusals';
import { PartnerSso1796850000000 } from './1796850000000-PartnerSso';
import { CrmRevenueMarkId1796870000000 } from './1796870000000-CrmRevenueMarkId';
import { EditableBlocks1796900000000 } from './1796900000000-EditableBlocks';
import { CrmActivities1796910000000 } from './1796910000000-CrmActivities';

export const MIGRATIONS: Function[] = [
  Initial1795334923247,
  BrandKits1795336889335,
  RenderedAssets1795338489815,
  AudienceLaunchesDelivery1795339858720,
  EnrollmentsWithoutLaunchForeignKey1795348900000,
  Tracking1795350264466,
  WorkerHeartbeats1795411357229,
  LandingPagesLeads1795420000000,
  Webhooks1795420100000,
  CampaignCatalogue1795421294342,
  BrowserSignIn1795421388309,
  SenderConfirmation1795480000000,
  StoredFilesHousekeeping1795530000000,
  EventsPartitionedByMonth1795531000000,
  DataRequests1795610000000,
  WebhookEndpointHealth1795610100000,
  Programmes1795650000000,
  SocialConnections1795700000000,
  SocialRefreshClaims1795700100000,
  SocialPosts1795705000000,
  ConsentDeclaredSource1795710000000,
  SocialConnectionRevocation1795730000000,
  SubscriptionSocialPostingTime1795731000000,
  SocialPostClicks1795732000000,
  SocialPostAccounts1795733000000,
  SocialDeliveryReferenceAndThrottle1795733280000,
  ProgrammeStartsOnce1795745000000,
  LandingPageChangeNotices1795750000000,
  VendorBrands1795760000000,
  VendorHostNames1795770000000,
  PartnerExternalId1795775000000,
  AssistantCalls1795850000000,
  UserLocales1795820000000,
  PartnerReminders1795900000000,
  ProgrammeStrandedStarts1796100000000,
  ProspectLanguages1796200000000,
  SendLanguages1796300000000,
  CampaignReviews1796400000000,
  SsoConnections1796500000000,
  SamlConnections1796600000000,
  CrmHandOff1796700000000,
  SsoRefusals1796800000000,
  PartnerSso1796850000000,
  CrmRevenueMarkId1796870000000,
  EditableBlocks1796900000000,
  CrmActivities1796910000000,
];
