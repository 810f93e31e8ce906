export { EventsRepository } from './events.repository';
export { judgeHits, SETTLE_MS } from './machine-rules';
export type { Hit } from './machine-rules';
export { SocialClicks } from './social-clicks.service';
export { SocialLinks } from './social-links';
export { TrackingHits } from './tracking-hits.service';
export type { HitSource } from './tracking-hits.service';
export { TrackingLinks } from './tracking-links';
export { TrackingModule } from './tracking.module';
