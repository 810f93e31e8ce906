import { DynamicModule, Module } from '@nestjs/common';
import { APP_FILTER, APP_GUARD, APP_INTERCEPTOR, APP_PIPE } from '@nestjs/core';
import { MulterModule } from '@nestjs/platform-express';
import { ThrottlerModule } from '@nestjs/throttler';
import { AccountsModule } from '@tcma/accounts';
import { AnalyticsModule } from '@tcma/analytics';
import { AudienceModule } from '@tcma/audience';
import { AuthModule, SessionCookie } from '@tcma/auth';
import { BrandKitsModule } from '@tcma/brand-kits';
import { CampaignsModule } from '@tcma/campaigns';
import { Clock, ClockModule } from '@tcma/clock';
import { AppConfig, ConfigModule } from '@tcma/config';
import { DeliveryModule } from '@tcma/delivery';
import { EngagementModule } from '@tcma/engagement';
import { FleetModule } from '@tcma/fleet';
import { MetricsModule } from '@tcma/metrics';
import { NoticesModule } from '@tcma/notices';
import { LaunchesModule } from '@tcma/launches';
import { NurtureModule } from '@tcma/nurture';
import { OperationsModule } from '@tcma/operations';
import { ProgrammesModule } from '@tcma/programmes';
import { SocialPostsModule } from '@tcma/social-posts';
import { PagesModule } from '@tcma/pages';
import { PartnerHomeModule } from '@tcma/partner-home';
import { VendorHomeModule } from '@tcma/vendor-home';
import { CampaignApprovalsModule } from '@tcma/campaign-approvals';
import { PersistenceModule } from '@tcma/persistence';
import { RecipientsModule } from '@tcma/recipients';
import { QueueModule, RedisClient } from '@tcma/queue';
import { SendersModule } from '@tcma/senders';
import { PreviewsModule } from '@tcma/rendering';
import { SigningModule } from '@tcma/signing';
import { SocialModule } from '@tcma/social';
import { StorageModule } from '@tcma/storage';
import { TenancyModule } from '@tcma/tenancy';
import { SsoModule } from '@tcma/sso';
import { CrmModule } from '@tcma/crm';
import { VendorHostsModule } from '@tcma/vendor-hosts';
import { AssistantModule } from '@tcma/assistant';
import { VendorBrandsModule } from '@tcma/vendor-brands';
import { WebhooksModule } from '@tcma/webhooks';
import { AnalyticsController } from './analytics/analytics.controller';
import { UploadLimitsInterceptor, uploadFileLimit } from './common/upload-limits.interceptor';
import { AuthController } from './accounts/auth.controller';
import { ConciergeController } from './accounts/concierge.controller';
import { UserInvitationsController } from './accounts/user-invitations.controller';
import { ImportsController } from './audience/imports.controller';
import { ListsController } from './audience/lists.controller';
import { ProspectsController } from './audience/prospects.controller';
import { BrandKitsController } from './brand-kits/brand-kits.controller';
import { SenderConfirmationsController } from './senders/sender-confirmations.controller';
import { PendingLaunchesController } from './programmes/pending-launches.controller';
import { SocialPostsController } from './social-posts/social-posts.controller';
import { ProgrammeActionsController } from './programmes/programme-actions.controller';
import { ProgrammesController } from './programmes/programmes.controller';
import { SubscriptionsController } from './programmes/subscriptions.controller';
import { CampaignContentController } from './campaigns/campaign-content.controller';
import { CampaignDraftController } from './campaigns/campaign-draft.controller';
import { CampaignDraftAssetsController } from './campaigns/campaign-draft-assets.controller';
import { CampaignLanguagesController } from './campaigns/campaign-languages.controller';
import { CampaignSuggestionsController } from './campaigns/campaign-suggestions.controller';
import { FilePagesController } from './campaigns/file-pages.controller';
import { CampaignsController } from './campaigns/campaigns.controller';
import { FilesController } from './campaigns/files.controller';
import { HttpErrorFilter } from './common/http-error.filter';
import { createValidationPipe } from './common/validation.pipe';
import { HttpDrain } from './common/http-drain';
import { OutboxController } from './delivery/outbox.controller';
import { SendingController } from './delivery/sending.controller';
import { SuppressionsController } from './delivery/suppressions.controller';
import { PreferencesController } from './recipients/preferences.controller';
import { UnsubscribeController } from './recipients/unsubscribe.controller';
import { HealthController } from './health/health.controller';
import { AdminModule } from './operations/admin.module';
import { LaunchActivityController } from './launches/launch-activity.controller';
import { LaunchReadinessController } from './launches/launch-readiness.controller';
import { LaunchesController } from './launches/launches.controller';
import { LaunchApprovalsController } from './launches/launch-approvals.controller';
import { TextBlockSuggestionsController } from './launches/text-block-suggestions.controller';
import { MetricsController } from './metrics/metrics.controller';
import { PartnerCampaignsController } from './rendering/partner-campaigns.controller';
import { PartnerHomeController } from './partner-home/partner-home.controller';
import { PartnerSetupController } from './partner-home/partner-setup.controller';
import { ReminderActionsController } from './vendor-home/reminder-actions.controller';
import { VendorHomeController } from './vendor-home/vendor-home.controller';
import { CampaignReviewsController } from './campaign-approvals/campaign-reviews.controller';
import { DataRequestsController } from './pages/data-requests.controller';
import { LeadsController } from './pages/leads.controller';
import { PreviewsController } from './rendering/previews.controller';
import { RateLimitGuard } from './rate-limits/rate-limit.guard';
import { rateLimits } from './rate-limits/rate-limits';
import { RedisThrottlerStorage } from './rate-limits/redis-throttler.storage';
import { PublicFilesController } from './storage/public-files.controller';
import { MeController } from './tenancy/me.controller';
import { PartnersController } from './tenancy/partners.controller';
import { TokensController } from './tenancy/tokens.controller';
import { UsersController } from './tenancy/users.controller';
import { PartnerUsersController } from './tenancy/partner-users.controller';
import { ConversionsController } from './engagement/conversions.controller';
import { CrmCallbackController } from './crm/crm-callback.controller';
import { CrmConnectionsController } from './crm/crm-connections.controller';
import { CrmRecordsController } from './crm/crm-records.controller';
import { CrmStateCookie } from './crm/crm-state-cookie';
import { RevenueController } from './crm/revenue.controller';
import { ScimGroupsController } from './sso/scim-groups.controller';
import { ScimTokenController } from './sso/scim-token.controller';
import { ScimUsersController } from './sso/scim-users.controller';
import { EmailDomainsController } from './sso/email-domains.controller';
import { SsoConnectionsController } from './sso/sso-connections.controller';
import { SsoRequirementController } from './sso/sso-requirement.controller';
import { SsoTestsController } from './sso/sso-tests.controller';
import { SsoSignInController } from './sso/sso-sign-in.controller';
import { SamlSignInController } from './sso/saml-sign-in.controller';
import { VendorHostNamesController } from './vendor-hosts/vendor-host-names.controller';
import { AssistantController } from './assistant/assistant.controller';
import { WebhooksController } from './webhooks/webhooks.controller';
import { SocialCallbackController } from './social/social-callback.controller';
import { SocialConnectionsController } from './social/social-connections.controller';
import { PublicBrandController } from './vendor-brands/public-brand.controller';
import { VendorBrandController } from './vendor-brands/vendor-brand.controller';

