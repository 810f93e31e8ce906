export { PostingAccounts } from './posting-accounts';
export { UNCERTAIN_CHECK_AFTER_MS } from './publish-outcome';
export { SocialPostsModule } from './social-posts.module';
export type { SocialDeliveryView, SocialPostView } from './social-post-views';
export { SocialPostsService, VENDOR_CANCEL_REFUSED } from './social-posts.service';
export type { ChosenAccounts } from './social-posts.service';
export { SocialPublisher } from './social-publisher.service';
export { SocialSweepService, STALE_PUBLISHING_MS } from './social-sweep.service';
