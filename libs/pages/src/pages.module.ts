import { Module } from '@nestjs/common';
import { AudienceModule } from '@tcma/audience';
import { BrandKitsModule } from '@tcma/brand-kits';
import { CrmModule } from '@tcma/crm';
import { NoticesModule } from '@tcma/notices';
import { NurtureModule } from '@tcma/nurture';
import { PreviewsModule } from '@tcma/rendering';
import { TenancyModule } from '@tcma/tenancy';
import { TrackingModule } from '@tcma/tracking';
import { WebhooksModule } from '@tcma/webhooks';
import { DataRequestsRepository } from './data-requests.repository';
import { DataRequestsService } from './data-requests.service';
import { FormRateLimit } from './form-rate-limit';
import { LandingPagesService } from './landing-pages.service';
import { LeadBatchWriter } from './lead-batch-writer';
import { LeadCaptureService } from './lead-capture.service';
import { LeadNotices } from './lead-notices';
import { LeadsRepository } from './leads.repository';
import { LeadsService } from './leads.service';
import { PagesRepository } from './pages.repository';

/** Landing pages, their forms and the leads they capture. */
@Module({
  imports: [
    TenancyModule,
    BrandKitsModule,
    AudienceModule,
    NurtureModule,
    TrackingModule,
    PreviewsModule,
    WebhooksModule,
    NoticesModule,
    CrmModule,
  ],
  providers: [
    PagesRepository,
    LeadsRepository,
    DataRequestsRepository,
    DataRequestsService,
    LeadCaptureService,
    LeadBatchWriter,
    LeadNotices,
    FormRateLimit,
    LandingPagesService,
    LeadsService,
  ],
  exports: [LandingPagesService, LeadsService, DataRequestsService, LeadNotices],
})
export class PagesModule {}
