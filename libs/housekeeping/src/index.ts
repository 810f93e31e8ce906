export { EventPartitionsService } from './event-partitions.service';
export type { EventPartitionsResult } from './event-partitions.service';
export { HousekeepingModule } from './housekeeping.module';
export { HousekeepingService } from './housekeeping.service';
export type { HousekeepingResult } from './housekeeping.service';
export type { StoredFilesSweepResult } from './stored-files-sweep.service';
