export { PostingAccounts } from './posting-accounts';
export type { PostingAccount } from './posting-accounts';
export {
  afterCheck,
  afterPublish,
  MAX_PUBLISH_ATTEMPTS,
  RETRY_BASE_MS,
  RETRY_MAX_MS,
  UNCERTAIN_CHECK_AFTER_MS,
} from './publish-outcome';
export { tagLink, trackSocialLinks } from './social-post-links';
export type { TrackedCopy, TrackedLink } from './social-post-links';
export { SocialPostsModule } from './social-posts.module';
export type { SocialDeliveryView, SocialPostView } from './social-posts.repository';
export { MAX_SCHEDULE_AHEAD_DAYS, PAST_TOLERANCE_MS, SocialPostsService } from './social-posts.service';
export type { CreateSocialPostInput } from './social-posts.service';
export { NETWORK_IMAGE_SIZE, SocialPublisher } from './social-publisher.service';
export { STALE_PUBLISHING_MS, SocialSweepService } from './social-sweep.service';
export type { SocialSweepResult } from './social-sweep.service';
