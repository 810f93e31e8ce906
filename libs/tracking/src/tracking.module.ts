import { Module } from '@nestjs/common';
import { EventsRepository } from './events.repository';
import { TrackingLinks } from './tracking-links';

/** Signed tracking links and the event log they feed (the Signer comes from the global SigningModule). */
@Module({
  providers: [TrackingLinks, EventsRepository],
  exports: [TrackingLinks, EventsRepository],
})
export class TrackingModule {}
