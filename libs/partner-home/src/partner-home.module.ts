import { Module } from '@nestjs/common';
import { AudienceModule } from '@tcma/audience';
import { BrandKitsModule } from '@tcma/brand-kits';
import { LaunchesModule } from '@tcma/launches';
import { PagesModule } from '@tcma/pages';
import { ProgrammesModule } from '@tcma/programmes';
import { PreviewsModule } from '@tcma/rendering';
import { TenancyModule } from '@tcma/tenancy';
import { PartnerHomeService } from './partner-home.service';
import { PartnerSetupService } from './partner-setup.service';

/** The partner home and guided set-up: what a partner user should do next, from the libs that own each part. */
@Module({
  imports: [
    TenancyModule,
    PreviewsModule,
    ProgrammesModule,
    LaunchesModule,
    PagesModule,
    BrandKitsModule,
    AudienceModule,
  ],
  providers: [PartnerHomeService, PartnerSetupService],
  exports: [PartnerHomeService, PartnerSetupService],
})
export class PartnerHomeModule {}
