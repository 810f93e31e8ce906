import { Module } from '@nestjs/common';
import { BrandKitsModule } from '@tcma/brand-kits';
import { TenancyModule } from '@tcma/tenancy';
import { VendorBrandsRepository } from './vendor-brands.repository';
import { VendorBrandsService } from './vendor-brands.service';

/** A vendor's own brand on what its partners see: the portal, its signed-out pages, the engine's emails. */
@Module({
  imports: [TenancyModule, BrandKitsModule],
  providers: [VendorBrandsRepository, VendorBrandsService],
  exports: [VendorBrandsService],
})
export class VendorBrandsModule {}
