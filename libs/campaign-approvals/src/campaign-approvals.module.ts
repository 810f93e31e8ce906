import { Module } from '@nestjs/common';
import { CampaignsModule } from '@tcma/campaigns';
import { NoticesModule } from '@tcma/notices';
import { TenancyModule } from '@tcma/tenancy';
import { ApproverNotices } from './approver-notices.service';
import { CampaignApprovalsService } from './campaign-approvals.service';

/** Publishing through an approver's review: requests, comments, decisions, their trail and the approvers' email. */
@Module({
  imports: [CampaignsModule, NoticesModule, TenancyModule],
  providers: [CampaignApprovalsService, ApproverNotices],
  exports: [CampaignApprovalsService],
})
export class CampaignApprovalsModule {}
