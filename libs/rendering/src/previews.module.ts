import { CatalogueService } from './catalogue.service';
import { Module } from '@nestjs/common';
import { BrandKitsModule } from '@tcma/brand-kits';
import { CampaignsModule } from '@tcma/campaigns';
import { TenancyModule } from '@tcma/tenancy';
import { DraftAssetsService } from './draft-assets.service';
import { DraftEmailCheckService } from './draft-email-check.service';
import { DraftPageCheckService } from './draft-page-check.service';
import { DraftPreviewPartners } from './draft-preview-partners';
import { FilePagesService } from './file-pages.service';
import { PreviewsService } from './previews.service';
import { RenderedAssetsRepository } from './rendered-assets.repository';

/** The API's side of previews: access, render identity, stored renders; rendering is queued. */
@Module({
  imports: [TenancyModule, CampaignsModule, BrandKitsModule],
  providers: [
    PreviewsService,
    CatalogueService,
    RenderedAssetsRepository,
    DraftPreviewPartners,
    DraftEmailCheckService,
    DraftPageCheckService,
    DraftAssetsService,
    FilePagesService,
  ],
  exports: [
    PreviewsService,
    CatalogueService,
    DraftEmailCheckService,
    DraftPageCheckService,
    DraftAssetsService,
    FilePagesService,
  ],
})
export class PreviewsModule {}
