import { Module } from '@nestjs/common';
import { EventsRepository } from './events.repository';
import { SocialClicksRepository } from './social-clicks.repository';
import { SocialClicks } from './social-clicks.service';
import { SocialLinks } from './social-links';
import { TrackingHits } from './tracking-hits.service';
import { TrackingLinks } from './tracking-links';

/**
 * Signed tracking links and the event log they feed (the Signer comes from the global
 * SigningModule); the short tracked links of social posts and their clicks.
 */
@Module({
  providers: [TrackingLinks, EventsRepository, TrackingHits, SocialLinks, SocialClicksRepository, SocialClicks],
  exports: [TrackingLinks, EventsRepository, TrackingHits, SocialLinks, SocialClicks],
})
export class TrackingModule {}
