export { CampaignApprovalsModule } from './campaign-approvals.module';
export { CampaignApprovalsService, REVIEW_COMMENT_MAX } from './campaign-approvals.service';
export type {
  PublishingPolicy,
  ReviewCommentInput,
  ReviewRequestInput,
  WaitingReview,
} from './campaign-approvals.service';
export type { ReviewEventView, ReviewView } from './review-views';
