export { checkCampaignContent, LIMITS as CAMPAIGN_LIMITS } from './campaign-rules';
export type { CheckMode } from './campaign-rules';
export { CampaignDraftsService, sequenceOf } from './campaign-drafts.service';
export type { AddedAsset } from './campaign-drafts.service';
export type {
  EmailAssetInput,
  MetadataInput,
  PdfAssetInput,
  SequenceInput,
  SocialAssetInput,
} from './campaign-drafts.service';
export { CampaignFilesService } from './campaign-files.service';
export { CampaignPublishingService } from './campaign-publishing.service';
export type { ValidationReport } from './campaign-publishing.service';
export type { CampaignUsage, CatalogueFilter, CatalogueRow } from './campaigns.repository';
export type {
  CampaignLibraryItem,
  CampaignVersionListItem,
  CampaignVersionView,
  CampaignView,
  CatalogueSettings,
  PublishedCampaignView,
} from './campaign-views';
export { availabilityProblem } from './campaign-views';
export { CampaignsModule } from './campaigns.module';
export { CampaignsRepository } from './campaigns.repository';
export { CampaignsService } from './campaigns.service';
export type { CreateCampaignInput, ListCampaignsInput } from './campaigns.service';
export { diffCampaignContent, METADATA_FIELDS } from './draft-changes';
export type { AssetRef, DraftChanges, ListChanges, MetadataChange, MetadataField, StepRef } from './draft-changes';
export { draftTimeline, localWallTime } from './draft-timeline';
export type { TimelineStep } from './draft-timeline';
export { DraftReviewService } from './draft-review.service';
export type { DraftTimeline, TimelineInput } from './draft-review.service';
export { checkSocialCopy, isSocialNetwork, longestSocialCopy } from './social-copy-rules';
