import { Module } from '@nestjs/common';
import { AssistantModule } from '@tcma/assistant';
import { TenancyModule } from '@tcma/tenancy';
import { AssetFiles } from './asset-files.service';
import { CampaignDraftsService } from './campaign-drafts.service';
import { CampaignFilesService } from './campaign-files.service';
import { CampaignPublishingService } from './campaign-publishing.service';
import { CampaignMachineTranslationService } from './campaign-machine-translation.service';
import { CampaignSuggestionsService } from './campaign-suggestions.service';
import { CampaignTranslationsService } from './campaign-translations.service';
import { CampaignReviewsRepository } from './campaign-reviews.repository';
import { CampaignsRepository } from './campaigns.repository';
import { CampaignsService } from './campaigns.service';
import { DraftReviewService } from './draft-review.service';
import { CampaignFilesRepository } from './campaign-files.repository';

/** Authoring: campaigns, their drafts and assets, validation and immutable versions. */
@Module({
  imports: [TenancyModule, AssistantModule],
  providers: [
    CampaignsRepository,
    CampaignFilesRepository,
    CampaignReviewsRepository,
    CampaignsService,
    CampaignDraftsService,
    AssetFiles,
    CampaignPublishingService,
    CampaignFilesService,
    DraftReviewService,
    CampaignTranslationsService,
    CampaignMachineTranslationService,
    CampaignSuggestionsService,
  ],
  exports: [
    CampaignsRepository,
    CampaignReviewsRepository,
    CampaignsService,
    CampaignDraftsService,
    CampaignPublishingService,
    CampaignFilesService,
    DraftReviewService,
    CampaignTranslationsService,
    CampaignMachineTranslationService,
    CampaignSuggestionsService,
  ],
})
export class CampaignsModule {}
