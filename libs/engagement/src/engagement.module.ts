import { Module } from '@nestjs/common';
import { AnalyticsModule } from '@tcma/analytics';
import { AudienceModule } from '@tcma/audience';
import { CrmModule } from '@tcma/crm';
import { NurtureModule } from '@tcma/nurture';
import { TenancyModule } from '@tcma/tenancy';
import { TrackingModule } from '@tcma/tracking';
import { WebhooksModule } from '@tcma/webhooks';
import { ConversionsService } from './conversions.service';
import { EngagementRepository } from './engagement.repository';
import { EngagementService } from './engagement.service';

/** What prospects do after a send: judging opens and clicks, exits on clicks and conversions. */
@Module({
  imports: [TenancyModule, AudienceModule, NurtureModule, TrackingModule, AnalyticsModule, WebhooksModule, CrmModule],
  providers: [EngagementRepository, EngagementService, ConversionsService],
  exports: [EngagementService, ConversionsService],
})
export class EngagementModule {}
