import { Module } from '@nestjs/common';
import { AudienceModule } from '@tcma/audience';
import { BrandKitsModule } from '@tcma/brand-kits';
import { CampaignsModule } from '@tcma/campaigns';
import { DeliveryModule } from '@tcma/delivery';
import { RenderingModule } from '@tcma/rendering';
import { TenancyModule } from '@tcma/tenancy';
import { TrackingModule } from '@tcma/tracking';
import { EnrollmentService } from './enrollment.service';
import { EnrollmentsRepository } from './enrollments.repository';
import { LaunchesRepository } from './launches.repository';
import { LaunchesService } from './launches.service';
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
  imports: [TenancyModule, CampaignsModule, BrandKitsModule, AudienceModule, DeliveryModule, RenderingModule, TrackingModule],
  providers: [LaunchesRepository, LaunchesService, EnrollmentsRepository, EnrollmentService, SendLedgerRepository, SendProfiles, SendQueue, SendStepService, SweepService, UnsubscribeService, SentEmailRenderer, ViewInBrowserService],
  exports: [ViewInBrowserService, LaunchesService, EnrollmentService, SendStepService, SendQueue, SweepService, UnsubscribeService, EnrollmentsRepository, SendLedgerRepository, SendProfiles, TrackingModule],
})
export class NurtureModule {}
