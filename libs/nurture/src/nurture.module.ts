import { Module } from '@nestjs/common';
import { BrandKitsModule } from '@tcma/brand-kits';
import { CampaignsModule } from '@tcma/campaigns';
import { DeliveryModule } from '@tcma/delivery';
import { FleetModule } from '@tcma/fleet';
import { RenderingModule } from '@tcma/rendering';
import { TenancyModule } from '@tcma/tenancy';
import { TrackingModule } from '@tcma/tracking';
import { WebhooksModule } from '@tcma/webhooks';
import { AudienceEnrollmentsRepository } from './audience-enrollments.repository';
import { EnrollmentExitsRepository } from './enrollment-exits.repository';
import { EnrollmentExits } from './enrollment-exits.service';
import { EnrollmentService } from './enrollment.service';
import { EnrollmentsRepository } from './enrollments.repository';
import { LaunchEnrollments } from './launch-enrollments.service';
import { QueueStateMarker } from './queue-state.marker';
import { RunningLaunchesRepository } from './running-launches.repository';
import { SendLedgerRepository } from './send-ledger.repository';
import { SentRecipientsRepository } from './sent-recipients.repository';
import { SendProfiles } from './send-profiles';
import { SendQueue } from './send-queue';
import { SendStepService } from './send-step.service';
import { SentEmailRenderer } from './sent-email.renderer';
import { SentEmails } from './sent-emails.service';
import { SweepService } from './sweep.service';

/**
 * The nurture scheduler: enrollment, the sweep, the send ledger and exactly-once sends. Other
 * libs reach enrollments and sends through its services (EnrollmentExits, LaunchEnrollments,
 * SentEmails), never its repositories.
 */
@Module({
  imports: [
    FleetModule,
    TenancyModule,
    CampaignsModule,
    BrandKitsModule,
    DeliveryModule,
    RenderingModule,
    TrackingModule,
    WebhooksModule,
  ],
  providers: [
    RunningLaunchesRepository,
    EnrollmentsRepository,
    AudienceEnrollmentsRepository,
    EnrollmentExitsRepository,
    EnrollmentService,
    EnrollmentExits,
    LaunchEnrollments,
    SendLedgerRepository,
    SentRecipientsRepository,
    SendProfiles,
    SendQueue,
    SendStepService,
    SentEmailRenderer,
    SentEmails,
    SweepService,
    QueueStateMarker,
  ],
  exports: [
    EnrollmentService,
    EnrollmentExits,
    LaunchEnrollments,
    SentEmails,
    SendQueue,
    SendStepService,
    SweepService,
  ],
})
export class NurtureModule {}
