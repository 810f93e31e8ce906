export { EventPartitionsService } from './event-partitions.service';
export { HousekeepingModule } from './housekeeping.module';
export { HousekeepingService } from './housekeeping.service';
