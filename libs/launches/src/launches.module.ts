import { Module } from '@nestjs/common';
import { AnalyticsModule } from '@tcma/analytics';
import { AudienceModule } from '@tcma/audience';
import { BrandKitsModule } from '@tcma/brand-kits';
import { CampaignsModule } from '@tcma/campaigns';
import { NoticesModule } from '@tcma/notices';
import { NurtureModule } from '@tcma/nurture';
import { SendersModule } from '@tcma/senders';
import { TenancyModule } from '@tcma/tenancy';
import { LaunchActivityRepository } from './launch-activity.repository';
import { LaunchActivityService } from './launch-activity.service';
import { LaunchPreviewRepository } from './launch-preview.repository';
import { LaunchesRepository } from './launches.repository';
import { LaunchesService } from './launches.service';
import { LaunchTargets } from './launch-targets.service';
import { LaunchApprovalsService } from './launch-approvals.service';
import { LaunchNotices } from './launch-notices.service';

/** Launches: readiness, the dry run, starting, pausing and cancelling one, its progress and activity, the approval of a partner's words and its emails. */
@Module({
  imports: [
    AnalyticsModule,
    TenancyModule,
    CampaignsModule,
    BrandKitsModule,
    AudienceModule,
    SendersModule,
    NurtureModule,
    NoticesModule,
  ],
  providers: [
    LaunchesRepository,
    LaunchPreviewRepository,
    LaunchesService,
    LaunchTargets,
    LaunchActivityRepository,
    LaunchActivityService,
    LaunchApprovalsService,
    LaunchNotices,
  ],
  exports: [LaunchesService, LaunchActivityService, LaunchApprovalsService],
})
export class LaunchesModule {}
