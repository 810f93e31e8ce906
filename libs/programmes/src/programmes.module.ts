import { Module } from '@nestjs/common';
import { AudienceModule } from '@tcma/audience';
import { BrandKitsModule } from '@tcma/brand-kits';
import { CampaignsModule } from '@tcma/campaigns';
import { NoticesModule } from '@tcma/notices';
import { LaunchesModule } from '@tcma/launches';
import { RenderingModule } from '@tcma/rendering';
import { SocialPostsModule } from '@tcma/social-posts';
import { TenancyModule } from '@tcma/tenancy';
import { EmailActionTokens } from './email-action-tokens';
import { EmailActionsService } from './email-actions.service';
import { PendingLaunchNotifier } from './pending-launch-notifier.service';
import { PendingLaunchStarter } from './pending-launch-starter.service';
import { PendingLaunchActionsRepository } from './pending-launch-actions.repository';
import { PendingLaunchOffersRepository } from './pending-launch-offers.repository';
import { PendingLaunchesRepository } from './pending-launches.repository';
import { PendingLaunchesService } from './pending-launches.service';
import { ProgrammeBlocksService } from './programme-blocks.service';
import { ProgrammeVersionsRepository } from './programme-versions.repository';
import { ProgrammeDigestService } from './programme-digest.service';
import { ProgrammeFanoutService } from './programme-fanout.service';
import { ProgrammeSweepService } from './programme-sweep.service';
import { ProgrammesRepository } from './programmes.repository';
import { ProgrammesService } from './programmes.service';
import { SubscriptionsRepository } from './subscriptions.repository';
import { SubscriptionsService } from './subscriptions.service';

/** Programmes: vendors' groups of campaigns, partners' subscriptions, pending launches and their emails. */
@Module({
  imports: [
    TenancyModule,
    CampaignsModule,
    BrandKitsModule,
    AudienceModule,
    LaunchesModule,
    NoticesModule,
    RenderingModule,
    SocialPostsModule,
  ],
  providers: [
    ProgrammesRepository,
    ProgrammeVersionsRepository,
    ProgrammeBlocksService,
    SubscriptionsRepository,
    PendingLaunchesRepository,
    PendingLaunchOffersRepository,
    PendingLaunchActionsRepository,
    ProgrammesService,
    SubscriptionsService,
    PendingLaunchesService,
    PendingLaunchStarter,
    PendingLaunchNotifier,
    EmailActionTokens,
    EmailActionsService,
    ProgrammeFanoutService,
    ProgrammeSweepService,
    ProgrammeDigestService,
  ],
  exports: [
    ProgrammesService,
    ProgrammeBlocksService,
    SubscriptionsService,
    PendingLaunchesService,
    EmailActionsService,
    ProgrammeFanoutService,
    ProgrammeSweepService,
    ProgrammeDigestService,
    PendingLaunchNotifier,
    EmailActionTokens,
  ],
})
export class ProgrammesModule {}
