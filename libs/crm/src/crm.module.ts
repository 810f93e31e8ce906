import { Module } from '@nestjs/common';
import { FleetModule } from '@tcma/fleet';
import { NoticesModule } from '@tcma/notices';
import { NurtureModule } from '@tcma/nurture';
import { TenancyModule } from '@tcma/tenancy';
import { TrackingModule } from '@tcma/tracking';
import { WebhooksModule } from '@tcma/webhooks';
import { CrmAccess } from './crm-access';
import { CrmActivitiesRepository } from './crm-activities.repository';
import { CrmActivitySyncService } from './crm-activity-sync.service';
import { CrmAdapters } from './crm-adapters';
import { CrmConnectionsRepository } from './crm-connections.repository';
import { CrmConnectionsService } from './crm-connections.service';
import { CrmHeldBackRepository } from './crm-held-back.repository';
import { CrmHeldBackService } from './crm-held-back.service';
import { CrmLedger } from './crm-ledger';
import { CrmMilestones } from './crm-milestones';
import { CrmNotices } from './crm-notices';
import { CrmOutcomes } from './crm-outcomes';
import { CrmQueue } from './crm-queue';
import { CrmRecordsRepository } from './crm-records.repository';
import { CrmRevenuePoll } from './crm-revenue-poll.service';
import { CrmRevenueRecorder } from './crm-revenue-recorder';
import { CrmRevenueRepository } from './crm-revenue.repository';
import { CrmRevenueService } from './crm-revenue.service';
import { CrmSweepService } from './crm-sweep.service';
import { CrmSyncService } from './crm-sync.service';

/** CRM hand-off: partners' and vendors' CRM connections, leads and their engagement milestones written there once, won deals back as revenue. */
@Module({
  imports: [TenancyModule, NoticesModule, NurtureModule, TrackingModule, FleetModule, WebhooksModule],
  providers: [
    CrmAccess,
    CrmActivitiesRepository,
    CrmActivitySyncService,
    CrmAdapters,
    CrmConnectionsRepository,
    CrmConnectionsService,
    CrmHeldBackRepository,
    CrmHeldBackService,
    CrmLedger,
    CrmMilestones,
    CrmNotices,
    CrmOutcomes,
    CrmQueue,
    CrmRecordsRepository,
    CrmRevenuePoll,
    CrmRevenueRecorder,
    CrmRevenueRepository,
    CrmRevenueService,
    CrmSweepService,
    CrmSyncService,
  ],
  exports: [
    CrmActivitySyncService,
    CrmConnectionsService,
    CrmHeldBackService,
    CrmLedger,
    CrmMilestones,
    CrmRevenueService,
    CrmSweepService,
    CrmSyncService,
  ],
})
export class CrmModule {}
