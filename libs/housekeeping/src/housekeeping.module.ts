import { Module } from '@nestjs/common';
import { EventPartitionsRepository } from './event-partitions.repository';
import { EventPartitionsService } from './event-partitions.service';
import { HousekeepingService } from './housekeeping.service';
import { StoredFilesSweepService } from './stored-files-sweep.service';
import { FileReferencesRepository } from './file-references.repository';

/** The events' partitions and retention, and the stored-files sweep (worker, sweep role). */
@Module({
  providers: [
    EventPartitionsRepository,
    EventPartitionsService,
    FileReferencesRepository,
    StoredFilesSweepService,
    HousekeepingService,
  ],
  exports: [HousekeepingService, EventPartitionsService],
})
export class HousekeepingModule {}
