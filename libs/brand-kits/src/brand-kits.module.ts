import { Module } from '@nestjs/common';
import { TenancyModule } from '@tcma/tenancy';
import { BrandKitsRepository } from './brand-kits.repository';
import { BrandKitsService } from './brand-kits.service';
import { LogoPipeline } from './logo-pipeline';

/** Partners' brand kits: the values and logo that fill co-brand slots; the logo pipeline vendors' brands share. */
@Module({
  imports: [TenancyModule],
  providers: [BrandKitsRepository, BrandKitsService, LogoPipeline],
  exports: [BrandKitsService, LogoPipeline],
})
export class BrandKitsModule {}
