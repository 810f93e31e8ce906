export { EventsRepository } from './events.repository';
export type { SendEventInput } from './events.repository';
export { judgeHits, MACHINE_RULES, SETTLE_MS } from './machine-rules';
export type { Hit, MachineReason } from './machine-rules';
export { TrackingHits } from './tracking-hits.service';
export type { HitSource } from './tracking-hits.service';
export { TrackingLinks } from './tracking-links';
export type { ClickToken } from './tracking-links';
export { TrackingModule } from './tracking.module';
