import { OperatorBacklogService } from './operator-backlog.service';
import { LaunchActivityRepository } from './launch-activity.repository';
import { LaunchActivityService } from './launch-activity.service';
import { Module } from '@nestjs/common';
import { AnalyticsModule } from '@tcma/analytics';
import { AudienceModule } from '@tcma/audience';
import { BrandKitsModule } from '@tcma/brand-kits';
import { CampaignsModule } from '@tcma/campaigns';
import { DeliveryModule } from '@tcma/delivery';
import { FleetModule } from '@tcma/fleet';
import { RenderingModule } from '@tcma/rendering';
import { SendersModule } from '@tcma/senders';
import { TenancyModule } from '@tcma/tenancy';
import { TrackingModule } from '@tcma/tracking';
import { WebhooksModule } from '@tcma/webhooks';
import { BacklogRepository } from './backlog.repository';
import { EnrollmentService } from './enrollment.service';
import { EnrollmentsRepository } from './enrollments.repository';
import { LaunchesRepository } from './launches.repository';
import { LaunchPreviewRepository } from './launch-preview.repository';
import { LaunchesService } from './launches.service';
import { QueueStateMarker } from './queue-state.marker';
import { SendLedgerRepository } from './send-ledger.repository';
import { SendProfiles } from './send-profiles';
import { SendQueue } from './send-queue';
import { SendStepService } from './send-step.service';
import { SweepService } from './sweep.service';
import { SentEmailRenderer } from './sent-email.renderer';
import { UnsubscribeService } from './unsubscribe.service';
import { ViewInBrowserService } from './view-in-browser.service';

/** Launches and the nurture scheduler: enrollment, the sweep, exactly-once sends, unsubscribes. */
@Module({
  imports: [
    AnalyticsModule,
    FleetModule,
    TenancyModule,
    CampaignsModule,
    BrandKitsModule,
    AudienceModule,
    DeliveryModule,
    SendersModule,
    RenderingModule,
    TrackingModule,
    WebhooksModule,
  ],
  providers: [
    BacklogRepository,
    OperatorBacklogService,
    LaunchActivityRepository,
    LaunchActivityService,
    LaunchesRepository,
    LaunchPreviewRepository,
    LaunchesService,
    EnrollmentsRepository,
    EnrollmentService,
    SendLedgerRepository,
    SendProfiles,
    SendQueue,
    SendStepService,
    SweepService,
    QueueStateMarker,
    UnsubscribeService,
    SentEmailRenderer,
    ViewInBrowserService,
  ],
  exports: [
    BacklogRepository,
    OperatorBacklogService,
    LaunchActivityService,
    ViewInBrowserService,
    LaunchesService,
    EnrollmentService,
    SendStepService,
    SendQueue,
    SweepService,
    UnsubscribeService,
    EnrollmentsRepository,
    SendLedgerRepository,
    SendProfiles,
    TrackingModule,
  ],
})
export class NurtureModule {}
