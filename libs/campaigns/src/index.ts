export { checkCampaignContent } from './campaign-rules';
export { CampaignDraftsService } from './campaign-drafts.service';
export type { AddedAsset } from './campaign-drafts.service';
export type { EmailAssetInput, PageAssetInput, SequenceInput } from './draft-inputs';
export { CampaignFilesService } from './campaign-files.service';
export { CampaignPublishingService } from './campaign-publishing.service';
export type { ValidationReport } from './campaign-publishing.service';
export type { CatalogueFilter } from './campaigns.repository';
export type {
  CampaignLibraryItem,
  CampaignVersionListItem,
  CampaignVersionView,
  CampaignView,
  PublishedCampaignView,
} from './campaign-views';
export { availabilityProblem } from './campaign-views';
export { CampaignsModule } from './campaigns.module';
export { CampaignsRepository } from './campaigns.repository';
export { CampaignReviewsRepository } from './campaign-reviews.repository';
export type { CampaignReviewRow, ReviewEventRow, WaitingReviewRow } from './campaign-reviews.repository';
export { CampaignsService } from './campaigns.service';
export { CampaignMachineTranslationService } from './campaign-machine-translation.service';
export { CampaignSuggestionsService, SUGGESTION_COUNT } from './campaign-suggestions.service';
export type { SuggestionRequest, Suggestions } from './campaign-suggestions.service';
export { CampaignTranslationsService } from './campaign-translations.service';
export type { DraftLanguage } from './campaign-translations.service';
export { METADATA_FIELDS } from './draft-changes';
export type { DraftChanges, MetadataField } from './draft-changes';
export { DraftReviewService } from './draft-review.service';
export type { DraftTimeline } from './draft-review.service';
export { checkSocialCopy, longestSocialCopy } from './social-copy-rules';