export interface ApiModuleOptions {
  config: AppConfig;
  clock?: Clock;
}

/** The HTTP API: thin controllers over the domain modules; heavy work is only enqueued. */
@Module({})
export class ApiModule {
  static forRoot(options: ApiModuleOptions): DynamicModule {
    return {
      module: ApiModule,
      imports: [
        ConfigModule.forRoot(options.config),
        ClockModule.forRoot(options.clock),
        MetricsModule,
        PersistenceModule,
        FleetModule,
        QueueModule,
        StorageModule,
        SigningModule,
        AuthModule,
        AccountsModule,
        TenancyModule,
        CampaignsModule,
        BrandKitsModule,
        VendorBrandsModule,
        PreviewsModule,
        AudienceModule,
        DeliveryModule,
        NoticesModule,
        SendersModule,
        NurtureModule,
        LaunchesModule,
        RecipientsModule,
        ProgrammesModule,
        SocialPostsModule,
        EngagementModule,
        AnalyticsModule,
        PagesModule,
        PartnerHomeModule,
        VendorHomeModule,
        CampaignApprovalsModule,
        WebhooksModule,
        VendorHostsModule,
        SsoModule,
        CrmModule,
        AssistantModule,
        SocialModule,
        OperationsModule,
        AdminModule,
        ThrottlerModule.forRootAsync({
          imports: [AuthModule],
          inject: [AppConfig, SessionCookie, RedisClient],
          useFactory: (config: AppConfig, cookie: SessionCookie, redis: RedisClient) => ({
            throttlers: rateLimits(config, cookie.name),
            storage: new RedisThrottlerStorage(redis, config),
          }),
        }),
        MulterModule.register({
          // One file per request, no larger than the largest type's limit; per-type limits
          // are checked once the bytes are identified.
          limits: {
            files: 1,
            fields: 20,
            fileSize: uploadFileLimit(options.config),
          },
        }),
      ],
      controllers: [
        HealthController,
        AssistantController,
        MeController,
        UsersController,
        PartnerUsersController,
        TokensController,
        PartnersController,
        CampaignsController,
        CampaignContentController,
        CampaignDraftController,
        CampaignDraftAssetsController,
        CampaignLanguagesController,
        CampaignSuggestionsController,
        FilesController,
        FilePagesController,
        BrandKitsController,
        VendorBrandController,
        SenderConfirmationsController,
        ProgrammesController,
        SubscriptionsController,
        PendingLaunchesController,
        ProgrammeActionsController,
        SocialPostsController,
        PreviewsController,
        // Before PublicFilesController: its `/public/:key` would take `/public/brand`.
        PublicBrandController,
        PublicFilesController,
        ProspectsController,
        ListsController,
        ImportsController,
        LaunchesController,
        LaunchApprovalsController,
        TextBlockSuggestionsController,
        LaunchActivityController,
        SuppressionsController,
        SendingController,
        OutboxController,
        UnsubscribeController,
        PreferencesController,
        ConversionsController,
        AnalyticsController,
        PartnerCampaignsController,
        PartnerHomeController,
        PartnerSetupController,
        VendorHomeController,
        CampaignReviewsController,
        ReminderActionsController,
        LaunchReadinessController,
        LeadsController,
        DataRequestsController,
        WebhooksController,
        VendorHostNamesController,
        SsoConnectionsController,
        EmailDomainsController,
        SsoRequirementController,
        SsoTestsController,
        ScimTokenController,
        ScimUsersController,
        ScimGroupsController,
        SsoSignInController,
        SamlSignInController,
        SocialConnectionsController,
        SocialCallbackController,
        CrmConnectionsController,
        CrmRecordsController,
        CrmCallbackController,
        RevenueController,
        AuthController,
        UserInvitationsController,
        ConciergeController,
        MetricsController,
      ],
      providers: [
        { provide: APP_FILTER, useClass: HttpErrorFilter },
        { provide: APP_PIPE, useFactory: createValidationPipe },
        { provide: APP_GUARD, useClass: RateLimitGuard },
        { provide: APP_INTERCEPTOR, useClass: UploadLimitsInterceptor },
        HttpDrain,
        CrmStateCookie,
      ],
    };
  }
}
