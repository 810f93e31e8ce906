import { Module } from '@nestjs/common';
import { BrandKitsModule } from '@tcma/brand-kits';
import { CampaignsModule } from '@tcma/campaigns';
import { TenancyModule } from '@tcma/tenancy';
import { AssetRenderService } from './asset-render.service';
import { EmailRenderService } from './email-render.service';
import { RenderedAssetsRepository } from './rendered-assets.repository';

/** Rendering co-branded assets (the worker's render role, and email compiles for sends). */
@Module({
  imports: [TenancyModule, CampaignsModule, BrandKitsModule],
  providers: [AssetRenderService, EmailRenderService, RenderedAssetsRepository],
  exports: [AssetRenderService, EmailRenderService],
})
export class RenderingModule {}
