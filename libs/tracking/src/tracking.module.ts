import { Module } from '@nestjs/common';
import { EventsRepository } from './events.repository';
import { TrackingHits } from './tracking-hits.service';
import { TrackingLinks } from './tracking-links';

/** Signed tracking links and the event log they feed (the Signer comes from the global SigningModule). */
@Module({
  providers: [TrackingLinks, EventsRepository, TrackingHits],
  exports: [TrackingLinks, EventsRepository, TrackingHits],
})
export class TrackingModule {}
