import { Module } from '@nestjs/common';
import { TenancyModule } from '@tcma/tenancy';
import { BrandKitsRepository } from './brand-kits.repository';
import { BrandKitsService } from './brand-kits.service';

/** Partners' brand kits: the values and logo that fill co-brand slots. */
@Module({
  imports: [TenancyModule],
  providers: [BrandKitsRepository, BrandKitsService],
  exports: [BrandKitsService],
})
export class BrandKitsModule {}
