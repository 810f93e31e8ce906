import { Module } from '@nestjs/common';
import { AccountsModule } from '@tcma/accounts';
import { BrandKitsModule } from '@tcma/brand-kits';
import { CampaignsModule } from '@tcma/campaigns';
import { FleetModule } from '@tcma/fleet';
import { NoticesModule } from '@tcma/notices';
import { RenderingModule } from '@tcma/rendering';
import { SocialModule } from '@tcma/social';
import { TenancyModule } from '@tcma/tenancy';
import { TrackingModule } from '@tcma/tracking';
import { ConciergeCancellations } from './concierge-cancellations.service';
import { PostingAccounts } from './posting-accounts';
import { SocialConnectionAccounts } from './social-connection.accounts';
import { SocialDeliveriesRepository } from './social-deliveries.repository';
import { SocialPostsRepository } from './social-posts.repository';
import { SocialPostsService } from './social-posts.service';
import { SocialPublisher } from './social-publisher.service';
import { SocialQueue } from './social-queue';
import { SocialSweepService } from './social-sweep.service';

/** Social posts: scheduling a campaign's social asset, the ledger, publishing at most once, the sweep. */
@Module({
  imports: [
    TenancyModule,
    CampaignsModule,
    BrandKitsModule,
    RenderingModule,
    FleetModule,
    SocialModule,
    TrackingModule,
    AccountsModule,
    NoticesModule,
  ],
  providers: [
    ConciergeCancellations,
    SocialPostsRepository,
    SocialDeliveriesRepository,
    SocialPostsService,
    SocialPublisher,
    SocialQueue,
    SocialSweepService,
    { provide: PostingAccounts, useClass: SocialConnectionAccounts },
  ],
  exports: [SocialPostsService, SocialPublisher, SocialSweepService],
})
export class SocialPostsModule {}
